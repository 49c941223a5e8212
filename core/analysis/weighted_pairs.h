#pragma once
// Paired observations (x_i, y_i) with their sort orders computed once, so every statistic can be
// evaluated under bootstrap multiplicities in O(n) or O(n log k) instead of a sort per resample.
#include <cstddef>
#include <vector>

namespace vs::analysis {

// Multiplicity of each observation (a bootstrap resample); empty means every observation once.
using Weights = std::vector<double>;

inline double weightOf(const Weights& w, size_t i) {
  return w.empty() ? 1.0 : w[i];
}

class WeightedPairs {
 public:
  WeightedPairs(std::vector<double> x, std::vector<double> y);

  size_t size() const { return x_.size(); }
  const std::vector<double>& x() const { return x_; }
  const std::vector<double>& y() const { return y_; }
  // Indices sorted by (x, y), and by y.
  const std::vector<size_t>& xyOrder() const { return xyOrder_; }
  const std::vector<size_t>& yOrder() const { return yOrder_; }
  // Dense rank of y_i among the distinct y values (0-based), and how many distinct values.
  const std::vector<int>& yDenseRank() const { return yDenseRank_; }
  int distinctY() const { return distinctY_; }
  // Run boundaries (start offsets, then size()) of equal x along xyOrder() and of equal y along
  // yOrder(); the statistics walk these instead of comparing values.
  const std::vector<size_t>& xRuns() const { return xRuns_; }
  const std::vector<size_t>& yRuns() const { return yRuns_; }

 private:
  std::vector<double> x_;
  std::vector<double> y_;
  std::vector<size_t> xyOrder_;
  std::vector<size_t> yOrder_;
  std::vector<int> yDenseRank_;
  int distinctY_ = 0;
  std::vector<size_t> xRuns_;
  std::vector<size_t> yRuns_;
};

}  // namespace vs::analysis
