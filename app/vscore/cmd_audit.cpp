// vscore audit PREDICTIONS.json | PROJECT.vsproj: see core/analysis/audit_report.h.
#include "cmd_analysis_options.h"
#include "core/analysis/audit_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration kAudit(
    {QStringLiteral("audit"),
     QStringLiteral(
         "audit PREDICTIONS.json|PROJECT.vsproj [--a SOURCE] [--b SOURCE] [--json] [--report OUT.html]"),
     QStringLiteral(
         "Accuracy, relaxed accuracy, SRCC, PLCC (VideoScore2 rules), kappa, alpha, bootstrap CIs"),
     {{QStringLiteral("INPUT"), QStringLiteral("prediction file (.json) or project (.vsproj)")}},
     cli::withBootstrap(
         {{QStringLiteral("a"),
           QStringLiteral("project: predicted side, an annotator name or model:ID (default: first model)"),
           QStringLiteral("SOURCE")},
          {QStringLiteral("b"),
           QStringLiteral("project: reference side, an annotator name or model:ID (default: first person)"),
           QStringLiteral("SOURCE")},
          cli::jsonOption(),
          {QStringLiteral("report"), QStringLiteral("write a self-contained HTML report"),
           QStringLiteral("OUT.html")},
          {QStringLiteral("scale"),
           QStringLiteral("integer (vs2) or soft (vs2_float); default: soft when a score has a fraction"),
           QStringLiteral("SCALE")}})},
    [](const cli::Args& args) {
      analysis::AuditRequest request{args.at(0)};
      if (args.has(QStringLiteral("scale"))) {
        const QString s = args.value(QStringLiteral("scale"));
        if (s != QLatin1String("integer") && s != QLatin1String("soft"))
          cli::usageError(QStringLiteral("--scale must be integer or soft"));
        request.options.scale =
            s == QLatin1String("soft") ? analysis::ScoreScale::Soft : analysis::ScoreScale::Integer;
      }
      request.options.bootstrap = cli::bootstrapOptions(args);
      for (auto [name, side] : {std::pair{"a", &request.a}, std::pair{"b", &request.b}}) {
        if (args.has(QLatin1String(name)))
          *side = args.value(QLatin1String(name));
      }
      const analysis::AuditReport report = analysis::auditReport(request);
      if (args.has(QStringLiteral("report")))
        analysis::writeAuditHtml(report, request.input, args.value(QStringLiteral("report")));
      if (args.json())
        cli::printJson(analysis::auditReportJson(report));
      else
        cli::out(analysis::auditReportText(report));
      return cli::kExitOk;
    });

}  // namespace
