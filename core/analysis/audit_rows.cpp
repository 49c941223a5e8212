#include "core/analysis/audit_rows.h"

#include <QRegularExpression>
#include <algorithm>

#include "core/domain/error.h"

namespace vs::analysis {
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
  return std::array<double, 3>{std::max(1.0, digitsValue(m.captured(1))), std::max(1.0, digitsValue(m.captured(2))),
                               std::max(1.0, digitsValue(m.captured(3)))};
}

std::vector<AuditRow> auditRowsFromPredictions(const std::vector<FeedbackItem>& items,
                                               const QString& displayName) {
  const bool allGiven = std::all_of(items.begin(), items.end(), [](const FeedbackItem& item) {
    return item.modelState == ModelScoreState::Given;
  });
  std::vector<AuditRow> rows;
  rows.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const FeedbackItem& item = items[i];
    if (!item.scores.complete()) {
      throw Error(Error::Kind::InvalidData,
                  QStringLiteral("%1: item %2 (video_name \"%3\")")
                      .arg(displayName)
                      .arg(i + 1)
                      .arg(QString::fromUtf8(item.videoName)),
                  QStringLiteral("missing reference score (v/t/p_score_gt)"));
    }
    AuditRow row;
    for (size_t d = 0; d < 3; ++d) {
      row.reference[d] = *item.scores.value[d];
    }
    if (allGiven) {
      row.predicted = item.modelScores.value;
    } else {
      const auto parsed = reparseOutputTail(QString::fromUtf8(item.modelOutput));
      const std::array<double, 3> scores = parsed.value_or(std::array<double, 3>{0.0, 0.0, 0.0});
      for (size_t d = 0; d < 3; ++d) {
        row.predicted[d] = scores[d];
      }
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace vs::analysis
