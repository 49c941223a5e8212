#pragma once
// The generation loop (transformers GenerationMixin._sample, batch 1): processor chain, optional
// step constraint, greedy or seeded sampling, streaming, cancel, kept processed logits.
// The contract is documented in generation.h.
#include <cstdint>
#include <vector>

#include "inference/generate/generation.h"
#include "inference/generate/generation_config.h"
#include "inference/generate/step_model.h"

namespace vs::generate {

// `prompt_ids` are the ids the model was prefilled with (the repetition penalty covers them).
// Sampling draws on the CPU from a generator seeded with config.seed, one multinomial per step,
// so a seed gives the same tokens on every device for the same probabilities (and the same
// tokens as torch.manual_seed(seed) + torch.multinomial in Python on the CPU).
GenerationResult runGeneration(StepModel& model, const std::vector<int64_t>& prompt_ids,
                               const GenerationConfig& config, const GenerationCallbacks& callbacks);

}  // namespace vs::generate
