#include "core/analysis/weighted_pairs.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace vs::analysis {

WeightedPairs::WeightedPairs(std::vector<double> x, std::vector<double> y)
    : x_(std::move(x)), y_(std::move(y)) {
  if (x_.size() != y_.size()) {
    throw std::invalid_argument("WeightedPairs: x and y differ in length");
  }
  const size_t n = x_.size();
  xyOrder_.resize(n);
  std::iota(xyOrder_.begin(), xyOrder_.end(), size_t{0});
  yOrder_ = xyOrder_;
  std::stable_sort(xyOrder_.begin(), xyOrder_.end(),
                   [this](size_t a, size_t b) { return x_[a] < x_[b] || (x_[a] == x_[b] && y_[a] < y_[b]); });
  std::stable_sort(yOrder_.begin(), yOrder_.end(), [this](size_t a, size_t b) { return y_[a] < y_[b]; });
  yDenseRank_.assign(n, 0);
  int rank = -1;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = yOrder_[k];
    if (k == 0 || y_[i] != y_[yOrder_[k - 1]]) {
      ++rank;
    }
    yDenseRank_[i] = rank;
  }
  distinctY_ = rank + 1;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = xyOrder_[k];
    const size_t prev = k == 0 ? 0 : xyOrder_[k - 1];
    if (k == 0 || x_[i] != x_[prev]) {
      xRuns_.push_back(k);
    }
    if (k == 0 || y_[yOrder_[k]] != y_[yOrder_[k - 1]]) {
      yRuns_.push_back(k);
    }
  }
  xRuns_.push_back(n);
  yRuns_.push_back(n);
}

}  // namespace vs::analysis
