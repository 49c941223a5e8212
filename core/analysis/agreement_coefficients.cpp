#include "core/analysis/agreement_coefficients.h"

#include <algorithm>
#include <cmath>

namespace vs::analysis {

std::optional<double> quadraticWeightedKappa(const std::vector<double>& a, const std::vector<double>& b,
                                             const Weights& w) {
  // kappa = 1 - sum(W*O) / sum(W*E) with E = outer(rowsums, colsums) / N; both sums have a
  // closed form in the first two moments, so no k x k matrix is needed.
  double n = 0, observed = 0, sa = 0, sb = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double wi = weightOf(w, i);
    n += wi;
    observed += wi * (a[i] - b[i]) * (a[i] - b[i]);
    sa += wi * a[i];
    sb += wi * b[i];
    saa += wi * a[i] * a[i];
    sbb += wi * b[i] * b[i];
  }
  if (n <= 0) {
    return std::nullopt;
  }
  const double expected = (n * saa + n * sbb - 2.0 * sa * sb) / n;
  if (!(expected > 0)) {
    return std::nullopt;
  }
  return 1.0 - observed / expected;
}

namespace {

std::optional<double> intervalAlpha(const std::vector<std::vector<double>>& ratings, size_t units,
                                    const Weights& w) {
  double n = 0, s1 = 0, s2 = 0, disagreement = 0;
  std::vector<double> values;
  for (size_t u = 0; u < units; ++u) {
    const double wu = weightOf(w, u);
    if (wu <= 0) {
      continue;
    }
    values.clear();
    for (const auto& rater : ratings) {
      if (!std::isnan(rater[u])) {
        values.push_back(rater[u]);
      }
    }
    const double m = static_cast<double>(values.size());
    if (values.size() < 2) {
      continue;
    }
    double sum = 0, sumSq = 0;
    for (double v : values) {
      sum += v;
      sumSq += v * v;
    }
    // sum over ordered pairs i != j of (v_i - v_j)^2 = 2 (m sum v^2 - (sum v)^2)
    disagreement += wu * 2.0 * (m * sumSq - sum * sum) / (m - 1.0);
    n += wu * m;
    s1 += wu * sum;
    s2 += wu * sumSq;
  }
  const double expected = 2.0 * (n * s2 - s1 * s1);  // sum_c sum_k n_c n_k (c - k)^2
  if (n < 2 || !(expected > 0)) {
    return std::nullopt;
  }
  return 1.0 - (n - 1.0) * disagreement / expected;
}

std::optional<double> ordinalAlpha(const std::vector<std::vector<double>>& ratings, size_t units,
                                   const Weights& w) {
  // Category index of a value: small integers (scores) index directly, anything else through a
  // sorted table. Unused categories in between change nothing: they add 0 to every marginal sum.
  bool integers = true;
  double lo = 0, hi = 0;
  bool any = false;
  std::vector<double> table;
  for (size_t u = 0; u < units; ++u) {
    if (weightOf(w, u) <= 0) {
      continue;
    }
    for (const auto& rater : ratings) {
      const double v = rater[u];
      if (std::isnan(v)) {
        continue;
      }
      integers = integers && v == std::floor(v) && std::fabs(v) < 1e6;
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
      table.push_back(v);
    }
  }
  if (!any) {
    return std::nullopt;
  }
  if (integers && hi - lo < 4096) {
    table.clear();
  } else {
    std::sort(table.begin(), table.end());
    table.erase(std::unique(table.begin(), table.end()), table.end());
  }
  const size_t k = table.empty() ? static_cast<size_t>(hi - lo) + 1 : table.size();
  auto category = [&](double v) {
    return table.empty()
               ? static_cast<size_t>(v - lo)
               : static_cast<size_t>(std::lower_bound(table.begin(), table.end(), v) - table.begin());
  };
  std::vector<double> o(k * k, 0.0);
  std::vector<size_t> cats;
  cats.reserve(ratings.size());
  for (size_t u = 0; u < units; ++u) {
    const double wu = weightOf(w, u);
    if (wu <= 0) {
      continue;
    }
    cats.clear();
    for (const auto& rater : ratings) {
      if (!std::isnan(rater[u])) {
        cats.push_back(category(rater[u]));
      }
    }
    if (cats.size() < 2) {
      continue;
    }
    const double share = wu / static_cast<double>(cats.size() - 1);
    for (size_t i = 0; i < cats.size(); ++i) {
      for (size_t j = 0; j < cats.size(); ++j) {
        if (i != j) {
          o[cats[i] * k + cats[j]] += share;
        }
      }
    }
  }
  std::vector<double> marginal(k, 0.0);
  double n = 0;
  for (size_t c = 0; c < k; ++c) {
    for (size_t d = 0; d < k; ++d) {
      marginal[c] += o[c * k + d];
    }
    n += marginal[c];
  }
  std::vector<double> cumulative(k + 1, 0.0);
  for (size_t c = 0; c < k; ++c) {
    cumulative[c + 1] = cumulative[c] + marginal[c];
  }
  double observed = 0, expected = 0;
  for (size_t c = 0; c < k; ++c) {
    for (size_t d = 0; d < k; ++d) {
      const size_t a = std::min(c, d), b = std::max(c, d);
      const double between = cumulative[b + 1] - cumulative[a] - (marginal[c] + marginal[d]) / 2.0;
      const double delta = between * between;
      observed += o[c * k + d] * delta;
      expected += marginal[c] * marginal[d] * delta;
    }
  }
  if (n < 2 || !(expected > 0)) {
    return std::nullopt;
  }
  return 1.0 - (n - 1.0) * observed / expected;
}

}  // namespace

std::optional<double> krippendorffAlpha(const std::vector<std::vector<double>>& ratings, AlphaLevel level,
                                        const Weights& unitWeights) {
  if (ratings.empty()) {
    return std::nullopt;
  }
  size_t units = ratings.front().size();
  for (const auto& rater : ratings) {
    units = std::min(units, rater.size());
  }
  return level == AlphaLevel::Interval ? intervalAlpha(ratings, units, unitWeights)
                                       : ordinalAlpha(ratings, units, unitWeights);
}

}  // namespace vs::analysis
