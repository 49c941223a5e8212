#pragma once
// One write a person's window makes to their own evaluation of a video, as absolute values:
// fields set in order and extra keys set or removed. What the offline journal keeps while the
// server is away (edit_journal.h) and Store::applyEvaluationEdit sends once it is back; applying
// it twice gives the same evaluation as applying it once.
#include <QByteArray>
#include <QString>
#include <QVariant>
#include <optional>
#include <utility>
#include <vector>

#include "core/domain/evaluation.h"

namespace vs::store {

struct EvaluationEdit {
  qint64 videoId = 0;
  QString annotator;  // a person's name in the project
  // Values as Store::editField takes them: double or null for scores, text for rationales,
  // origin name for Origin, integer milliseconds for TimeSpentMs.
  std::vector<std::pair<EvaluationField, QVariant>> fields;
  // Extra keys (compact JSON value text); nullopt removes the key.
  std::vector<std::pair<QByteArray, std::optional<QByteArray>>> extra;

  bool empty() const { return fields.empty() && extra.empty(); }
};

// Compact JSON text of an edit, and back (Kind::InvalidData for text it did not write).
QByteArray evaluationEditToJson(const EvaluationEdit& edit);
EvaluationEdit evaluationEditFromJson(const QByteArray& json);

// The edit applied to an evaluation in memory (what the window shows while it waits): a missing
// evaluation starts empty, as the store would make it.
void applyEvaluationEdit(const EvaluationEdit& edit, std::optional<Evaluation>& evaluation,
                         qint64 annotatorId);

}  // namespace vs::store
