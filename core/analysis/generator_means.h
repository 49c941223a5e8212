#pragma once
// Mean total score (v + t + p) per generator on both sides of an audit: what the audit tab and
// the HTML report chart next to each other.
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
};

// `generators` parallel to `rows`; rows with a null prediction are left out; sorted by name.
std::vector<GeneratorMeans> generatorMeans(const std::vector<AuditRow>& rows,
                                           const std::vector<std::string>& generators);

}  // namespace vs::analysis
