#pragma once
// Every number of a score audit that is shown to a person, from one call: the agreement metrics,
// confusion matrices and histograms (auditScores), the per-generator means (generatorMeans) and,
// for each input row, the confusion cell it is counted in. The audit tab and the HTML report both
// show this, so they cannot disagree.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/generator_means.h"
#include "core/analysis/score_audit.h"

namespace vs::analysis {

struct ConfusionCell {
  int reference = 0;  // row of DimensionAudit::confusion
  int predicted = 0;  // column
};

struct AuditSummary {
  AuditResult audit;
  // Empty when no row names a generator.
  std::vector<GeneratorMeans> generators;
  // Parallel to the input rows: each dimension's cell; nullopt for a row the audit dropped.
  std::vector<std::optional<std::array<ConfusionCell, 3>>> cells;
};

// `generators` parallel to `rows` ("" for unknown), or empty.
AuditSummary summarizeAudit(const std::vector<AuditRow>& rows, const std::vector<std::string>& generators,
                            const AuditOptions& options = {});

}  // namespace vs::analysis
