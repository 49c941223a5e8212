#include "core/analysis/agreement_report.h"

#include "core/analysis/analysis_json.h"
#include "core/analysis/audit_report.h"
#include "core/analysis/project_sources.h"
#include "core/analysis/rounding.h"
#include "core/domain/dimension.h"
#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::analysis {
namespace {

QString text4(const std::optional<double>& v) {
  return v ? QString::number(roundDecimals(*v, 4), 'f', 4) : QStringLiteral("null");
}

[[noreturn]] void usage(const QString& message) {
  throw Error(Error::Kind::Usage, QString(), message);
}

}  // namespace

AgreementReport agreementReport(const QStringList& inputs, const std::optional<QStringList>& annotators,
                                const BootstrapOptions& bootstrap) {
  AgreementInput input;
  if (inputs.size() == 1 && isProjectFile(inputs.first())) {
    const store::Store store(inputs.first(), store::OpenMode::OpenExisting);
    input = agreementInputFromProject(store, annotators.value_or(QStringList()));
  } else if (inputs.size() >= 2) {
    if (annotators)
      usage(QStringLiteral("--annotators applies to projects only"));
    input = agreementInputFromFiles(inputs);
  } else {
    usage(
        QStringLiteral("usage: vscore agreement A.json B.json [C.json ...] | PROJECT.vsproj "
                       "[--annotators a,b,c] [--json]"));
  }
  if (input.annotators.size() < 2)
    usage(QStringLiteral("agreement needs at least two annotators"));
  AgreementReport report{input.annotators, input.n, {}};
  for (size_t d = 0; d < 3; ++d)
    report.dimensions[d] = interAnnotatorAgreement(input.ratings[d], bootstrap);
  return report;
}

QString agreementText(const AgreementReport& r) {
  QString t = QStringLiteral("annotators %1; items scored by all: %2\n\n%3%4%5%6%7%8\n")
                  .arg(r.annotators.join(QStringLiteral(", ")))
                  .arg(r.n)
                  .arg(QStringLiteral("dimension").leftJustified(10))
                  .arg(QStringLiteral("agreement").rightJustified(11))
                  .arg(QStringLiteral("spcc").rightJustified(9))
                  .arg(QStringLiteral("alpha_ord").rightJustified(11))
                  .arg(QStringLiteral("alpha_int").rightJustified(11))
                  .arg(QStringLiteral("mean_qwk").rightJustified(10));
  for (Dimension d : kDimensions) {
    const DimensionAgreement& a = r.dimensions[static_cast<size_t>(index(d))];
    t += dimensionKey(d).leftJustified(10) + text4(a.agreementRatio.value).rightJustified(11) +
         text4(a.meanSpearman.value).rightJustified(9) + text4(a.alphaOrdinal.value).rightJustified(11) +
         text4(a.alphaInterval.value).rightJustified(11) + text4(a.meanQwk.value).rightJustified(10) +
         QLatin1Char('\n');
  }
  return t;
}

QJsonObject agreementJson(const AgreementReport& r) {
  return agreementToJson(r.n, r.dimensions, r.annotators);
}

}  // namespace vs::analysis
