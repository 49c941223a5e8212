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

}  // namespace vs::checkpoint
