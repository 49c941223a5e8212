#pragma once
// How one video is scored: the query template, decoding, sampling parameters, logprobs. A plain
// torch-free struct, so the worker protocol can read it from a request without the engine.
#include <cstdint>
#include <optional>

#include "inference/rules/query_template.h"

namespace vs::videoscore2 {

enum class Decoding { Greedy, Sample };
enum class ScoreFormat { Free, Constrained };

struct ScoreSettings {
  QueryTemplate query_template = QueryTemplate::release();
  Decoding decoding = Decoding::Sample;  // vs2_inference.py: do_sample=True, temperature 0.7
  double temperature = 0.7;
  uint64_t seed = 0;
  int64_t max_new_tokens = 1024;
  ScoreFormat format = ScoreFormat::Free;
  // Explicit sampling parameters (an OpenAI-style request's); unset: the checkpoint's
  // generation_config.json, then transformers' defaults. top_k 0 turns top-k off.
  std::optional<double> top_p;
  std::optional<int64_t> top_k;
  std::optional<double> repetition_penalty;
  // Per-step log-probabilities for an OpenAI-style reply (vscore serve): -1 none, else the k most
  // likely tokens of every step, plus the digits "1".."5" when extra_digit_logprobs is set (so a
  // client can take soft scores from the list whatever the model). Only those entries are kept
  // per step; full logit rows only at the steps soft scores are read from.
  int top_logprobs = -1;
  bool extra_digit_logprobs = false;
};

}  // namespace vs::videoscore2
