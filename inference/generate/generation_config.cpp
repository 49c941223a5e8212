#include "inference/generate/generation_config.h"

#include "inference/generate/generation.h"

#include <cstdio>
#include <stdexcept>

namespace vs::generate {

namespace {

template <typename T>
void take(T& value, const std::optional<T>& given) {
  if (given) {
    value = *given;
  }
}

// NaN fails every range, as the negated comparisons did.
void require(bool ok, const char* what) {
  if (!ok) {
    throw std::invalid_argument(what);
  }
}

}  // namespace

GenerationConfig resolveGenerationConfig(const checkpoint::GenerationConfig& file,
                                         const GenerationOverrides& call, int64_t model_eos_token_id) {
  GenerationConfig out;
  // The file's values replace the class defaults (absent keys already hold them), then the call's.
  out.decoding = file.do_sample ? Decoding::kSample : Decoding::kGreedy;
  out.temperature = file.temperature;
  out.top_k = file.top_k;
  out.top_p = file.top_p;
  out.repetition_penalty = file.repetition_penalty;
  if (file.max_new_tokens) {
    out.max_new_tokens = *file.max_new_tokens;
  }
  out.eos_token_ids =
      file.eos_token_ids.empty() ? std::vector<int64_t>{model_eos_token_id} : file.eos_token_ids;

  // The call's values, where it gives them.
  take(out.decoding, call.decoding);
  take(out.temperature, call.temperature);
  take(out.top_k, call.top_k);
  take(out.top_p, call.top_p);
  if (call.min_p)
    out.min_p = call.min_p;
  take(out.repetition_penalty, call.repetition_penalty);
  take(out.max_new_tokens, call.max_new_tokens);
  take(out.eos_token_ids, call.eos_token_ids);
  take(out.seed, call.seed);

  // The ranges transformers' GenerationConfig.validate / the warpers' constructors enforce.
  require(out.temperature > 0.0, "temperature must be > 0");
  require(out.top_k >= 0, "top_k must be >= 0");
  require(out.top_p > 0.0, "top_p must be > 0");
  require(!out.min_p || (*out.min_p >= 0.0 && *out.min_p <= 1.0), "min_p must be in [0, 1]");
  require(out.repetition_penalty > 0.0, "repetition_penalty must be > 0");
  require(out.max_new_tokens >= 1, "max_new_tokens must be >= 1");
  return out;
}

std::string describe(const GenerationConfig& c) {
  char buf[256];
  if (c.decoding == Decoding::kGreedy) {
    std::snprintf(buf, sizeof buf, "greedy rep=%g max=%lld", c.repetition_penalty,
                  static_cast<long long>(c.max_new_tokens));
  } else {
    std::snprintf(buf, sizeof buf, "sample T=%g top_k=%lld top_p=%g%s rep=%g max=%lld seed=%llu",
                  c.temperature, static_cast<long long>(c.top_k), c.top_p,
                  c.min_p ? (" min_p=" + std::to_string(*c.min_p)).c_str() : "", c.repetition_penalty,
                  static_cast<long long>(c.max_new_tokens), static_cast<unsigned long long>(c.seed));
  }
  return buf;
}

const char* stopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::kEos:
      return "eos";
    case StopReason::kMaxNewTokens:
      return "max_new_tokens";
    case StopReason::kCancelled:
      return "cancelled";
    case StopReason::kCallback:
      return "stopped";
  }
  return "unknown";
}

}  // namespace vs::generate
