#pragma once
// The settings of one generation, resolved the way transformers' `generate` resolves them: the
// checkpoint's generation_config.json first, then the caller's explicit settings on top
// (GenerationMixin._prepare_generation_config), then GenerationConfig's class defaults for what
// neither names (top_k 50, top_p 1.0, temperature 1.0, repetition_penalty 1.0). Torch-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inference/checkpoint/generation_config.h"

namespace vs::generate {

enum class Decoding {
  kGreedy,  // argmax of the processed logits (warpers are not applied)
  kSample,  // multinomial draw from softmax of the processed logits
};

struct GenerationConfig {
  Decoding decoding = Decoding::kGreedy;
  double temperature = 1.0;
  int64_t top_k = 50;  // 0 disables
  double top_p = 1.0;  // >= 1 disables
  std::optional<double> min_p;
  double repetition_penalty = 1.0;  // 1 disables
  int64_t max_new_tokens = 1024;
  std::vector<int64_t> eos_token_ids;  // stop set; empty: never stops on a token
  uint64_t seed = 0;                   // sampling RNG seed; the same seed gives the same tokens
};

// What a caller sets explicitly; every unset field falls back to the checkpoint's file.
struct GenerationOverrides {
  std::optional<Decoding> decoding;
  std::optional<double> temperature;
  std::optional<int64_t> top_k;
  std::optional<double> top_p;
  std::optional<double> min_p;
  std::optional<double> repetition_penalty;
  std::optional<int64_t> max_new_tokens;
  std::optional<std::vector<int64_t>> eos_token_ids;
  std::optional<uint64_t> seed;
};

// `file` is the checkpoint's generation_config.json as read by the loader (`present` false when
// absent); `model_eos_token_id` is config.json's eos_token_id, the stop token when the file has
// none. Throws std::invalid_argument naming the setting for a value out of range.
GenerationConfig resolveGenerationConfig(const checkpoint::GenerationConfig& file,
                                         const GenerationOverrides& call, int64_t model_eos_token_id);

// Human-readable one-line summary ("sample T=0.7 top_k=1 top_p=0.001 rep=1.05 max=1024").
std::string describe(const GenerationConfig& config);

}  // namespace vs::generate
