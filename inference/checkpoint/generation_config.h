#pragma once
// generation_config.json of a checkpoint. Absent keys keep transformers' GenerationConfig defaults
// (do_sample false, temperature 1, top_k 50, top_p 1, repetition_penalty 1); has_* says whether
// the file set them, because HF merges the file with call kwargs (qwen25vl.md §7).
#include <cstdint>
#include <optional>
#include <vector>

namespace vs::checkpoint {

struct GenerationConfig {
  bool present = false;  // the file existed
  bool do_sample = false;
  double temperature = 1.0;
  int64_t top_k = 50;
  double top_p = 1.0;
  double repetition_penalty = 1.0;
  std::optional<int64_t> max_new_tokens;
  std::optional<int64_t> pad_token_id;
  std::optional<int64_t> bos_token_id;
  std::vector<int64_t> eos_token_ids;  // "eos_token_id": int or list
  bool has_temperature = false;
  bool has_top_k = false;
  bool has_top_p = false;
  bool has_repetition_penalty = false;
};

}  // namespace vs::checkpoint
