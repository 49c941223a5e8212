#include "core/analysis/audit_rows.h"

#include "core/domain/error.h"

namespace vs::analysis {

std::vector<AuditRow> auditRowsFromPredictions(const std::vector<FeedbackItem>& items,
                                               const QString& displayName) {
  const interop::ReferenceModelScores model = interop::referenceModelScores(items);
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
    row.predicted = model.scores[i];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace vs::analysis
