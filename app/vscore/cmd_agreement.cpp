// vscore agreement A.json B.json [C.json ...] | PROJECT.vsproj [--annotators a,b,c] [--json]
// Inter-annotator agreement on the items every annotator scored (data/cal_iaa.py): exact
// agreement ratio and mean pairwise Spearman, plus Krippendorff's alpha and mean pairwise kappa.
#include <QCommandLineParser>

#include "cmd_analysis_options.h"
#include "cmd_options.h"
#include "command.h"
#include "core/analysis/analysis_json.h"
#include "core/analysis/inter_annotator.h"
#include "core/analysis/project_sources.h"
#include "core/analysis/rounding.h"
#include "core/domain/dimension.h"
#include "core/store/store.h"

namespace {

using namespace vs;
using namespace vs::analysis;

QString text4(const std::optional<double>& v) {
  return v ? QString::number(roundDecimals(*v, 4), 'f', 4) : QStringLiteral("null");
}

int runAgreement(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(
      QStringLiteral("INPUT"),
      QStringLiteral("two or more VideoFeedback2 files (one annotator each), or a project"));
  parser.addOption({QStringLiteral("annotators"),
                    QStringLiteral("project: comma-separated annotator names (default: every person)"),
                    QStringLiteral("NAMES")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  cli::addBootstrapOptions(parser);
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("agreement"), args)) {
    return *stop;
  }
  BootstrapOptions bootstrap;
  if (!cli::readBootstrapOptions(parser, &bootstrap)) {
    return cli::kExitUsage;
  }
  const QStringList inputs = parser.positionalArguments();
  AgreementInput input;
  if (inputs.size() == 1 && cli::isProjectFile(inputs.first())) {
    const store::Store store(inputs.first(), store::OpenMode::OpenExisting);
    input = agreementInputFromProject(
        store, parser.value(QStringLiteral("annotators")).split(QLatin1Char(','), Qt::SkipEmptyParts));
  } else if (inputs.size() >= 2) {
    if (parser.isSet(QStringLiteral("annotators"))) {
      return cli::fail(cli::kExitUsage, QStringLiteral("--annotators applies to projects only"));
    }
    input = agreementInputFromFiles(inputs);
  } else {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("usage: vscore agreement A.json B.json [C.json ...] | PROJECT.vsproj "
                                    "[--annotators a,b,c] [--json]"));
  }
  if (input.annotators.size() < 2) {
    return cli::fail(cli::kExitUsage, QStringLiteral("agreement needs at least two annotators"));
  }
  std::array<DimensionAgreement, 3> dims;
  for (size_t d = 0; d < 3; ++d) {
    dims[d] = interAnnotatorAgreement(input.ratings[d], bootstrap);
  }
  if (parser.isSet(QStringLiteral("json"))) {
    cli::printJson(agreementToJson(input.n, dims, input.annotators));
    return cli::kExitOk;
  }
  QString t = QStringLiteral("annotators %1; items scored by all: %2\n\n%3%4%5%6%7%8\n")
                  .arg(input.annotators.join(QStringLiteral(", ")))
                  .arg(input.n)
                  .arg(QStringLiteral("dimension").leftJustified(10))
                  .arg(QStringLiteral("agreement").rightJustified(11))
                  .arg(QStringLiteral("spcc").rightJustified(9))
                  .arg(QStringLiteral("alpha_ord").rightJustified(11))
                  .arg(QStringLiteral("alpha_int").rightJustified(11))
                  .arg(QStringLiteral("mean_qwk").rightJustified(10));
  for (Dimension d : kDimensions) {
    const DimensionAgreement& a = dims[static_cast<size_t>(index(d))];
    t += dimensionKey(d).leftJustified(10) + text4(a.agreementRatio.value).rightJustified(11) +
         text4(a.meanSpearman.value).rightJustified(9) + text4(a.alphaOrdinal.value).rightJustified(11) +
         text4(a.alphaInterval.value).rightJustified(11) + text4(a.meanQwk.value).rightJustified(10) +
         QLatin1Char('\n');
  }
  cli::out(t);
  return cli::kExitOk;
}

const cli::CommandRegistration kAgreement(
    {QStringLiteral("agreement"),
     QStringLiteral("agreement A.json B.json [C.json ...] | PROJECT.vsproj [--annotators a,b,c] [--json]"),
     QStringLiteral("Inter-annotator agreement: exact ratio, mean Spearman (cal_iaa.py), alpha, kappa"),
     runAgreement});

}  // namespace
