#include "core/analysis/inter_annotator.h"

#include "core/analysis/agreement_coefficients.h"
#include "core/analysis/correlation.h"

namespace vs::analysis {
namespace {

enum Measure { kRatio, kSpearman, kAlphaOrdinal, kAlphaInterval, kQwk, kMeasureCount };

struct Prepared {
  const std::vector<std::vector<double>>& ratings;
  std::vector<PairAgreement> pairs;
  std::vector<WeightedPairs> pairData;
};

void statistics(const Prepared& p, const Weights& w, std::vector<std::optional<double>>& out,
                std::vector<PairAgreement>* pairOut) {
  const auto& r = p.ratings;
  const size_t items = r.empty() ? 0 : r.front().size();
  double total = 0, same = 0;
  for (size_t i = 0; i < items; ++i) {
    const double wi = weightOf(w, i);
    bool all = true;
    for (size_t k = 1; k < r.size(); ++k) {
      all = all && r[k][i] == r[0][i];
    }
    total += wi;
    same += all ? wi : 0.0;
  }
  out[kRatio] = total > 0 ? std::optional<double>(same / total) : std::nullopt;
  double spearmanSum = 0, qwkSum = 0;
  bool spearmanDefined = true, qwkDefined = true;
  for (size_t j = 0; j < p.pairs.size(); ++j) {
    const auto s = spearman(p.pairData[j], w);
    const auto& a = r[static_cast<size_t>(p.pairs[j].a)];
    const auto& b = r[static_cast<size_t>(p.pairs[j].b)];
    const auto q = quadraticWeightedKappa(a, b, w);
    spearmanDefined = spearmanDefined && s.has_value();
    qwkDefined = qwkDefined && q.has_value();
    spearmanSum += s.value_or(0.0);
    qwkSum += q.value_or(0.0);
    if (pairOut) {
      double t = 0, e = 0;
      for (size_t i = 0; i < items; ++i) {
        t += weightOf(w, i);
        e += a[i] == b[i] ? weightOf(w, i) : 0.0;
      }
      PairAgreement& pa = (*pairOut)[j];
      pa.spearman = s;
      pa.qwk = q;
      pa.exact = t > 0 ? std::optional<double>(e / t) : std::nullopt;
    }
  }
  const double pairCount = static_cast<double>(p.pairs.size());
  out[kSpearman] =
      spearmanDefined && pairCount > 0 ? std::optional<double>(spearmanSum / pairCount) : std::nullopt;
  out[kQwk] = qwkDefined && pairCount > 0 ? std::optional<double>(qwkSum / pairCount) : std::nullopt;
  out[kAlphaOrdinal] = krippendorffAlpha(r, AlphaLevel::Ordinal, w);
  out[kAlphaInterval] = krippendorffAlpha(r, AlphaLevel::Interval, w);
}

}  // namespace

DimensionAgreement interAnnotatorAgreement(const std::vector<std::vector<double>>& ratings,
                                           const BootstrapOptions& bootstrap) {
  Prepared p{ratings, {}, {}};
  for (size_t a = 0; a < ratings.size(); ++a) {
    for (size_t b = a + 1; b < ratings.size(); ++b) {
      p.pairs.push_back({static_cast<int>(a), static_cast<int>(b), {}, {}, {}});
      p.pairData.emplace_back(ratings[a], ratings[b]);
    }
  }
  DimensionAgreement result;
  result.pairs = p.pairs;
  std::vector<std::optional<double>> point(kMeasureCount);
  statistics(p, {}, point, &result.pairs);
  const size_t items = ratings.empty() ? 0 : ratings.front().size();
  const auto ci = bootstrapIntervals(
      items, kMeasureCount, bootstrap,
      [&p](const Weights& w, std::vector<std::optional<double>>& out) { statistics(p, w, out, nullptr); });
  result.agreementRatio = {point[kRatio], ci[kRatio]};
  result.meanSpearman = {point[kSpearman], ci[kSpearman]};
  result.alphaOrdinal = {point[kAlphaOrdinal], ci[kAlphaOrdinal]};
  result.alphaInterval = {point[kAlphaInterval], ci[kAlphaInterval]};
  result.meanQwk = {point[kQwk], ci[kQwk]};
  return result;
}

}  // namespace vs::analysis
