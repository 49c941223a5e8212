#include "core/analysis/correlation.h"

#include <algorithm>
#include <cmath>

namespace vs::analysis {
namespace {

// Weighted Pearson correlation of two columns; nullopt when a side is constant or W < 2.
std::optional<double> weightedPearson(const std::vector<double>& x, const std::vector<double>& y,
                                      const Weights& w) {
  const size_t n = x.size();
  double total = 0, sx = 0, sy = 0;
  bool xConstant = true, yConstant = true;
  double x0 = 0, y0 = 0;
  bool first = true;
  for (size_t i = 0; i < n; ++i) {
    const double wi = weightOf(w, i);
    if (wi <= 0) {
      continue;
    }
    if (first) {
      x0 = x[i];
      y0 = y[i];
      first = false;
    }
    xConstant = xConstant && x[i] == x0;
    yConstant = yConstant && y[i] == y0;
    total += wi;
    sx += wi * x[i];
    sy += wi * y[i];
  }
  // pearsonr raises below two observations and returns NaN for a constant input.
  if (total < 2 || xConstant || yConstant) {
    return std::nullopt;
  }
  const double mx = sx / total, my = sy / total;
  double sxx = 0, syy = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) {
    const double wi = weightOf(w, i);
    if (wi <= 0) {
      continue;
    }
    const double dx = x[i] - mx, dy = y[i] - my;
    sxx += wi * dx * dx;
    syy += wi * dy * dy;
    sxy += wi * dx * dy;
  }
  if (sxx <= 0 || syy <= 0) {
    return std::nullopt;
  }
  const double r = sxy / (std::sqrt(sxx) * std::sqrt(syy));
  return std::max(-1.0, std::min(1.0, r));  // pearsonr clips rounding overshoot
}

// Average ranks (1-based, ties share the mean of their positions) under multiplicities, walking
// runs of equal values along a precomputed order.
std::vector<double> averageRanks(size_t n, const std::vector<size_t>& order, const std::vector<size_t>& runs,
                                 const Weights& w) {
  std::vector<double> ranks(n, 0.0);
  double before = 0;  // total weight of smaller values
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    double group = 0;
    for (size_t j = runs[r]; j < runs[r + 1]; ++j) {
      group += weightOf(w, order[j]);
    }
    const double rank = before + (group + 1.0) / 2.0;
    for (size_t j = runs[r]; j < runs[r + 1]; ++j) {
      ranks[order[j]] = rank;
    }
    before += group;
  }
  return ranks;
}

std::vector<size_t> runsOf(const std::vector<double>& v, const std::vector<size_t>& order) {
  std::vector<size_t> runs;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || v[order[k]] != v[order[k - 1]]) {
      runs.push_back(k);
    }
  }
  runs.push_back(order.size());
  return runs;
}

// Sum of g (g - 1) / 2 over runs (pairs tied within a run).
double tiedPairs(const std::vector<size_t>& order, const std::vector<size_t>& runs, const Weights& w) {
  double tied = 0;
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    double group = 0;
    for (size_t j = runs[r]; j < runs[r + 1]; ++j) {
      group += weightOf(w, order[j]);
    }
    tied += group * (group - 1.0) / 2.0;
  }
  return tied;
}

std::vector<size_t> orderBy(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&v](size_t a, size_t b) { return v[a] < v[b]; });
  return order;
}

}  // namespace

std::optional<double> pearson(const WeightedPairs& pairs, const Weights& w) {
  return weightedPearson(pairs.x(), pairs.y(), w);
}

std::optional<double> spearman(const WeightedPairs& pairs, const Weights& w) {
  const std::vector<double> rx = averageRanks(pairs.size(), pairs.xyOrder(), pairs.xRuns(), w);
  const std::vector<double> ry = averageRanks(pairs.size(), pairs.yOrder(), pairs.yRuns(), w);
  return weightedPearson(rx, ry, w);
}

std::optional<double> kendallTauB(const WeightedPairs& pairs, const Weights& w) {
  const auto& order = pairs.xyOrder();
  const auto& xRuns = pairs.xRuns();
  const size_t n = pairs.size();
  // Weights and y ranks gathered into x order once, so the sweep reads memory in sequence.
  std::vector<double> wx(n);
  std::vector<int> yx(n);
  double total = 0;
  for (size_t j = 0; j < n; ++j) {
    wx[j] = weightOf(w, order[j]);
    yx[j] = pairs.yDenseRank()[order[j]];
    total += wx[j];
  }
  if (total < 2) {
    return std::nullopt;
  }
  // Fenwick tree over y ranks holding the weight of observations with a smaller x.
  std::vector<double> tree(static_cast<size_t>(pairs.distinctY()) + 1, 0.0);
  auto add = [&tree](int r, double v) {
    for (size_t i = static_cast<size_t>(r) + 1; i < tree.size(); i += i & (~i + 1)) {
      tree[i] += v;
    }
  };
  auto prefix = [&tree](int r) {  // weight with rank < r
    double s = 0;
    for (size_t i = static_cast<size_t>(r); i > 0; i -= i & (~i + 1)) {
      s += tree[i];
    }
    return s;
  };
  double seen = 0, s = 0, tiesX = 0;
  for (size_t r = 0; r + 1 < xRuns.size(); ++r) {
    double group = 0;
    for (size_t j = xRuns[r]; j < xRuns[r + 1]; ++j) {
      if (wx[j] > 0) {
        const double less = prefix(yx[j]);
        const double greater = seen - prefix(yx[j] + 1);
        s += wx[j] * (less - greater);
        group += wx[j];
      }
    }
    for (size_t j = xRuns[r]; j < xRuns[r + 1]; ++j) {
      if (wx[j] > 0) {
        add(yx[j], wx[j]);
      }
    }
    seen += group;
    tiesX += group * (group - 1.0) / 2.0;
  }
  const double n0 = total * (total - 1.0) / 2.0;
  const double tiesY = tiedPairs(pairs.yOrder(), pairs.yRuns(), w);
  const double denominator = (n0 - tiesX) * (n0 - tiesY);
  if (!(denominator > 0)) {
    return std::nullopt;  // a constant side: kendalltau returns NaN
  }
  const double tau = s / std::sqrt(n0 - tiesX) / std::sqrt(n0 - tiesY);
  return std::max(-1.0, std::min(1.0, tau));
}

std::optional<double> meanAbsoluteError(const WeightedPairs& pairs, const Weights& w) {
  double total = 0, sum = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const double wi = weightOf(w, i);
    total += wi;
    sum += wi * std::fabs(pairs.x()[i] - pairs.y()[i]);
  }
  if (total <= 0) {
    return std::nullopt;
  }
  return sum / total;
}

std::optional<double> pearson(const std::vector<double>& x, const std::vector<double>& y) {
  return weightedPearson(x, y, {});
}

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
  const auto ox = orderBy(x), oy = orderBy(y);
  return weightedPearson(averageRanks(x.size(), ox, runsOf(x, ox), {}),
                         averageRanks(y.size(), oy, runsOf(y, oy), {}), {});
}

std::optional<double> kendallTauB(const std::vector<double>& x, const std::vector<double>& y) {
  return kendallTauB(WeightedPairs(x, y), {});
}

}  // namespace vs::analysis
