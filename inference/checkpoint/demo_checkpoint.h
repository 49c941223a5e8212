#pragma once
// The tiny random-weight Qwen2.5-VL checkpoint of `vscore demo-model`, in the Hugging Face layout:
// config.json (2 text layers, 2 vision blocks, Qwen2.5's vocabulary), generation_config.json and
// tokenizer_config.json as VideoScore2 ships them, preprocessor_config.json with the processor
// defaults (inference/rules/preprocessor_config.h), the given tokenizer.json and random weights
// (random_weights.h). Qt-free, torch-free.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inference/checkpoint/random_weights.h"

namespace vs::checkpoint {

struct DemoCheckpointOptions {
  RandomWeightsOptions weights;
  bool tie = false;            // lm_head tied to the embedding (smaller files)
  std::string tokenizer_json;  // the text of tokenizer.json (tokenizer::readTokenizerText)
  std::vector<std::pair<std::string, std::string>> extra_files;  // name, content
};

// The Qwen2.5 tokenizer the program ships, as a path below the source tree.
inline constexpr const char* kShippedTokenizer = "resources/tokenizer/qwen25vl-tokenizer.json.gz";

// The shipped tokenizer of a program in `program_dir`: installed beside it
// (../share/videoscore-studio/tokenizer/), else kShippedTokenizer in `program_dir` or one of the
// five folders above it (a build tree). Empty when there is neither.
std::string findShippedTokenizer(const std::string& program_dir);

// The names `vscore demo-model` takes: "legacy" or "nested", "bf16" or "f32"; nullopt otherwise.
std::optional<TensorLayout> tensorLayoutNamed(const std::string& name);
std::optional<StoredDtype> storedDtypeNamed(const std::string& name);

// "wrote DIR: N tensors, X.X MB, layout legacy|nested, bf16|f32, seed S", what a write made.
std::string describeDemoCheckpoint(const std::string& dir, const RandomWeightsSummary& written,
                                   const RandomWeightsOptions& weights);

// The demo's config.json text.
std::string demoConfigJson(bool tie);

// Creates `dir` and writes the checkpoint into it. Throws inference::Error (Io) naming `dir` when
// it cannot be created or a file cannot be written.
RandomWeightsSummary writeDemoCheckpoint(const std::string& dir, const DemoCheckpointOptions& options);

}  // namespace vs::checkpoint
