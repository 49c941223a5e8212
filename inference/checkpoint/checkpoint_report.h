#pragma once
// What a checkpoint directory holds, as `vscore model-info` reports it: storage and name layout,
// tensor and parameter counts, dtypes, the text and vision configuration, which optional configs
// are present, and the tensors missing, unexpected or invalid. Keys in report order.
#include <nlohmann/json.hpp>

#include "inference/checkpoint/checkpoint.h"

namespace vs::checkpoint {

// `with_tensors` adds tensor_shapes {name: {dtype, shape}}.
nlohmann::ordered_json describeCheckpoint(const Checkpoint& c, bool with_tensors);

// No tensor missing or invalid (unexpected ones are ignored by the engine).
bool loadable(const nlohmann::ordered_json& report);

// The text form: one "key: value" line per entry, the value as compact JSON, then "loadable: yes"
// or "loadable: no".
std::string reportText(const nlohmann::ordered_json& report);

// Throws inference::Error (BadModel) "DIR: N tensors missing, M invalid" when the report of the
// checkpoint in `dir` is not loadable.
void requireLoadable(const nlohmann::ordered_json& report, const std::string& dir);

}  // namespace vs::checkpoint
