#include "core/analysis/bootstrap.h"

#include <algorithm>
#include <cmath>

namespace vs::analysis {

uint64_t SplitMix64::next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Weights drawResample(SplitMix64& rng, size_t n) {
  Weights w(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    w[static_cast<size_t>(rng.next() % n)] += 1.0;
  }
  return w;
}

double percentileLinear(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double virtualIndex = static_cast<double>(values.size() - 1) * (q / 100.0);
  const double below = std::floor(virtualIndex);
  const size_t lo = static_cast<size_t>(below);
  const size_t hi = std::min(lo + 1, values.size() - 1);
  const double t = virtualIndex - below;
  const double a = values[lo], b = values[hi];
  // numpy's _lerp: a + (b - a) t, but from the upper end when t >= 0.5 (keeps monotonicity).
  return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
}

std::optional<Interval> percentileInterval(const std::vector<std::optional<double>>& replicates,
                                           double level) {
  std::vector<double> defined;
  for (const auto& r : replicates) {
    if (r && !std::isnan(*r)) {
      defined.push_back(*r);
    }
  }
  if (defined.empty()) {
    return std::nullopt;
  }
  const double tail = (1.0 - level) / 2.0 * 100.0;
  return Interval{percentileLinear(defined, tail), percentileLinear(defined, 100.0 - tail)};
}

std::vector<std::optional<Interval>> bootstrapIntervals(size_t n, size_t k, const BootstrapOptions& options,
                                                        const StatisticsFn& statistics) {
  std::vector<std::optional<Interval>> intervals(k);
  if (options.resamples <= 0 || n == 0) {
    return intervals;
  }
  std::vector<std::vector<std::optional<double>>> replicates(k);
  SplitMix64 rng(options.seed);
  std::vector<std::optional<double>> values(k);
  for (int b = 0; b < options.resamples; ++b) {
    const Weights w = drawResample(rng, n);
    std::fill(values.begin(), values.end(), std::nullopt);
    statistics(w, values);
    for (size_t j = 0; j < k; ++j) {
      replicates[j].push_back(values[j]);
    }
  }
  for (size_t j = 0; j < k; ++j) {
    intervals[j] = percentileInterval(replicates[j], options.level);
  }
  return intervals;
}

}  // namespace vs::analysis
