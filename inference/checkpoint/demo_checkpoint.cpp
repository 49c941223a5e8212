#include "inference/checkpoint/demo_checkpoint.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "inference/base/error.h"
#include "inference/rules/preprocessor_config.h"

namespace vs::checkpoint {

namespace {

using json = nlohmann::json;

// Indented by four, keys sorted, a final newline (the layout the files have always had).
std::string text(const json& j) {
  return j.dump(4) + "\n";
}

json generationConfig() {
  return json{{"bos_token_id", 151643}, {"pad_token_id", 151643}, {"eos_token_id", {151645, 151643}},
              {"do_sample", true},      {"temperature", 0.7},     {"transformers_version", "4.53.2"}};
}

json preprocessorConfig() {
  const videoscore2::PreprocessorConfig d;
  return json{{"min_pixels", d.min_pixels},
              {"max_pixels", d.max_pixels},
              {"patch_size", d.patch_size},
              {"temporal_patch_size", d.temporal_patch_size},
              {"merge_size", d.merge_size},
              {"image_mean", d.image_mean},
              {"image_std", d.image_std},
              {"image_processor_type", d.image_processor_type},
              {"processor_class", "Qwen2_5_VLProcessor"}};
}

json tokenizerConfig() {
  return json{{"eos_token", "<|im_end|>"},
              {"pad_token", "<|endoftext|>"},
              {"model_max_length", 32768},
              {"tokenizer_class", "Qwen2Tokenizer"}};
}

bool writeFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(f.flush());
}

}  // namespace

std::string findShippedTokenizer(const std::string& program_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path installed =
      fs::path(program_dir) / "../share/videoscore-studio/tokenizer/qwen25vl-tokenizer.json.gz";
  if (fs::exists(installed, ec))
    return installed.lexically_normal().string();
  fs::path dir = fs::path(program_dir).lexically_normal();
  for (int up = 0; up < 6; ++up) {
    if (fs::exists(dir / kShippedTokenizer, ec))
      return (dir / kShippedTokenizer).string();
    if (dir == dir.parent_path())
      break;
    dir = dir.parent_path();
  }
  return {};
}

std::optional<TensorLayout> tensorLayoutNamed(const std::string& name) {
  if (name == "legacy" || name == "nested")
    return name == "nested" ? TensorLayout::Nested : TensorLayout::Legacy;
  return std::nullopt;
}

std::optional<StoredDtype> storedDtypeNamed(const std::string& name) {
  if (name == "bf16" || name == "f32")
    return name == "bf16" ? StoredDtype::BF16 : StoredDtype::F32;
  return std::nullopt;
}

std::string describeDemoCheckpoint(const std::string& dir, const RandomWeightsSummary& written,
                                   const RandomWeightsOptions& weights) {
  char megabytes[32];
  std::snprintf(megabytes, sizeof megabytes, "%.1f", double(written.bytes) / 1e6);
  return "wrote " + dir + ": " + std::to_string(written.tensors) + " tensors, " + megabytes + " MB, layout " +
         (weights.layout == TensorLayout::Nested ? "nested, " : "legacy, ") +
         (weights.dtype == StoredDtype::BF16 ? "bf16" : "f32") + ", seed " + std::to_string(weights.seed) +
         "\n";
}

std::string demoConfigJson(bool tie) {
  const json vision{{"depth", 2},
                    {"hidden_size", 32},
                    {"num_heads", 2},
                    {"intermediate_size", 48},
                    {"out_hidden_size", 64},
                    {"patch_size", 14},
                    {"spatial_patch_size", 14},
                    {"temporal_patch_size", 2},
                    {"spatial_merge_size", 2},
                    {"window_size", 112},
                    {"fullatt_block_indexes", {1}},
                    {"tokens_per_second", 2},
                    {"in_chans", 3},
                    {"hidden_act", "silu"}};
  const json config{{"architectures", {"Qwen2_5_VLForConditionalGeneration"}},
                    {"model_type", "qwen2_5_vl"},
                    {"vocab_size", 151936},
                    {"hidden_size", 64},
                    {"intermediate_size", 128},
                    {"num_hidden_layers", 2},
                    {"num_attention_heads", 4},
                    {"num_key_value_heads", 2},
                    {"hidden_act", "silu"},
                    {"rms_norm_eps", 1e-6},
                    {"rope_theta", 1000000},
                    {"rope_scaling", {{"type", "mrope"}, {"mrope_section", {2, 3, 3}}}},
                    {"max_position_embeddings", 32768},
                    {"tie_word_embeddings", tie},
                    {"sliding_window", 32768},
                    {"use_sliding_window", false},
                    {"max_window_layers", 2},
                    {"attention_dropout", 0},
                    {"torch_dtype", "bfloat16"},
                    {"bos_token_id", 151643},
                    {"eos_token_id", 151645},
                    {"vision_start_token_id", 151652},
                    {"vision_end_token_id", 151653},
                    {"vision_token_id", 151654},
                    {"image_token_id", 151655},
                    {"video_token_id", 151656},
                    {"vision_config", vision}};
  return text(config);
}

RandomWeightsSummary writeDemoCheckpoint(const std::string& dir, const DemoCheckpointOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw inference::Error(inference::Error::Kind::Io, dir, "", "cannot create");
  }
  const fs::path d(dir);
  const std::string config = demoConfigJson(options.tie);
  std::vector<std::pair<std::string, std::string>> files{
      {"config.json", config},
      {"generation_config.json", text(generationConfig())},
      {"preprocessor_config.json", text(preprocessorConfig())},
      {"tokenizer_config.json", text(tokenizerConfig())},
      {"tokenizer.json", options.tokenizer_json}};
  files.insert(files.end(), options.extra_files.begin(), options.extra_files.end());
  for (const auto& [name, bytes] : files) {
    if (!writeFile(d / name, bytes)) {
      throw inference::Error(inference::Error::Kind::Io, dir, "", "cannot write the checkpoint files");
    }
  }
  return writeRandomWeights(dir, config, options.weights);
}

}  // namespace vs::checkpoint
