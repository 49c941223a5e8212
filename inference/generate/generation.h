#pragma once
// The generation loop's public contract (torch-free, so scorers and the worker include it cheaply).
//
// Each step of Generator::run (generator.h):
//   1. the model produces the next-token logits (fp32);
//   2. the HF processor chain runs in transformers' order (logits_processors.h):
//      repetition penalty -> [sampling only] temperature -> top-k -> top-p -> min-p.
//      The result is what transformers returns as `scores` with output_scores=True;
//   3. `before_select` (optional) sees the step and may restrict the tokens allowed at it and ask
//      to keep this step's processed logits (for soft scores over the digits "1".."5"); a kept
//      step goes through `on_kept` (optional), which may take what it needs and drop the row;
//   4. a token is chosen (argmax, or a seeded multinomial draw) among the allowed tokens;
//      `after_select` (optional) may replace it (e.g. a stop token by a forced block's first token);
//   5. `on_token` streams the token actually appended; it may stop the generation;
//   6. stop on an EOS token, after max_new_tokens, or when `cancel` is set (checked before every
//      step, so a cancel takes effect within one decode step).
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace vs::generate {

enum class StopReason {
  kEos,           // the chosen token is in GenerationConfig::eos_token_ids (it is kept in tokens)
  kMaxNewTokens,  // max_new_tokens were generated
  kCancelled,     // the cancel flag was set
  kCallback,      // on_token returned TokenAction::kStop
};

enum class KeepLogits { kNo, kYes };
enum class TokenAction { kContinue, kStop };

struct StepContext {
  int64_t step = 0;                                 // 0 = the token right after the prompt
  const std::vector<int64_t>* generated = nullptr;  // tokens chosen before this step
};

struct StepControl {
  // Tokens allowed at this step; empty = all. Applied AFTER the processor chain, for selection
  // only: the kept logits are the unrestricted chain output (= transformers' `scores`). If the
  // chain has set every allowed token to -inf (e.g. top_k=1 picked another token), the allowed
  // token is chosen from the logits before the warpers (repetition penalty, then temperature when
  // sampling): argmax, or a seeded draw among the allowed tokens, so a constraint always succeeds.
  std::vector<int64_t> allowed_token_ids;
  KeepLogits keep = KeepLogits::kNo;
};

struct KeptLogits;

struct GenerationCallbacks {
  std::function<StepControl(const StepContext&)> before_select;
  // Returns the token to append instead of `chosen` (return `chosen` to keep it).
  std::function<int64_t(int64_t step, int64_t chosen)> after_select;
  std::function<TokenAction(int64_t step, int64_t token_id)> on_token;
  const std::atomic<bool>* cancel = nullptr;
  std::vector<int64_t> keep_logits_steps;  // steps whose processed logits are kept regardless
  // Sees every kept step (full rows) before it is stored; kNo leaves it out of
  // GenerationResult::kept, for a caller that keeps only a summary of the step (its top-k).
  std::function<KeepLogits(const KeptLogits&)> on_kept;
};

// Which logits the token at a kept step was chosen from.
enum class ChosenFrom {
  kProcessed,  // the processor-chain output (the normal case)
  kPreWarper,  // the warpers masked every allowed token: penalty + temperature logits
};

struct KeptLogits {
  int64_t step = 0;
  int64_t token_id = 0;          // the token appended at that step
  std::vector<float> processed;  // [vocab_size] processor-chain output, -inf where masked
  ChosenFrom chosen_from = ChosenFrom::kProcessed;
  std::vector<float> pre_warper;  // [vocab_size] when chosen_from == kPreWarper, else empty
};

struct GenerationResult {
  std::vector<int64_t> tokens;  // generated tokens (EOS included when it stopped on one)
  StopReason stop = StopReason::kMaxNewTokens;
  std::vector<KeptLogits> kept;  // in step order
  int64_t prompt_tokens = 0;
  double vision_ms = 0.0;
  double prefill_ms = 0.0;  // text prefill, vision excluded
  double decode_ms = 0.0;   // all decode steps after the first token
};

const char* stopReasonName(StopReason reason);

}  // namespace vs::generate
