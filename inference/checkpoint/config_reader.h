#pragma once
// Reads the JSON files of a checkpoint into the plain structs. Accepts every config.json spelling
// seen in the wild (qwen25vl.md §1): text fields at top level or under "text_config";
// "rope_scaling" with "type" or "rope_type", or v5's "rope_parameters"; "in_chans" or
// "in_channels"; missing "tokens_per_second" (=> 4, the class default, as transformers does).
// A missing required key throws inference::Error naming the file and the key. preprocessor_config.json
// is read by inference/rules/preprocessor_config.h.
#include <string>

#include "inference/checkpoint/generation_config.h"
#include "inference/checkpoint/qwen25vl_config.h"

namespace vs::checkpoint {

// `text` is the file's content, `file` labels errors.
Qwen25VLConfig parseQwen25VLConfig(const std::string& text, const std::string& file);
GenerationConfig parseGenerationConfig(const std::string& text, const std::string& file);

}  // namespace vs::checkpoint
