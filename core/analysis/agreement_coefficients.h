#pragma once
// Chance-corrected agreement: Cohen's quadratic-weighted κ (two raters) and Krippendorff's α
// (any number of raters, missing ratings allowed). nullopt where the coefficient is undefined
// (no pairable values, no variation at all).
#include <optional>
#include <vector>

#include "core/analysis/weighted_pairs.h"

namespace vs::analysis {

// Quadratic weights (a - b)^2 on the score values themselves, so categories that nobody used
// change nothing (the (k-1)^2 normaliser of the textbook form cancels in the ratio).
// `w`: multiplicity per item, as in WeightedPairs.
std::optional<double> quadraticWeightedKappa(const std::vector<double>& a, const std::vector<double>& b,
                                             const Weights& w = {});

enum class AlphaLevel {
  Interval,  // delta = (c - k)^2
  Ordinal,   // delta from the cumulative marginal counts between c and k (Krippendorff 2011)
};

// ratings[rater][unit]; NaN marks a missing rating. Units with fewer than two ratings are not
// pairable and are ignored. `unitWeights`: multiplicity per unit (bootstrap over units).
std::optional<double> krippendorffAlpha(const std::vector<std::vector<double>>& ratings, AlphaLevel level,
                                        const Weights& unitWeights = {});

}  // namespace vs::analysis
