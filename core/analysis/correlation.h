#pragma once
// Correlations and errors between paired scores, as scipy.stats defines them. Every function
// returns nullopt where scipy gives NaN or raises (fewer than two observations, a constant
// side), so callers report null instead of crashing.
#include <optional>
#include <vector>

#include "core/analysis/weighted_pairs.h"

namespace vs::analysis {

// scipy.stats.pearsonr.
std::optional<double> pearson(const WeightedPairs& pairs, const Weights& w = {});
// scipy.stats.spearmanr: Pearson correlation of average ranks (ties share their mean rank).
std::optional<double> spearman(const WeightedPairs& pairs, const Weights& w = {});
// scipy.stats.kendalltau (variant "b", ties corrected), O(n log k) with a Fenwick tree.
std::optional<double> kendallTauB(const WeightedPairs& pairs, const Weights& w = {});
// mean |x - y|; nullopt for no observations.
std::optional<double> meanAbsoluteError(const WeightedPairs& pairs, const Weights& w = {});

// Convenience forms on plain vectors.
std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y);
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);
std::optional<double> kendallTauB(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace vs::analysis
