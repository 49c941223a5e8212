#include "core/analysis/audit_summary.h"

#include <algorithm>

namespace vs::analysis {

AuditSummary summarizeAudit(const std::vector<AuditRow>& rows, const std::vector<std::string>& generators,
                            const AuditOptions& options) {
  AuditSummary summary;
  summary.audit = auditScores(rows, options);
  if (std::any_of(generators.begin(), generators.end(), [](const std::string& g) { return !g.empty(); })) {
    summary.generators = generatorMeans(rows, generators);
  }
  summary.cells.reserve(rows.size());
  for (const AuditRow& row : rows) {
    if (!row.predicted[0] || !row.predicted[1] || !row.predicted[2]) {
      summary.cells.emplace_back();  // dropped by auditScores as well
      continue;
    }
    std::array<ConfusionCell, 3> cells;
    for (size_t d = 0; d < 3; ++d) {
      cells[d] = {referenceCell(row.reference[d]), predictedCell(*row.predicted[d], summary.audit.scale)};
    }
    summary.cells.emplace_back(cells);
  }
  return summary;
}

}  // namespace vs::analysis
