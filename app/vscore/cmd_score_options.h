#pragma once
// The option rows `vscore score` and `vscore score-project` share (the model and its sampling,
// the template, scoring on OpenAI-compatible servers), and their values for core/scoring.
#include <QFileInfo>

#include "core/cli/command_spec.h"
#include "core/scoring/score_options.h"

namespace vs::cli {

// `first`, the model and sampling rows, `middle`, the server rows.
inline std::vector<Opt> scoreOptions(std::vector<Opt> first, const std::vector<Opt>& middle) {
  const std::vector<Opt> model{
      {"model", "Checkpoint directory (Hugging Face layout).", "DIR"},
      {"device", "cpu or cuda (default cpu).", "DEVICE", "cpu"},
      {"dtype", "f32, bf16 or f16 (default f32).", "DTYPE", "f32"},
      {"greedy", "Greedy decoding (deterministic)."},
      {"temperature", "Sampling temperature (default 0.7, the model card's).", "T", "0.7"},
      {"seed", "Sampling seed (default 0).", "N", "0"},
      {"max-new-tokens", "Generation budget (default 1024).", "N", "1024"},
      {"fps", "Frames per second sampled from each video (default 2.0).", "F", "2.0"},
      {"constrained", "Force the score block to the reference format (always parses)."},
      {"template",
       "Query template: videoscore2 (default), videoscore2-eval, a template saved in the project "
       "(vscore score-template), or a file with $t2v_prompt.",
       "NAME|FILE", "videoscore2"}};
  const std::vector<Opt> remote{
      {"server",
       "An OpenAI-compatible server's base URL (vLLM, vscore serve); repeat for several. With it, "
       "--model is optional and only supplies the tokenizer (prompt-token check) and preprocessor "
       "config.",
       "URL"},
      {"served-model", "The model id on the servers (default: the only one of GET /v1/models).", "NAME"},
      {"api-key-env", "Environment variable holding the servers' API key.", "VAR"},
      {"concurrency", "Requests in flight per server (default 2).", "N", "2"},
      {"top-p", "top_p sent to the servers (default: the --model checkpoint's generation_config, else 1.0).",
       "P", "1.0"},
      {"top-k",
       "top_k sent to the servers (default: the --model checkpoint's generation_config, else 50, as "
       "transformers; -1: off).",
       "K", "50"},
      {"repetition-penalty",
       "repetition_penalty sent to the servers (default: the --model checkpoint's generation_config, "
       "else 1.0).",
       "R", "1.0"},
      {"logprobs-mode",
       "What the servers were started with: processed_logprobs (default; VideoScore2's soft scores) or "
       "raw_logprobs.",
       "MODE", "processed_logprobs"},
      {"timeout-s", "Seconds a request may take before it is retried elsewhere (default 600).", "S", "600"}};
  for (const auto* rows : {&model, &middle, &remote})
    first.insert(first.end(), rows->begin(), rows->end());
  return first;
}

inline QString modelDir(const Args& a) {
  return a.has("model") ? QFileInfo(a.value("model")).absoluteFilePath() : QString();
}

inline scoring::ScoreOptionText scoreOptionText(const Args& a) {
  return {a.has("greedy"), a.value("temperature"), a.value("seed"),    a.value("max-new-tokens"),
          a.value("fps"),  a.has("constrained"),   a.value("template")};
}

inline scoring::RemoteSettings remoteSettings(const Args& a) {
  return scoring::remoteSettings({a.values("server"), a.value("served-model"), a.value("concurrency"),
                                  a.given("api-key-env"), modelDir(a), a.given("top-p"), a.given("top-k"),
                                  a.given("repetition-penalty"), a.value("timeout-s"),
                                  a.value("logprobs-mode")});
}

}  // namespace vs::cli
