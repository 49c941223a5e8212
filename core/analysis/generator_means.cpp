#include "core/analysis/generator_means.h"

#include <map>

namespace vs::analysis {

std::vector<GeneratorMeans> generatorMeans(const std::vector<AuditRow>& rows,
                                           const std::vector<std::string>& generators) {
  struct Sums {
    int64_t n = 0;
    double predicted = 0;
    double reference = 0;
    std::array<double, 3> predictedByDimension{};
    std::array<double, 3> referenceByDimension{};
  };
  std::map<std::string, Sums> sums;
  for (size_t i = 0; i < rows.size() && i < generators.size(); ++i) {
    const AuditRow& r = rows[i];
    if (!r.predicted[0] || !r.predicted[1] || !r.predicted[2]) {
      continue;
    }
    Sums& s = sums[generators[i]];
    ++s.n;
    s.predicted += *r.predicted[0] + *r.predicted[1] + *r.predicted[2];
    s.reference += r.reference[0] + r.reference[1] + r.reference[2];
    for (size_t d = 0; d < 3; ++d) {
      s.predictedByDimension[d] += *r.predicted[d];
      s.referenceByDimension[d] += r.reference[d];
    }
  }
  std::vector<GeneratorMeans> out;
  for (const auto& [name, s] : sums) {
    const double n = static_cast<double>(s.n);
    GeneratorMeans g{name, s.n, s.predicted / n, s.reference / n};
    for (size_t d = 0; d < 3; ++d) {
      g.predicted[d] = s.predictedByDimension[d] / n;
      g.reference[d] = s.referenceByDimension[d] / n;
    }
    out.push_back(g);
  }
  return out;
}

}  // namespace vs::analysis
