#include "core/scoring/score_result.h"

#include <QDateTime>
#include <QJsonDocument>
#include <cmath>

#include "core/domain/error.h"

namespace vs::scoring {

namespace {
const char* const kKeys[3] = {"visual", "t2v", "phy"};
}

ScoreResult ScoreResult::fromJson(const QJsonObject& o) {
  if (!o.contains(QStringLiteral("text")) || !o.value(QStringLiteral("scores")).isObject()) {
    throw vs::Error(vs::Error::Kind::InvalidData, QStringLiteral("worker result"),
                    QStringLiteral("missing \"text\" or \"scores\""));
  }
  ScoreResult r;
  r.raw = o;
  r.text = o.value(QStringLiteral("text")).toString();
  const QJsonObject hard = o.value(QStringLiteral("scores")).toObject();
  const QJsonObject soft = o.value(QStringLiteral("soft_scores")).toObject();
  for (int d = 0; d < 3; ++d) {
    const QString key = QString::fromLatin1(kKeys[d]);
    if (hard.value(key).isDouble()) {
      r.hard[static_cast<size_t>(d)] = static_cast<qint64>(hard.value(key).toDouble());
    }
    if (soft.value(key).isDouble()) {
      r.soft[static_cast<size_t>(d)] = soft.value(key).toDouble();
    }
  }
  r.parsed = o.value(QStringLiteral("parsed")).toBool();
  r.constrained = o.value(QStringLiteral("constrained")).toBool();
  r.promptTokens = o.value(QStringLiteral("prompt_tokens")).toInteger();
  r.generatedTokens = o.value(QStringLiteral("generated_tokens")).toInteger();
  return r;
}

Scores ScoreResult::evaluationScores() const {
  Scores s;
  for (size_t d = 0; d < 3; ++d) {
    if (soft[d] && std::isfinite(*soft[d]) && *soft[d] >= 0.0 && *soft[d] <= 5.0) {
      // Kept as given: the reference arithmetic can give < 1 (best 1 with p < 1, or 0 when every
      // digit was masked), and the store keeps a model's scores within 0..5 unchanged.
      s.value[d] = *soft[d];
    } else if (hard[d] && *hard[d] >= 1 && *hard[d] <= 5) {
      s.value[d] = static_cast<double>(*hard[d]);
    }
  }
  return s;
}

Evaluation ScoreResult::toEvaluation(qint64 videoId, qint64 annotatorId, const QString& modelId) const {
  Evaluation e;
  e.videoId = videoId;
  e.annotatorId = annotatorId;
  e.scores = evaluationScores();
  e.thinking = text;
  e.origin = Origin::Model;
  e.modelId = modelId;
  QJsonObject record = raw.value(QStringLiteral("settings")).toObject();
  for (const char* key :
       {"scores", "soft_scores", "parsed", "constrained", "prompt_tokens", "generated_tokens", "sampler",
        "timings", "score_steps", "stop_reason", "block_start"}) {
    const QString k = QString::fromLatin1(key);
    if (raw.contains(k)) {
      record.insert(k, raw.value(k));
    }
  }
  e.settingsJson = QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
  const QDateTime now = QDateTime::currentDateTimeUtc();
  e.created = now;
  e.updated = now;
  return e;
}

}  // namespace vs::scoring
