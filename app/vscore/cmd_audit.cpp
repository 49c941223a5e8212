// vscore audit PREDICTIONS.json | PROJECT.vsproj: see core/analysis/audit_report.h.
#include "core/analysis/bootstrap_option_rows.h"
#include "core/analysis/audit_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration kAudit(
    {"audit",
     "audit PREDICTIONS.json|PROJECT.vsproj [--a SOURCE] [--b SOURCE] [--json] [--report OUT.html]",
     "Accuracy, relaxed accuracy, SRCC, PLCC (VideoScore2 rules), kappa, alpha, bootstrap CIs",
     {{"INPUT", "prediction file (.json) or project (.vsproj)"}},
     analysis::withBootstrapRows(
         {{"a", "project: predicted side, an annotator name or model:ID (default: first model)", "SOURCE"},
          {"b", "project: reference side, an annotator name or model:ID (default: first person)", "SOURCE"},
          cli::jsonOption(),
          {"report", "write a self-contained HTML report", "OUT.html"},
          {"scale", "integer (vs2) or soft (vs2_float); default: soft when a score has a fraction",
           "SCALE"}})},
    [](const cli::Args& args) {
      analysis::AuditRequest request;
      request.input = args.at(0);
      if (args.has("scale")) {
        const QString s = args.value("scale");
        if (s != QLatin1String("integer") && s != QLatin1String("soft"))
          cli::usageError("--scale must be integer or soft");
        request.options.scale =
            s == QLatin1String("soft") ? analysis::ScoreScale::Soft : analysis::ScoreScale::Integer;
      }
      request.options.bootstrap = analysis::bootstrapOptions(args);
      for (auto [name, side] : {std::pair{"a", &request.a}, std::pair{"b", &request.b}}) {
        if (args.has(QLatin1String(name)))
          *side = args.value(QLatin1String(name));
      }
      const analysis::AuditReport report = analysis::auditReport(request);
      if (args.has("report"))
        analysis::writeAuditHtml(report, request.input, args.value("report"));
      cli::printReport(args.json(), analysis::auditReportJson(report), analysis::auditReportText(report));
      return cli::kExitOk;
    });

}  // namespace
