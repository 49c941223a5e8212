#include "core/analysis/confusion_matrix.h"

#include <algorithm>

namespace vs::analysis {

ConfusionMatrix ConfusionMatrix::build(const std::vector<int>& reference, const std::vector<int>& predicted) {
  ConfusionMatrix m;
  for (int s : reference) {
    m.lowest = std::min(m.lowest, s);
    m.highest = std::max(m.highest, s);
  }
  for (int s : predicted) {
    m.lowest = std::min(m.lowest, s);
    m.highest = std::max(m.highest, s);
  }
  const size_t k = static_cast<size_t>(m.highest - m.lowest + 1);
  m.counts.assign(k, std::vector<int64_t>(k, 0));
  const size_t n = std::min(reference.size(), predicted.size());
  for (size_t i = 0; i < n; ++i) {
    ++m.counts[static_cast<size_t>(reference[i] - m.lowest)][static_cast<size_t>(predicted[i] - m.lowest)];
  }
  return m;
}

int64_t ConfusionMatrix::at(int reference, int predicted) const {
  if (reference < lowest || reference > highest || predicted < lowest || predicted > highest) {
    return 0;
  }
  return counts[static_cast<size_t>(reference - lowest)][static_cast<size_t>(predicted - lowest)];
}

int64_t ConfusionMatrix::total() const {
  int64_t t = 0;
  for (const auto& row : counts) {
    for (int64_t c : row) {
      t += c;
    }
  }
  return t;
}

ScoreHistogram histogram(const std::vector<int>& scores) {
  ScoreHistogram h;
  int highest = 5;
  for (int s : scores) {
    h.lowest = std::min(h.lowest, s);
    highest = std::max(highest, s);
  }
  h.counts.assign(static_cast<size_t>(highest - h.lowest + 1), 0);
  for (int s : scores) {
    ++h.counts[static_cast<size_t>(s - h.lowest)];
  }
  return h;
}

}  // namespace vs::analysis
