#pragma once
// The options `vscore score` and `vscore score-project` share for scoring on OpenAI-compatible
// servers (vLLM, `vscore serve`) instead of a local vscore-worker.
#include <QCommandLineParser>
#include <QFileInfo>
#include <QUrl>
#include <optional>

#include "command.h"
#include "core/domain/error.h"
#include "core/scoring/remote_scoring_queue.h"

namespace vs::cli {

inline void addRemoteOptions(QCommandLineParser& p) {
  p.addOption({"server",
               "An OpenAI-compatible server's base URL (vLLM, vscore serve); repeat for several. "
               "With it, --model is optional and only supplies the tokenizer (prompt-token check) and "
               "preprocessor config.",
               "URL"});
  p.addOption(
      {"served-model", "The model id on the servers (default: the only one of GET /v1/models).", "NAME"});
  p.addOption({"api-key-env", "Environment variable holding the servers' API key.", "VAR"});
  p.addOption({"concurrency", "Requests in flight per server (default 2).", "N", "2"});
  p.addOption({"top-p",
               "top_p sent to the servers (default: the --model checkpoint's generation_config, "
               "else 1.0).",
               "P", "1.0"});
  p.addOption({"top-k",
               "top_k sent to the servers (default: the --model checkpoint's generation_config, "
               "else 50, as transformers; -1: off).",
               "K", "50"});
  p.addOption({"repetition-penalty",
               "repetition_penalty sent to the servers (default: the --model "
               "checkpoint's generation_config, else 1.0).",
               "R", "1.0"});
  p.addOption({"logprobs-mode",
               "What the servers were started with: processed_logprobs (default; VideoScore2's soft "
               "scores) or raw_logprobs.",
               "MODE", "processed_logprobs"});
  p.addOption(
      {"timeout-s", "Seconds a request may take before it is retried elsewhere (default 600).", "S", "600"});
}

// The remote settings from the command line; an error message in `why` when they are wrong.
inline std::optional<scoring::RemoteSettings> remoteSettings(const QCommandLineParser& p, QString* why) {
  scoring::RemoteSettings r;
  for (const QString& s : p.values("server")) {
    const QUrl url(s);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
      *why = QStringLiteral("--server %1: not an http(s) URL").arg(s);
      return std::nullopt;
    }
    r.servers << url;
  }
  bool ok = true;
  r.concurrency = p.value("concurrency").toInt(&ok);
  if (!ok || r.concurrency < 1) {
    *why = QStringLiteral("--concurrency must be >= 1");
    return std::nullopt;
  }
  r.servedModel = p.value("served-model");
  if (p.isSet("api-key-env")) {
    r.apiKey = qEnvironmentVariable(p.value("api-key-env").toUtf8().constData());
    if (r.apiKey.isEmpty()) {
      *why = QStringLiteral("--api-key-env %1: the variable is empty or not set").arg(p.value("api-key-env"));
      return std::nullopt;
    }
  }
  if (p.isSet("model"))
    r.modelDir = QFileInfo(p.value("model")).absoluteFilePath();
  try {
    r.sampling = scoring::samplingOfCheckpoint(r.modelDir);  // as the local worker samples
  } catch (const vs::Error& e) {
    *why = e.full();
    return std::nullopt;
  }
  bool ok1 = true, ok2 = true, ok3 = true, ok4 = true;
  if (p.isSet("top-p"))
    r.sampling.topP = p.value("top-p").toDouble(&ok1);
  if (p.isSet("top-k"))
    r.sampling.topK = p.value("top-k").toInt(&ok2);
  if (p.isSet("repetition-penalty"))
    r.sampling.repetitionPenalty = p.value("repetition-penalty").toDouble(&ok3);
  r.timeoutMs = static_cast<int>(p.value("timeout-s").toDouble(&ok4) * 1000);
  if (!ok1 || !ok2 || !ok3 || !ok4 || r.timeoutMs <= 0) {
    *why = QStringLiteral("--top-p, --top-k, --repetition-penalty and --timeout-s must be numbers");
    return std::nullopt;
  }
  const QString mode = p.value("logprobs-mode");
  if (mode != QLatin1String("processed_logprobs") && mode != QLatin1String("raw_logprobs")) {
    *why = QStringLiteral("--logprobs-mode: processed_logprobs or raw_logprobs");
    return std::nullopt;
  }
  r.logprobsMode =
      mode == QLatin1String("raw_logprobs") ? scoring::LogprobsMode::Raw : scoring::LogprobsMode::Processed;
  return r;
}

}  // namespace vs::cli
