#pragma once
// transformers' logits processors (generation/logits_process.py), each a pure function on fp32
// scores [1, vocab]; LogitsProcessorChain applies them in GenerationMixin._get_logits_processor
// order: repetition penalty, then — when sampling — temperature, top-k, top-p, min-p.
#include <ATen/ATen.h>

#include "inference/generate/generation_config.h"

namespace vs::generate {

// RepetitionPenaltyLogitsProcessor: every id seen so far (prompt included), once per unique id:
// s < 0 ? s * penalty : s / penalty.
at::Tensor repetitionPenalty(const at::Tensor& input_ids, const at::Tensor& scores, double penalty);
// TemperatureLogitsWarper.
at::Tensor temperatureWarp(const at::Tensor& scores, double temperature);
// TopKLogitsWarper: keep every score >= the k-th largest (ties kept), others -inf.
at::Tensor topKWarp(const at::Tensor& scores, int64_t top_k, int64_t min_tokens_to_keep = 1);
// TopPLogitsWarper: ascending sort, drop tokens whose cumulative probability <= 1 - top_p.
at::Tensor topPWarp(const at::Tensor& scores, double top_p, int64_t min_tokens_to_keep = 1);
// MinPLogitsWarper: drop tokens with probability < min_p * max probability.
at::Tensor minPWarp(const at::Tensor& scores, double min_p, int64_t min_tokens_to_keep = 1);

class LogitsProcessorChain {
 public:
  explicit LogitsProcessorChain(const GenerationConfig& config) : config_(config) {}
  // input_ids [1, n] int64 (prompt + generated so far); scores [1, vocab] fp32.
  at::Tensor operator()(const at::Tensor& input_ids, const at::Tensor& scores) const;
  // Only the repetition penalty (the fallback ranking of a step constraint).
  at::Tensor penaltyOnly(const at::Tensor& input_ids, const at::Tensor& scores) const;
  // The repetition penalty, then the temperature when sampling: the chain before top-k/p/min-p.
  at::Tensor preWarper(const at::Tensor& input_ids, const at::Tensor& scores) const;

 private:
  GenerationConfig config_;
};

}  // namespace vs::generate
