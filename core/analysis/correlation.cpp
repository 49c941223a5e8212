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
// a precomputed order of the values.
std::vector<double> averageRanks(const std::vector<double>& v, const std::vector<size_t>& order,
                                 const Weights& w) {
  std::vector<double> ranks(v.size(), 0.0);
  double before = 0;  // total weight of smaller values
  size_t k = 0;
  while (k < order.size()) {
    size_t end = k;
    double group = 0;
    while (end < order.size() && v[order[end]] == v[order[k]]) {
      group += weightOf(w, order[end]);
      ++end;
    }
    const double rank = before + (group + 1.0) / 2.0;
    for (size_t j = k; j < end; ++j) {
      ranks[order[j]] = rank;
    }
    before += group;
    k = end;
  }
  return ranks;
}

std::vector<size_t> orderBy(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&v](size_t a, size_t b) { return v[a] < v[b]; });
  return order;
}

// Sum of g*(g-1)/2 over runs of equal keys along `order` (tied pairs within groups).
template <typename Same>
double tiedPairs(const std::vector<size_t>& order, const Weights& w, Same same) {
  double tied = 0;
  size_t k = 0;
  while (k < order.size()) {
    size_t end = k;
    double group = 0;
    while (end < order.size() && same(order[end], order[k])) {
      group += weightOf(w, order[end]);
      ++end;
    }
    tied += group * (group - 1.0) / 2.0;
    k = end;
  }
  return tied;
}

}  // namespace

std::optional<double> pearson(const WeightedPairs& pairs, const Weights& w) {
  return weightedPearson(pairs.x(), pairs.y(), w);
}

std::optional<double> spearman(const WeightedPairs& pairs, const Weights& w) {
  const std::vector<double> rx = averageRanks(pairs.x(), pairs.xyOrder(), w);
  const std::vector<double> ry = averageRanks(pairs.y(), pairs.yOrder(), w);
  return weightedPearson(rx, ry, w);
}

std::optional<double> kendallTauB(const WeightedPairs& pairs, const Weights& w) {
  const auto& x = pairs.x();
  const auto& y = pairs.y();
  const auto& order = pairs.xyOrder();
  const auto& yRank = pairs.yDenseRank();
  const int k = pairs.distinctY();
  double total = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    total += weightOf(w, i);
  }
  if (total < 2) {
    return std::nullopt;
  }
  // Fenwick tree over y ranks holding the weight of observations with a smaller x.
  std::vector<double> tree(static_cast<size_t>(k) + 1, 0.0);
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
  double seen = 0, s = 0;
  size_t g = 0;
  while (g < order.size()) {
    size_t end = g;
    while (end < order.size() && x[order[end]] == x[order[g]]) {
      ++end;
    }
    for (size_t j = g; j < end; ++j) {
      const size_t i = order[j];
      const double wi = weightOf(w, i);
      if (wi <= 0) {
        continue;
      }
      const double less = prefix(yRank[i]);
      const double greater = seen - prefix(yRank[i] + 1);
      s += wi * (less - greater);
    }
    for (size_t j = g; j < end; ++j) {
      const size_t i = order[j];
      const double wi = weightOf(w, i);
      if (wi > 0) {
        add(yRank[i], wi);
        seen += wi;
      }
    }
    g = end;
  }
  const double n0 = total * (total - 1.0) / 2.0;
  const double tiesX = tiedPairs(order, w, [&x](size_t a, size_t b) { return x[a] == x[b]; });
  const double tiesY = tiedPairs(pairs.yOrder(), w, [&y](size_t a, size_t b) { return y[a] == y[b]; });
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
  return weightedPearson(averageRanks(x, orderBy(x), {}), averageRanks(y, orderBy(y), {}), {});
}

std::optional<double> kendallTauB(const std::vector<double>& x, const std::vector<double>& y) {
  return kendallTauB(WeightedPairs(x, y), {});
}

}  // namespace vs::analysis
