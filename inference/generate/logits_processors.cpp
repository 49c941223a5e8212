#include "inference/generate/logits_processors.h"

#include <algorithm>
#include <limits>

namespace vs::generate {
namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
}

at::Tensor repetitionPenalty(const at::Tensor& input_ids, const at::Tensor& scores, double penalty) {
  const auto ids = input_ids.to(scores.device());
  auto score = scores.gather(1, ids);
  score = at::where(score < 0, score * penalty, score / penalty);
  return scores.scatter(1, ids, score);
}

at::Tensor temperatureWarp(const at::Tensor& scores, double temperature) {
  return scores / temperature;
}

at::Tensor topKWarp(const at::Tensor& scores, int64_t top_k, int64_t min_tokens_to_keep) {
  const int64_t k = std::min(std::max(top_k, min_tokens_to_keep), scores.size(-1));
  const auto kth = std::get<0>(scores.topk(k)).narrow(-1, k - 1, 1);
  return scores.masked_fill(scores < kth, kNegInf);
}

at::Tensor topPWarp(const at::Tensor& scores, double top_p, int64_t min_tokens_to_keep) {
  const auto [sorted, indices] = scores.sort(/*dim=*/-1, /*descending=*/false);
  const auto cumulative = sorted.softmax(-1).cumsum(-1);
  auto sorted_remove = cumulative <= (1.0 - top_p);
  sorted_remove.narrow(-1, sorted_remove.size(-1) - min_tokens_to_keep, min_tokens_to_keep).fill_(false);
  const auto remove = sorted_remove.scatter(1, indices, sorted_remove);
  return scores.masked_fill(remove, kNegInf);
}

at::Tensor minPWarp(const at::Tensor& scores, double min_p, int64_t min_tokens_to_keep) {
  const auto probs = scores.softmax(-1);
  const auto top = std::get<0>(probs.max(-1, /*keepdim=*/true));
  const auto remove = probs < top * min_p;
  // argsort descending (the processor's "stable" sort keeps index order on ties).
  const auto indices = std::get<1>(scores.sort(/*stable=*/true, /*dim=*/-1, /*descending=*/true));
  auto sorted_remove = remove.gather(-1, indices);
  sorted_remove.narrow(-1, 0, min_tokens_to_keep).fill_(false);
  const auto back = sorted_remove.scatter(1, indices, sorted_remove);
  return scores.masked_fill(back, kNegInf);
}

at::Tensor LogitsProcessorChain::penaltyOnly(const at::Tensor& input_ids, const at::Tensor& scores) const {
  return config_.repetition_penalty != 1.0 ? repetitionPenalty(input_ids, scores, config_.repetition_penalty)
                                           : scores;
}

at::Tensor LogitsProcessorChain::preWarper(const at::Tensor& input_ids, const at::Tensor& scores) const {
  auto s = penaltyOnly(input_ids, scores);
  if (config_.decoding == Decoding::kSample && config_.temperature != 1.0) {
    s = temperatureWarp(s, config_.temperature);
  }
  return s;
}

at::Tensor LogitsProcessorChain::operator()(const at::Tensor& input_ids, const at::Tensor& scores) const {
  auto s = preWarper(input_ids, scores);
  if (config_.decoding == Decoding::kSample) {
    if (config_.top_k != 0) {
      s = topKWarp(s, config_.top_k);
    }
    if (config_.top_p < 1.0) {
      s = topPWarp(s, config_.top_p);
    }
    if (config_.min_p) {
      s = minPWarp(s, *config_.min_p);
    }
  }
  return s;
}

}  // namespace vs::generate
