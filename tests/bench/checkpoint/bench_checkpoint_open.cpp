// Checkpoint::open on a Qwen2.5-VL-7B-shaped checkpoint (729 BF16 tensors, 8.29 B parameters, 4
// shards). The shards are sparse files: the header is real, the 16.6 GB of data are holes, which
// open() must never touch. Baseline in the same run: reading the four headers and parsing them
// into a JSON DOM (the floor any loader pays), without validation or name mapping.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "inference/checkpoint/checkpoint.h"
#include "inference/checkpoint/config_reader.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using vs::checkpoint::ExpectedTensor;

namespace {

double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

const char* kConfig =
    R"({"model_type":"qwen2_5_vl","vocab_size":152064,"hidden_size":3584,"intermediate_size":18944,
"num_hidden_layers":28,"num_attention_heads":28,"num_key_value_heads":4,"rms_norm_eps":1e-06,"rope_theta":1000000.0,
"rope_scaling":{"type":"mrope","mrope_section":[16,24,24]},"tie_word_embeddings":false,"bos_token_id":151643,
"eos_token_id":151645,"image_token_id":151655,"video_token_id":151656,"vision_start_token_id":151652,
"vision_end_token_id":151653,"vision_config":{"depth":32,"hidden_size":1280,"num_heads":16,"intermediate_size":3420,
"out_hidden_size":3584,"patch_size":14,"temporal_patch_size":2,"spatial_merge_size":2,"window_size":112,
"fullatt_block_indexes":[7,15,23,31],"in_chans":3,"tokens_per_second":2}})";

void writeSparseShard(const fs::path& path, const std::vector<ExpectedTensor>& tensors) {
  nlohmann::ordered_json header = {{"__metadata__", {{"format", "pt"}}}};
  uint64_t offset = 0;
  for (const ExpectedTensor& t : tensors) {
    uint64_t n = 2;
    for (int64_t d : t.shape) {
      n *= static_cast<uint64_t>(d);
    }
    header[t.name] = {{"dtype", "BF16"}, {"shape", t.shape}, {"data_offsets", {offset, offset + n}}};
    offset += n;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    const uint64_t len = text.size();
    f.write(reinterpret_cast<const char*>(&len), 8);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  fs::resize_file(path, 8 + text.size() + offset);  // holes, not data
}

}  // namespace

int main() {
  const fs::path dir = fs::temp_directory_path() / ("vs_bench_ckpt_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "config.json") << kConfig;
  const auto config = vs::checkpoint::parseQwen25VLConfig(kConfig, "config.json");
  const std::vector<ExpectedTensor> all = vs::checkpoint::expectedTensors(config);
  nlohmann::json weight_map = nlohmann::json::object();
  std::vector<std::vector<ExpectedTensor>> shards(4);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::size_t s = i * 4 / all.size();
    shards[s].push_back(all[i]);
    weight_map[all[i].name] = "model-0000" + std::to_string(s + 1) + "-of-00004.safetensors";
  }
  for (std::size_t s = 0; s < 4; ++s) {
    writeSparseShard(dir / ("model-0000" + std::to_string(s + 1) + "-of-00004.safetensors"), shards[s]);
  }
  std::ofstream(dir / "model.safetensors.index.json")
      << nlohmann::json({{"metadata", {}}, {"weight_map", weight_map}});

  constexpr int kRuns = 20;
  double ours_best = 1e9;
  double ours_total = 0;
  int64_t params = 0;
  std::size_t tensors = 0;
  for (int r = 0; r < kRuns; ++r) {
    const auto t = Clock::now();
    const auto c = vs::checkpoint::Checkpoint::open(dir.string());
    const double ms = msSince(t);
    ours_best = std::min(ours_best, ms);
    ours_total += ms;
    params = c.parameterCount();
    tensors = c.tensors().size();
  }
  double base_best = 1e9;
  double base_total = 0;
  for (int r = 0; r < kRuns; ++r) {
    const auto t = Clock::now();
    std::size_t keys = 0;
    for (std::size_t s = 0; s < 4; ++s) {
      std::ifstream f(dir / ("model-0000" + std::to_string(s + 1) + "-of-00004.safetensors"),
                      std::ios::binary);
      uint64_t len = 0;
      f.read(reinterpret_cast<char*>(&len), 8);
      std::string text(len, '\0');
      f.read(text.data(), static_cast<std::streamsize>(len));
      keys += nlohmann::json::parse(text).size();
    }
    const double ms = msSince(t);
    base_best = std::min(base_best, ms);
    base_total += ms;
    if (keys == 0) {
      std::printf("baseline read nothing\n");
    }
  }
  uint64_t disk = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    disk += fs::file_size(e.path());
  }
  fs::remove_all(dir);
  std::printf("checkpoint: %zu tensors (lm_head included), %.3f B parameters, %.1f GB of (sparse) shards\n",
              tensors, params / 1e9, disk / 1e9);
  std::printf("%-46s %10s %10s\n", "", "best ms", "mean ms");
  std::printf("%-46s %10.2f %10.2f\n", "ours: Checkpoint::open (validate + map + check)", ours_best,
              ours_total / kRuns);
  std::printf("%-46s %10.2f %10.2f\n", "baseline: read 4 headers + JSON DOM parse", base_best,
              base_total / kRuns);
  return 0;
}
