#pragma once
// What `vscore audit` reports on a prediction file or a project: the score audit of one side
// against the other and, for a project, what its people's preferences and Best-of-N picks say
// (projectPreferenceReport, the numbers the Audit tab shows); as text, JSON or an HTML file.
#include <QJsonObject>
#include <QString>
#include <optional>

#include "core/analysis/audit_summary.h"
#include "core/analysis/preference_report.h"

namespace vs::analysis {

struct AuditRequest {
  QString input;             // a prediction file or a project
  std::optional<QString> a;  // project: predicted side (default: the first model)
  std::optional<QString> b;  // project: reference side (default: the first person)
  AuditOptions options;
};

struct AuditReport {
  AuditSummary summary;
  QString predicted = QStringLiteral("model");
  QString reference = QStringLiteral("reference");
  std::optional<PreferenceReport> preferences;  // a project with pairs or picks
  QString noScoreAudit;                         // why a project with only preferences has no score audit
};

// A .vsproj (by extension or SQLite header) or a PostgreSQL project.
bool isProjectFile(const QString& path);

// Throws vs::Error: Usage for sides that cannot be chosen, Io for a missing file, InvalidData for
// a malformed one.
AuditReport auditReport(const AuditRequest& request);

QString auditText(const AuditResult& audit, const QString& predicted, const QString& reference);
QString preferenceReportText(const PreferenceReport& report);
QString auditReportText(const AuditReport& report);
QJsonObject auditReportJson(const AuditReport& report);
// The self-contained HTML report, written whole or not at all (Error Io on failure).
void writeAuditHtml(const AuditReport& report, const QString& input, const QString& path);

}  // namespace vs::analysis
