#include "core/interop/prediction_scores.h"

#include <QRegularExpression>
#include <algorithm>

namespace vs::interop {
namespace {

// Python's int() of a \d+ match: any Unicode decimal digits.
double digitsValue(const QString& digits) {
  double v = 0;
  for (const QChar c : digits) {
    v = v * 10.0 + std::max(0, c.digitValue());
  }
  return v;
}

}  // namespace

std::optional<std::array<double, 3>> reparseOutputTail(const QString& output) {
  static const QRegularExpression pattern(
      QStringLiteral("visual quality:\\s*(\\d+).*?text-to-video alignment:\\s*(\\d+).*?"
                     "physical/common-sense consistency:\\s*(\\d+)"),
      QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption |
          QRegularExpression::UseUnicodePropertiesOption);
  const QList<uint> codePoints = output.toUcs4();
  const qsizetype keep = std::min<qsizetype>(150, codePoints.size());
  const QList<uint> tailPoints = codePoints.mid(codePoints.size() - keep);
  const QString tail = QString::fromUcs4(reinterpret_cast<const char32_t*>(tailPoints.constData()), keep);
  const QRegularExpressionMatch m = pattern.match(tail);
  if (!m.hasMatch()) {
    return std::nullopt;
  }
  return std::array<double, 3>{std::max(1.0, digitsValue(m.captured(1))),
                               std::max(1.0, digitsValue(m.captured(2))),
                               std::max(1.0, digitsValue(m.captured(3)))};
}

ReferenceModelScores referenceModelScores(const std::vector<FeedbackItem>& items) {
  ReferenceModelScores out;
  out.reparsedFromOutput = !std::all_of(items.begin(), items.end(), [](const FeedbackItem& item) {
    return item.modelState == ModelScoreState::Given;
  });
  out.scores.reserve(items.size());
  for (const FeedbackItem& item : items) {
    if (!out.reparsedFromOutput) {
      out.scores.push_back(item.modelScores.value);
      continue;
    }
    const auto parsed = reparseOutputTail(QString::fromUtf8(item.modelOutput));
    const std::array<double, 3> s = parsed.value_or(std::array<double, 3>{0.0, 0.0, 0.0});
    out.scores.push_back({s[0], s[1], s[2]});
  }
  return out;
}

}  // namespace vs::interop
