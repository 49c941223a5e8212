#pragma once
// Seeded percentile bootstrap. Resamples are drawn as multiplicities (how often each item was
// drawn), so statistics evaluate on the original arrays with weights. The generator and the draw
// rule are fixed and simple (SplitMix64, item = next() % n) so an independent script can replay
// the exact same resamples.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/analysis/weighted_pairs.h"

namespace vs::analysis {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next();

 private:
  uint64_t state_;
};

struct Interval {
  double low = 0;
  double high = 0;
};

struct BootstrapOptions {
  int resamples = 1000;  // 0 disables intervals
  uint64_t seed = 20250926;
  double level = 0.95;
};

// Multiplicities of one resample of n items: n draws with replacement.
Weights drawResample(SplitMix64& rng, size_t n);

// numpy.percentile(values, q) with the default "linear" method (q in 0..100).
double percentileLinear(std::vector<double> sortedOrNot, double q);

// Central interval of the defined replicate values; nullopt when none is defined.
std::optional<Interval> percentileInterval(const std::vector<std::optional<double>>& replicates,
                                           double level);

// Evaluates `statistics` (filling k values; nullopt where undefined) on each resample of n items
// and returns one interval per statistic.
using StatisticsFn = std::function<void(const Weights& w, std::vector<std::optional<double>>& out)>;
std::vector<std::optional<Interval>> bootstrapIntervals(size_t n, size_t k, const BootstrapOptions& options,
                                                        const StatisticsFn& statistics);

}  // namespace vs::analysis
