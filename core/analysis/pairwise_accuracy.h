#pragma once
// Pairwise (preference) accuracy the way eval/get_pairwise_acc.py computes it: an item's score
// is v + t + p; the predicted preference compares the two items' scores.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/score_audit.h"

namespace vs::analysis {

enum class Preference { Left, Right, Tie };

enum class TieHandling {
  Excluded,  // with_ties=False: pairs labelled tie are skipped, a predicted tie is wrong,
             // and any non-zero difference decides (judge_equal_for_diverse compares with >)
  Included,  // with_ties=True: |difference| <= threshold predicts a tie, correct on tie labels
};

struct ScoredPair {
  double left = 0;   // model total of the left item
  double right = 0;  // model total of the right item
  Preference human = Preference::Tie;
};

struct PairwiseResult {
  int64_t total = 0;  // pairs counted
  int64_t correct = 0;
  int64_t skipped = 0;             // tie-labelled pairs left out (TieHandling::Excluded)
  std::optional<double> accuracy;  // x100 rounded to 3; null when no pair counted
};

// judge_equal_for_diverse: "vs2" 0.5 for integer scores, "vs2_float" 0.001 for soft scores.
double referenceTieThreshold(ScoreScale scale);

Preference predictPreference(double left, double right, TieHandling ties, double threshold);

PairwiseResult pairwiseAccuracy(const std::vector<ScoredPair>& pairs, TieHandling ties, double threshold);

}  // namespace vs::analysis
