#pragma once
// What `vscore agreement` reports: inter-annotator agreement on the items every annotator scored
// (data/cal_iaa.py's exact agreement ratio and mean pairwise Spearman, plus Krippendorff's alpha
// and mean pairwise kappa), from annotator files or a project; as text or JSON.
#include <QJsonObject>
#include <QStringList>
#include <array>
#include <optional>

#include "core/analysis/bootstrap.h"
#include "core/analysis/inter_annotator.h"

namespace vs::analysis {

struct AgreementReport {
  QStringList annotators;
  int64_t n = 0;
  std::array<DimensionAgreement, 3> dimensions;
};

// One input that is a project (with `annotators`, none or empty: every person), or two or more
// annotator files (no `annotators`). Throws Error Usage for any other combination or fewer than two
// annotators.
AgreementReport agreementReport(const QStringList& inputs, const std::optional<QStringList>& annotators,
                                const BootstrapOptions& bootstrap);

QString agreementText(const AgreementReport& report);
QJsonObject agreementJson(const AgreementReport& report);

}  // namespace vs::analysis
