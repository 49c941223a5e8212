#include "core/domain/model_output.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace vs {
namespace {

QString labelPattern(Dimension d) {
  // The scripts accept "physical consistency" as well as the full label in SFT data.
  switch (d) {
    case Dimension::Visual:
      return QStringLiteral("visual quality");
    case Dimension::T2V:
      return QStringLiteral("text-to-video alignment");
    case Dimension::Phy:
      return QStringLiteral("physical(?:/common-sense)? consistency");
  }
  return {};
}

const QRegularExpression& lineRegex(Dimension d) {
  static const std::array<QRegularExpression, 3> rx = [] {
    std::array<QRegularExpression, 3> out;
    for (Dimension dim : kDimensions) {
      out[static_cast<size_t>(index(dim))] =
          QRegularExpression(labelPattern(dim) + QStringLiteral("\\s*:\\s*(\\d+(?:\\.\\d+)?)"),
                             QRegularExpression::CaseInsensitiveOption);
    }
    return out;
  }();
  return rx[static_cast<size_t>(index(d))];
}

}  // namespace

Scores modelIntegerScores(const Evaluation& model) {
  return modelIntegerScores(model.scores, model.thinking);
}

Scores modelIntegerScores(const Scores& soft, const QString& output) {
  Scores hard;
  for (Dimension d : kDimensions) {
    QRegularExpressionMatchIterator it = lineRegex(d).globalMatch(output);
    std::optional<double> parsed;
    while (it.hasNext()) {
      parsed = it.next().captured(1).toDouble();
    }
    if (parsed && *parsed >= 1 && *parsed <= 5) {
      hard[d] = std::round(*parsed);
    } else if (soft[d]) {
      hard[d] = std::clamp(std::round(*soft[d]), 1.0, 5.0);
    }
  }
  return hard;
}

QVector<QPair<int, int>> modelScoreLineRanges(const QString& output) {
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

}  // namespace vs
