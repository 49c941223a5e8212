#include "ui/model_view.h"

#include "core/scoring/demo_model.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace vs::ui {

namespace {

QString labelPattern(Dimension d) {
  // The scripts accept "physical consistency" as well as the full label in SFT data.
  switch (d) {
    case Dimension::Visual: return QStringLiteral("visual quality");
    case Dimension::T2V: return QStringLiteral("text-to-video alignment");
    case Dimension::Phy: return QStringLiteral("physical(?:/common-sense)? consistency");
  }
  return {};
}

const QRegularExpression& lineRegex(Dimension d) {
  static const std::array<QRegularExpression, 3> rx = [] {
    std::array<QRegularExpression, 3> out;
    for (Dimension dim : kDimensions) {
      out[static_cast<size_t>(index(dim))] = QRegularExpression(
          labelPattern(dim) + QStringLiteral("\\s*:\\s*(\\d+(?:\\.\\d+)?)"),
          QRegularExpression::CaseInsensitiveOption);
    }
    return out;
  }();
  return rx[static_cast<size_t>(index(d))];
}

}  // namespace

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
  for (Dimension d : kDimensions) {
    // The last match wins: the reasoning may quote a label before the final score block.
    QRegularExpressionMatchIterator it = lineRegex(d).globalMatch(e.thinking);
    std::optional<double> parsed;
    while (it.hasNext()) {
      parsed = it.next().captured(1).toDouble();
    }
    if (parsed && *parsed >= 1 && *parsed <= 5) {
      view.hard[d] = std::round(*parsed);
    } else if (e.scores[d]) {
      view.hard[d] = std::clamp(std::round(*e.scores[d]), 1.0, 5.0);
    }
  }
  return view;
}

QVector<QPair<int, int>> scoreLineRanges(const QString& output) {
  QVector<QPair<int, int>> out;
  for (Dimension d : kDimensions) {
    QRegularExpressionMatchIterator it = lineRegex(d).globalMatch(output);
    while (it.hasNext()) {
      const QRegularExpressionMatch m = it.next();
      out.append({static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedEnd())});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
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
