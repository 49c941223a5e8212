#include "core/scoring/score_option_table.h"

#include <QFileInfo>

#include "core/scoring/single_score.h"

namespace vs::scoring {

cli::Opt checkpointRow() {
  return {"model", "Checkpoint directory (Hugging Face layout).", "DIR"};
}

cli::Opt deviceRow() {
  const QString device = LocalModel().device;
  return {"device", QStringLiteral("cpu or cuda (default %1).").arg(device), "DEVICE", device};
}

cli::Opt dtypeRow() {
  const QString dtype = LocalModel().dtype;
  return {"dtype", QStringLiteral("f32, bf16 or f16 (default %1).").arg(dtype), "DTYPE", dtype};
}

std::vector<cli::Opt> scoreOptionRows(std::vector<cli::Opt> first, const std::vector<cli::Opt>& middle) {
  const ScoreOptionText score;
  const RemoteOptionText remote;
  const std::vector<cli::Opt> modelRows{
      checkpointRow(),
      deviceRow(),
      dtypeRow(),
      {"greedy", "Greedy decoding (deterministic)."},
      {"temperature",
       QStringLiteral("Sampling temperature (default %1, the model card's).").arg(score.temperature), "T",
       score.temperature},
      {"seed", QStringLiteral("Sampling seed (default %1).").arg(score.seed), "N", score.seed},
      {"max-new-tokens", QStringLiteral("Generation budget (default %1).").arg(score.maxNewTokens), "N",
       score.maxNewTokens},
      {"fps", QStringLiteral("Frames per second sampled from each video (default %1).").arg(score.fps), "F",
       score.fps},
      {"constrained", "Force the score block to the reference format (always parses)."},
      {"template",
       QStringLiteral("Query template: %1 (default), videoscore2-eval, a template saved in the project "
                      "(vscore score-template), or a file with $t2v_prompt.")
           .arg(score.templateChoice),
       "NAME|FILE", score.templateChoice}};
  const std::vector<cli::Opt> serverRows{
      {"server",
       "An OpenAI-compatible server's base URL (vLLM, vscore serve); repeat for several. With it, "
       "--model is optional and only supplies the tokenizer (prompt-token check) and preprocessor "
       "config.",
       "URL"},
      {"served-model", "The model id on the servers (default: the only one of GET /v1/models).", "NAME"},
      {"api-key-env", "Environment variable holding the servers' API key.", "VAR"},
      {"concurrency", QStringLiteral("Requests in flight per server (default %1).").arg(remote.concurrency),
       "N", remote.concurrency},
      {"top-p", "top_p sent to the servers (default: the --model checkpoint's generation_config, else 1.0).",
       "P"},
      {"top-k",
       "top_k sent to the servers (default: the --model checkpoint's generation_config, else 50, as "
       "transformers; -1: off).",
       "K"},
      {"repetition-penalty",
       "repetition_penalty sent to the servers (default: the --model checkpoint's generation_config, "
       "else 1.0).",
       "R"},
      {"logprobs-mode",
       QStringLiteral("What the servers were started with: %1 (default; VideoScore2's soft scores) or "
                      "raw_logprobs.")
           .arg(remote.logprobsMode),
       "MODE", remote.logprobsMode},
      {"timeout-s",
       QStringLiteral("Seconds a request may take before it is retried elsewhere (default %1).")
           .arg(remote.timeoutS),
       "S", remote.timeoutS}};
  for (const auto* rows : {&modelRows, &middle, &serverRows})
    first.insert(first.end(), rows->begin(), rows->end());
  return first;
}

QString modelDirOption(const cli::Args& a) {
  return a.has("model") ? QFileInfo(a.value("model")).absoluteFilePath() : QString();
}

ScoreOptionText scoreOptionText(const cli::Args& a) {
  return {a.has("greedy"), a.value("temperature"), a.value("seed"),    a.value("max-new-tokens"),
          a.value("fps"),  a.has("constrained"),   a.value("template")};
}

RemoteSettings remoteSettings(const cli::Args& a) {
  return remoteSettings(RemoteOptionText{a.values("server"), a.value("served-model"), a.value("concurrency"),
                                         a.given("api-key-env"), modelDirOption(a), a.given("top-p"),
                                         a.given("top-k"), a.given("repetition-penalty"),
                                         a.value("timeout-s"), a.value("logprobs-mode")});
}

}  // namespace vs::scoring
