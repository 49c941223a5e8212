#include "core/scoring/score_request.h"

namespace vs::scoring {

QJsonObject ScoreSettings::toParams() const {
  QJsonObject p;
  if (templateText.isEmpty()) {
    p.insert(QStringLiteral("template"), templateName);
  } else {
    p.insert(QStringLiteral("template"),
             QJsonObject{{QStringLiteral("name"), templateName}, {QStringLiteral("text"), templateText}});
  }
  if (sampling == Sampling::Greedy) {
    p.insert(QStringLiteral("greedy"), true);
  } else {
    p.insert(QStringLiteral("temperature"), temperature);
  }
  p.insert(QStringLiteral("seed"), static_cast<qint64>(seed));
  p.insert(QStringLiteral("max_new_tokens"), maxNewTokens);
  p.insert(QStringLiteral("fps"), fps);
  p.insert(QStringLiteral("constrained"), format == ScoreFormat::Constrained);
  return p;
}

QJsonObject ScoreRequest::toParams() const {
  QJsonObject p = settings.toParams();
  p.insert(QStringLiteral("video"), videoPath);
  p.insert(QStringLiteral("prompt"), prompt);
  return p;
}

}  // namespace vs::scoring
