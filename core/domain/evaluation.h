#pragma once
// One judgement of one video by one annotator (person or model).
#include <QDateTime>
#include <QString>
#include <array>
#include <optional>

#include "core/domain/extra_fields.h"
#include "core/domain/origin.h"
#include "core/domain/scores.h"

namespace vs {

struct Evaluation {
  qint64 id = 0;
  qint64 videoId = 0;
  qint64 annotatorId = 0;
  Scores scores;
  std::array<QString, 3> rationale{};  // per dimension, indexed by Dimension
  QString thinking;                    // overall reasoning (the model's full output for models)
  Origin origin = Origin::Human;
  QString modelId;       // checkpoint / model name when a model wrote the scores
  QString settingsJson;  // generation settings used (JSON object text), for model results
  qint64 timeSpentMs = 0;
  QDateTime created;  // UTC
  QDateTime updated;  // UTC
  ExtraFields extra;  // unknown keys kept from the imported item
};

// The fields a single edit can change; each edit is one transaction with one history row.
enum class EvaluationField {
  VisualScore,
  T2VScore,
  PhyScore,
  VisualRationale,
  T2VRationale,
  PhyRationale,
  Thinking,
  Origin,       // value: origin name ("model-edited")
  TimeSpentMs,  // value: integer milliseconds
};

// Column / history name of a field ("visual", "t2v_rationale", "origin", ...).
QString evaluationFieldName(EvaluationField field);
std::optional<EvaluationField> evaluationFieldFromName(const QString& name);
EvaluationField scoreField(Dimension d);
EvaluationField rationaleField(Dimension d);

}  // namespace vs
