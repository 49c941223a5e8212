#pragma once
// Glue between ScoreBlockController and the generation loop: one generation pass whose callbacks
// force the score block. A stop token chosen in the free part is replaced in `after_select` by
// the block's first token, so the prompt is prefilled once and a seeded run draws one random
// number per step, like a single unconstrained pass.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "inference/generate/generation.h"
#include "inference/rules/score_block_controller.h"

namespace vs::videoscore2 {

// Which logits a digit step's soft score comes from.
enum class SoftScoreSource {
  kProcessed,  // the processed `scores` of the step (vs2_inference.py)
  kPreWarper,  // top-k/top-p masked every digit: penalised, temperature-scaled logits instead
};
const char* softScoreSourceName(SoftScoreSource source);

struct DigitLogits {
  const std::vector<float>* logits = nullptr;
  SoftScoreSource source = SoftScoreSource::kProcessed;
};
// The distribution the digit at `kept` was chosen from (generation.h StepControl fallback).
DigitLogits digitLogitsOf(const generate::KeptLogits& kept);

// `bytes_of(id)`: the token's decoded bytes; `on_appended(id)` sees every appended token.
generate::GenerationCallbacks constrainedCallbacks(ScoreBlockController& controller,
                                                   std::function<std::string(int64_t)> bytes_of,
                                                   std::function<void(int64_t)> on_appended,
                                                   const std::atomic<bool>* cancel);

}  // namespace vs::videoscore2
