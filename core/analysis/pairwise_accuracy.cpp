#include "core/analysis/pairwise_accuracy.h"

#include "core/analysis/rounding.h"

namespace vs::analysis {

double referenceTieThreshold(ScoreScale scale) {
  return scale == ScoreScale::Soft ? 0.001 : 0.5;
}

Preference predictPreference(double left, double right, TieHandling ties, double threshold) {
  const double margin = ties == TieHandling::Included ? threshold : 0.0;
  const double difference = left - right;
  if (difference > margin) {
    return Preference::Left;
  }
  if (difference < -margin) {
    return Preference::Right;
  }
  return Preference::Tie;
}

PairwiseResult pairwiseAccuracy(const std::vector<ScoredPair>& pairs, TieHandling ties, double threshold) {
  PairwiseResult r;
  for (const ScoredPair& p : pairs) {
    if (ties == TieHandling::Excluded && p.human == Preference::Tie) {
      ++r.skipped;
      continue;
    }
    ++r.total;
    if (predictPreference(p.left, p.right, ties, threshold) == p.human) {
      ++r.correct;
    }
  }
  if (r.total > 0) {
    r.accuracy = percent3(static_cast<double>(r.correct) / static_cast<double>(r.total));
  }
  return r;
}

}  // namespace vs::analysis
