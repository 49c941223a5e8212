#include "ui/annotation/model_view.h"

#include <QCoreApplication>

#include "core/domain/model_output.h"
#include "core/scoring/demo_model.h"

namespace vs::ui {

bool isDemoModelId(const QString& modelId) {
  // Results written before the demo model said so carry its folder name, ".../demo/model".
  return modelId == QLatin1String(scoring::kDemoModelId) || modelId == QLatin1String("demo/model");
}

QString demoModelNotice() {
  return QCoreApplication::translate("ModelView", "random-weight demo model — not a real judgement");
}

ModelView ModelView::fromEvaluation(const Evaluation& e) {
  ModelView view;
  view.soft = e.scores;
  view.reasoning = e.thinking;
  view.modelId = e.modelId;
  view.demo = isDemoModelId(e.modelId);
  view.hard = modelIntegerScores(e);
  return view;
}

QVector<QPair<int, int>> scoreLineRanges(const QString& output) {
  return modelScoreLineRanges(output);
}

QString reasoningHtml(const QString& output, const QString& highlightColor) {
  QString html;
  int pos = 0;
  for (const auto& [start, end] : scoreLineRanges(output)) {
    if (start < pos) {
      continue;
    }
    html += output.mid(pos, start - pos).toHtmlEscaped();
    html += QStringLiteral("<span style=\"background-color:%1; font-weight:bold\">%2</span>")
                .arg(highlightColor, output.mid(start, end - start).toHtmlEscaped());
    pos = end;
  }
  html += output.mid(pos).toHtmlEscaped();
  html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
  return html;
}

}  // namespace vs::ui
