#include "core/scoring/score_options.h"

#include <QUrl>

#include "core/domain/error.h"
#include "core/scoring/template_library.h"

namespace vs::scoring {

namespace {

[[noreturn]] void usage(const QString& message) {
  throw Error(Error::Kind::Usage, QString(), message);
}

}  // namespace

ScoreSettings scoreSettings(const ScoreOptionText& text,
                            const std::function<const store::Store*()>& project) {
  ScoreSettings s;
  bool ok = true;
  if (text.greedy) {
    s.sampling = Sampling::Greedy;
  } else {
    s.temperature = text.temperature.toDouble(&ok);
    if (!ok || s.temperature <= 0)
      usage(QStringLiteral("--temperature must be > 0"));
  }
  s.seed = text.seed.toULongLong(&ok);
  if (!ok)
    usage(QStringLiteral("--seed must be a non-negative integer"));
  s.maxNewTokens = text.maxNewTokens.toInt(&ok);
  if (!ok || s.maxNewTokens < 1)
    usage(QStringLiteral("--max-new-tokens must be >= 1"));
  s.fps = text.fps.toDouble(&ok);
  if (!ok || s.fps <= 0)
    usage(QStringLiteral("--fps must be > 0"));
  s.format = text.constrained ? ScoreFormat::Constrained : ScoreFormat::Free;
  chooseTemplate(s, text.templateChoice, project ? project() : nullptr);
  return s;
}

RemoteSettings remoteSettings(const RemoteOptionText& text) {
  RemoteSettings r;
  for (const QString& s : text.servers) {
    const QUrl url(s);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
      usage(QStringLiteral("--server %1: not an http(s) URL").arg(s));
    r.servers << url;
  }
  bool ok = true;
  r.concurrency = text.concurrency.toInt(&ok);
  if (!ok || r.concurrency < 1)
    usage(QStringLiteral("--concurrency must be >= 1"));
  r.servedModel = text.servedModel;
  if (text.apiKeyVariable) {
    r.apiKey = qEnvironmentVariable(text.apiKeyVariable->toUtf8().constData());
    if (r.apiKey.isEmpty())
      usage(QStringLiteral("--api-key-env %1: the variable is empty or not set").arg(*text.apiKeyVariable));
  }
  r.modelDir = text.modelDir;
  try {
    r.sampling = samplingOfCheckpoint(r.modelDir);  // as the local worker samples
  } catch (const Error& e) {
    usage(e.full());
  }
  bool ok1 = true, ok2 = true, ok3 = true, ok4 = true;
  if (text.topP)
    r.sampling.topP = text.topP->toDouble(&ok1);
  if (text.topK)
    r.sampling.topK = text.topK->toInt(&ok2);
  if (text.repetitionPenalty)
    r.sampling.repetitionPenalty = text.repetitionPenalty->toDouble(&ok3);
  r.timeoutMs = static_cast<int>(text.timeoutS.toDouble(&ok4) * 1000);
  if (!ok1 || !ok2 || !ok3 || !ok4 || r.timeoutMs <= 0)
    usage(QStringLiteral("--top-p, --top-k, --repetition-penalty and --timeout-s must be numbers"));
  if (text.logprobsMode != QLatin1String("processed_logprobs") &&
      text.logprobsMode != QLatin1String("raw_logprobs")) {
    usage(QStringLiteral("--logprobs-mode: processed_logprobs or raw_logprobs"));
  }
  r.logprobsMode =
      text.logprobsMode == QLatin1String("raw_logprobs") ? LogprobsMode::Raw : LogprobsMode::Processed;
  return r;
}

}  // namespace vs::scoring
