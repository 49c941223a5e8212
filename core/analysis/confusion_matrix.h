#pragma once
// Counts of (reference score, predicted score) pairs and per-score histograms, on integer
// scores. The range always covers 1..5 and widens for scores outside it (an unparsed model
// output counts as 0 in the reference scripts).
#include <cstdint>
#include <vector>

namespace vs::analysis {

struct ScoreHistogram {
  int lowest = 1;
  std::vector<int64_t> counts;  // counts[s - lowest]
  int highest() const { return lowest + static_cast<int>(counts.size()) - 1; }
};

struct ConfusionMatrix {
  int lowest = 1;
  int highest = 5;
  // counts[reference - lowest][predicted - lowest]
  std::vector<std::vector<int64_t>> counts;

  static ConfusionMatrix build(const std::vector<int>& reference, const std::vector<int>& predicted);
  int64_t at(int reference, int predicted) const;
  int64_t total() const;
};

ScoreHistogram histogram(const std::vector<int>& scores);

}  // namespace vs::analysis
