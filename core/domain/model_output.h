#pragma once
// Reading a model evaluation the way a person is shown it: the integer scores are the digits of
// the score lines in the model's output ("visual quality: 4"; reference videoscore2.md §7), the
// last line of a dimension winning because the reasoning may quote a label before the final
// block; a dimension without a line in 1..5 falls back to its soft score rounded and clamped to
// 1..5. The soft scores stay the evaluation's scores.
#include <QPair>
#include <QString>
#include <QVector>

#include "core/domain/evaluation.h"

namespace vs {

// The integer scores of a model evaluation (scores: its soft scores; thinking: its output).
Scores modelIntegerScores(const Evaluation& model);
Scores modelIntegerScores(const Scores& soft, const QString& output);

// Character ranges [start, end) of the score lines in a model output, in order, for highlighting.
QVector<QPair<int, int>> modelScoreLineRanges(const QString& output);

}  // namespace vs
