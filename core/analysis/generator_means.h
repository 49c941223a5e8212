#pragma once
// Mean scores per generator on both sides of an audit: the total (v + t + p) that the HTML report
// charts and each dimension's mean that the audit tab charts, over the same rows.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/score_audit.h"

namespace vs::analysis {

struct GeneratorMeans {
  std::string generator;
  int64_t videos = 0;                    // rows of this generator with complete predictions
  std::optional<double> predictedTotal;  // mean of v + t + p, raw predicted scores
  std::optional<double> referenceTotal;
  std::array<std::optional<double>, 3> predicted{};  // per dimension (indexed by Dimension)
  std::array<std::optional<double>, 3> reference{};
};

// `generators` parallel to `rows`; rows with a null prediction are left out; sorted by name.
std::vector<GeneratorMeans> generatorMeans(const std::vector<AuditRow>& rows,
                                           const std::vector<std::string>& generators);

}  // namespace vs::analysis
