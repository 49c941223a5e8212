#pragma once
// The worker's `score` result, read back on the client side (inference/worker/protocol.h).
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <array>
#include <optional>

#include "core/domain/evaluation.h"

namespace vs::scoring {

struct ScoreResult {
  QString text;                                 // the model's full output
  std::array<std::optional<qint64>, 3> hard{};  // parsed integers (visual, t2v, phy)
  std::array<std::optional<double>, 3> soft{};  // soft scores (reference arithmetic)
  bool parsed = false;
  bool constrained = false;
  qint64 promptTokens = 0;
  qint64 generatedTokens = 0;
  QJsonObject raw;  // the whole result object (sampler, settings, timings...)

  // Throws vs::Error(InvalidData) when `result` lacks the required keys.
  static ScoreResult fromJson(const QJsonObject& result);

  // The scores a model evaluation keeps: the soft score as given when present (0..5), else the
  // hard score when it is within 1..5, else none. The raw values stay in settingsJson.
  Scores evaluationScores() const;
  // A model evaluation of `videoId` by `annotatorId`; settingsJson records everything.
  Evaluation toEvaluation(qint64 videoId, qint64 annotatorId, const QString& modelId) const;
};

}  // namespace vs::scoring

Q_DECLARE_METATYPE(vs::scoring::ScoreResult)
