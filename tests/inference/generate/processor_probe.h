#pragma once
// Torch-free access to the logits processors for the Qt test (the probe .cpp is the torch TU).
#include <cstdint>
#include <vector>

#include "inference/generate/generation_config.h"

namespace vs::test {

// The full chain (LogitsProcessorChain) on one row of scores.
std::vector<float> runChain(const generate::GenerationConfig& config, const std::vector<int64_t>& input_ids,
                            const std::vector<float>& scores);

}  // namespace vs::test
