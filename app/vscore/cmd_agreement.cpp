// vscore agreement A.json B.json [C.json ...] | PROJECT.vsproj: see core/analysis/agreement_report.h.
#include "core/analysis/bootstrap_option_rows.h"
#include "core/analysis/agreement_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration kAgreement(
    cli::Spec{
        "agreement",
        "agreement A.json B.json [C.json ...] | PROJECT.vsproj [--annotators a,b,c] [--json]",
        "Inter-annotator agreement: exact ratio, mean Spearman (cal_iaa.py), alpha, kappa",
        {{"INPUT", "two or more VideoFeedback2 files (one annotator each), or a project"}},
        analysis::withBootstrapRows(
            {{"annotators", "project: comma-separated annotator names (default: every person)", "NAMES"},
             cli::jsonOption()})}
        .takingArguments(0, cli::kAnyCount),
    [](const cli::Args& args) {
      const analysis::BootstrapOptions bootstrap = analysis::bootstrapOptions(args);
      std::optional<QStringList> annotators;
      if (args.has("annotators"))
        annotators = args.value("annotators").split(QLatin1Char(','), Qt::SkipEmptyParts);
      const analysis::AgreementReport report =
          analysis::agreementReport(args.positional(), annotators, bootstrap);
      cli::printReport(args.json(), analysis::agreementJson(report), analysis::agreementText(report));
      return cli::kExitOk;
    });

}  // namespace
