#include "inference/generate/generator.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <chrono>
#include <limits>

#include "inference/generate/logits_processors.h"

namespace vs::generate {
namespace {

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool cancelled(const GenerationCallbacks& callbacks) {
  return callbacks.cancel != nullptr && callbacks.cancel->load(std::memory_order_relaxed);
}

}  // namespace

GenerationResult runGeneration(StepModel& model, const std::vector<int64_t>& prompt_ids,
                               const GenerationConfig& config, const GenerationCallbacks& callbacks) {
  GenerationResult result;
  result.prompt_tokens = static_cast<int64_t>(prompt_ids.size());
  if (cancelled(callbacks)) {
    result.stop = StopReason::kCancelled;
    return result;
  }
  const LogitsProcessorChain chain(config);
  auto generator = at::make_generator<at::CPUGeneratorImpl>(config.seed);
  std::vector<int64_t> sequence = prompt_ids;
  sequence.reserve(prompt_ids.size() + static_cast<size_t>(config.max_new_tokens));

  auto start = std::chrono::steady_clock::now();
  at::Tensor logits = model.prefill();
  result.prefill_ms = msSince(start);
  start = std::chrono::steady_clock::now();

  for (int64_t step = 0; step < config.max_new_tokens; ++step) {
    if (cancelled(callbacks)) {
      result.stop = StopReason::kCancelled;
      break;
    }
    // HF casts the step logits to fp32 before the processors.
    const auto raw = logits.reshape({1, -1}).to(at::kFloat);
    const auto ids =
        at::tensor(sequence, at::TensorOptions().dtype(at::kLong)).view({1, -1}).to(raw.device());
    const auto scores = chain(ids, raw);

    StepControl control;
    if (callbacks.before_select) {
      control = callbacks.before_select(StepContext{step, &result.tokens});
    }
    const bool keep = control.keep == KeepLogits::kYes ||
                      std::find(callbacks.keep_logits_steps.begin(), callbacks.keep_logits_steps.end(),
                                step) != callbacks.keep_logits_steps.end();

    at::Tensor selectable = scores;
    at::Tensor pre_warper;
    int64_t token = -1;
    if (!control.allowed_token_ids.empty()) {
      const auto allowed = at::tensor(control.allowed_token_ids, ids.options());
      const auto values = scores.index_select(1, allowed);
      if (!at::isfinite(values).any().item<bool>()) {
        // The warpers masked every allowed token: choose among them from the logits before the
        // warpers (one draw per step either way, so the random stream stays in step).
        pre_warper = chain.preWarper(ids, raw);
        const auto ranked = pre_warper.index_select(1, allowed);
        const int64_t pick =
            config.decoding == Decoding::kGreedy
                ? ranked.argmax(-1).item<int64_t>()
                : at::multinomial(ranked.softmax(-1).to(at::kCPU), 1, /*replacement=*/false, generator)
                      .item<int64_t>();
        token = control.allowed_token_ids[static_cast<size_t>(pick)];
      } else {
        selectable = at::full_like(scores, -std::numeric_limits<float>::infinity());
        selectable.index_copy_(1, allowed, values);
      }
    }
    if (token < 0) {
      if (config.decoding == Decoding::kGreedy) {
        token = selectable.argmax(-1).item<int64_t>();  // first index on ties, like torch.argmax
      } else {
        const auto probs = selectable.softmax(-1).to(at::kCPU);
        token = at::multinomial(probs, 1, /*replacement=*/false, generator).item<int64_t>();
      }
    }
    if (callbacks.after_select) {
      token = callbacks.after_select(step, token);
    }
    if (keep) {
      const auto host = scores.reshape({-1}).to(at::kCPU).contiguous();
      KeptLogits kept;
      kept.step = step;
      kept.token_id = token;
      kept.processed.assign(host.data_ptr<float>(), host.data_ptr<float>() + host.numel());
      if (pre_warper.defined()) {
        const auto pre = pre_warper.reshape({-1}).to(at::kCPU).contiguous();
        kept.chosen_from = ChosenFrom::kPreWarper;
        kept.pre_warper.assign(pre.data_ptr<float>(), pre.data_ptr<float>() + pre.numel());
      }
      if (!callbacks.on_kept || callbacks.on_kept(kept) == KeepLogits::kYes) {
        result.kept.push_back(std::move(kept));
      }
    }
    result.tokens.push_back(token);
    sequence.push_back(token);

    const bool stop_by_callback = callbacks.on_token && callbacks.on_token(step, token) == TokenAction::kStop;
    if (std::find(config.eos_token_ids.begin(), config.eos_token_ids.end(), token) !=
        config.eos_token_ids.end()) {
      result.stop = StopReason::kEos;
      break;
    }
    if (stop_by_callback) {
      result.stop = StopReason::kCallback;
      break;
    }
    if (step + 1 == config.max_new_tokens) {
      result.stop = StopReason::kMaxNewTokens;
      break;
    }
    logits = model.decode(token);
  }
  result.decode_ms = msSince(start);
  return result;
}

}  // namespace vs::generate
