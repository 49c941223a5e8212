#pragma once
// The model's side of an item as the score panel shows it: integer scores, soft scores and
// reasoning. A model evaluation keeps the soft scores (floats) as its scores; the integer
// scores are read from its output by vs::modelIntegerScores (core/domain/model_output.h).
#include <QString>
#include <QVector>

#include "core/domain/evaluation.h"

namespace vs::ui {

struct ModelView {
  Scores hard;  // integers 1..5 (absent when unparsed)
  Scores soft;  // as the model gave them
  QString reasoning;
  QString modelId;
  bool demo = false;  // the demo's random-weight model: show demoModelNotice() with it

  static ModelView fromEvaluation(const Evaluation& e);
};

// True for results of the demo's random-weight model (core/scoring/demo_model.h).
bool isDemoModelId(const QString& modelId);
// What to say wherever such a result is shown.
QString demoModelNotice();

// Character ranges [start, end) of the score lines ("visual quality: 4") in a model output,
// for highlighting (vs::modelScoreLineRanges).
QVector<QPair<int, int>> scoreLineRanges(const QString& output);

// Model reasoning as HTML with the score lines highlighted.
QString reasoningHtml(const QString& output, const QString& highlightColor);

}  // namespace vs::ui
