#pragma once
// A self-contained HTML audit report: one file, inline CSS and SVG charts, no scripts, fonts or
// images from elsewhere, so it opens offline and can be mailed as is.
#include <QString>
#include <vector>

#include "core/analysis/audit_summary.h"

namespace vs::analysis {

struct ReportInfo {
  QString title = QStringLiteral("VideoScore audit");
  QString predictedSource;                 // e.g. "model:VideoScore2"
  QString referenceSource;                 // e.g. "alice"
  QString generatedAt;                     // ISO 8601 text; empty leaves it out (reproducible output)
  std::vector<GeneratorMeans> generators;  // charted when present (project audits)
};

QString auditHtmlReport(const AuditResult& audit, const ReportInfo& info);
// The report of a summary: its audit, and its generator means in place of info.generators.
QString auditHtmlReport(const AuditSummary& summary, ReportInfo info);

// The charts on their own (also usable by other reports).
QString confusionMatrixSvg(const ConfusionMatrix& m, const QString& caption);
QString histogramSvg(const ScoreHistogram& reference, const ScoreHistogram& predicted,
                     const QString& caption);
QString generatorMeansSvg(const std::vector<GeneratorMeans>& generators, const QString& caption);

}  // namespace vs::analysis
