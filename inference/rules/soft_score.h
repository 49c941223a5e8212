#pragma once
// Soft scores as vs2_inference.py computes them (ll_based_soft_score_normed and
// find_score_token_index_by_prompt). Replicated, quirks included:
//  * the step is found from the FIRST case-insensitive occurrence of the label anywhere in the
//    generated text decoded with special tokens, and the first digit after it, even when the
//    reasoning mentions the label earlier than the score block;
//  * p_s = exp(log_softmax(processed logits)[id of "s"]) for s = 1..5 (float32 log-softmax,
//    float64 exp); best = first s with the largest p; soft = round(best * p_best / sum(p), 4)
//    with Python's correctly rounded round(); sum(p) == 0 gives 0.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "inference/rules/generated_tokens.h"

namespace vs::videoscore2 {

// Index of the generated step whose token completes the first digit after `label`, or -1.
int findScoreTokenIndex(std::string_view label, const GeneratedTokens& tokens);

// Python round(x, ndigits) for floats (correctly rounded, ties to even on the exact binary value).
double pythonRound(double x, int ndigits);

// `log_probs[s-1]`: the float32 log-softmax value of the token "s" at the score step.
// Returns nullopt when the hard score is absent or the step was not found (step < 0).
std::optional<double> softScoreFromLogProbs(bool hard_present, int step,
                                            const std::array<float, 5>& log_probs);

}  // namespace vs::videoscore2
