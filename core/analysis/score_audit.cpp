#include "core/analysis/score_audit.h"

#include <algorithm>
#include <cmath>

#include "core/analysis/agreement_coefficients.h"
#include "core/analysis/correlation.h"
#include "core/analysis/rounding.h"

namespace vs::analysis {

const char* metricKey(Metric m) {
  switch (m) {
    case Metric::Accuracy:
      return "accuracy";
    case Metric::RelaxedAccuracy:
      return "relaxed_accuracy";
    case Metric::Srcc:
      return "srcc";
    case Metric::Plcc:
      return "plcc";
    case Metric::KendallTauB:
      return "kendall_tau_b";
    case Metric::Mae:
      return "mae";
    case Metric::Qwk:
      return "qwk";
    case Metric::AlphaOrdinal:
      return "alpha_ordinal";
    case Metric::AlphaInterval:
      return "alpha_interval";
  }
  return "";
}

const char* metricTitle(Metric m) {
  switch (m) {
    case Metric::Accuracy:
      return "Accuracy";
    case Metric::RelaxedAccuracy:
      return "Relaxed accuracy (\u00b11)";
    case Metric::Srcc:
      return "SRCC";
    case Metric::Plcc:
      return "PLCC";
    case Metric::KendallTauB:
      return "Kendall \u03c4-b";
    case Metric::Mae:
      return "MAE";
    case Metric::Qwk:
      return "Quadratic-weighted \u03ba";
    case Metric::AlphaOrdinal:
      return "Krippendorff \u03b1 (ordinal)";
    case Metric::AlphaInterval:
      return "Krippendorff \u03b1 (interval)";
  }
  return "";
}

namespace {

// One dimension's columns after dropping null rows.
struct Columns {
  std::vector<double> raw;                         // predicted, as given
  std::vector<double> mapped;                      // predicted, integer rule of the scale
  std::vector<double> reference;                   // human
  std::vector<std::vector<double>> mappedRatings;  // {mapped, reference} for alpha (ordinal)
  std::vector<std::vector<double>> rawRatings;     // {raw, reference} for alpha (interval)
  WeightedPairs pairs;
  std::vector<bool> exact;  // mapped == reference
  std::vector<bool> near;   // |mapped - reference| <= 1
  Columns(std::vector<double> r, std::vector<double> m, std::vector<double> ref)
      : raw(std::move(r)),
        mapped(std::move(m)),
        reference(std::move(ref)),
        mappedRatings{mapped, reference},
        rawRatings{raw, reference},
        pairs(raw, reference) {
    for (size_t i = 0; i < raw.size(); ++i) {
      exact.push_back(mapped[i] == reference[i]);
      near.push_back(std::fabs(mapped[i] - reference[i]) <= 1.0);
    }
  }
};

double share(const std::vector<bool>& hit, const Weights& w) {
  double total = 0, good = 0;
  for (size_t i = 0; i < hit.size(); ++i) {
    const double wi = weightOf(w, i);
    total += wi;
    good += hit[i] ? wi : 0.0;
  }
  // _compute_accuracy returns 0.0 for an empty prediction list.
  return total > 0 ? good / total : 0.0;
}

// Unrounded statistics of one dimension, in Metric order (fractions, not percentages).
void dimensionStatistics(const Columns& c, const Weights& w, std::optional<double>* out) {
  out[static_cast<int>(Metric::Accuracy)] = share(c.exact, w);
  out[static_cast<int>(Metric::RelaxedAccuracy)] = share(c.near, w);
  out[static_cast<int>(Metric::Srcc)] = spearman(c.pairs, w);
  out[static_cast<int>(Metric::Plcc)] = pearson(c.pairs, w);
  out[static_cast<int>(Metric::KendallTauB)] = kendallTauB(c.pairs, w);
  out[static_cast<int>(Metric::Mae)] = meanAbsoluteError(c.pairs, w);
  out[static_cast<int>(Metric::Qwk)] = quadraticWeightedKappa(c.mapped, c.reference, w);
  out[static_cast<int>(Metric::AlphaOrdinal)] = krippendorffAlpha(c.mappedRatings, AlphaLevel::Ordinal, w);
  out[static_cast<int>(Metric::AlphaInterval)] = krippendorffAlpha(c.rawRatings, AlphaLevel::Interval, w);
}

std::optional<double> report(Metric m, std::optional<double> v) {
  return m == Metric::Mae ? round3(v) : percent3(v);
}

std::optional<Interval> reportInterval(Metric m, const std::optional<Interval>& ci) {
  if (!ci) {
    return std::nullopt;
  }
  return Interval{*report(m, ci->low), *report(m, ci->high)};
}

bool hasFraction(double v) {
  return std::isfinite(v) && v != std::floor(v);
}

}  // namespace

int referenceCell(double reference) {
  return static_cast<int>(std::lround(std::clamp(reference, 0.0, 10.0)));
}

int predictedCell(double predicted, ScoreScale scale) {
  return referenceCell(scale == ScoreScale::Soft ? referenceInteger(predicted) : predicted);
}

AuditResult auditScores(const std::vector<AuditRow>& rows, const AuditOptions& options) {
  AuditResult result;
  std::vector<const AuditRow*> kept;
  bool anyFraction = false;
  for (const AuditRow& row : rows) {
    // _remove_null_scores: a null in any dimension drops the whole item.
    if (!row.predicted[0] || !row.predicted[1] || !row.predicted[2]) {
      ++result.dropped;
      continue;
    }
    kept.push_back(&row);
    for (const auto& p : row.predicted) {
      anyFraction = anyFraction || hasFraction(*p);
    }
  }
  result.n = static_cast<int64_t>(kept.size());
  result.scale = options.scale.value_or(anyFraction ? ScoreScale::Soft : ScoreScale::Integer);

  std::vector<Columns> columns;
  columns.reserve(3);
  for (size_t d = 0; d < 3; ++d) {
    std::vector<double> raw, mapped, reference;
    for (const AuditRow* row : kept) {
      const double p = *row->predicted[d];
      raw.push_back(p);
      mapped.push_back(result.scale == ScoreScale::Soft ? referenceInteger(p) : p);
      reference.push_back(row->reference[d]);
    }
    columns.emplace_back(std::move(raw), std::move(mapped), std::move(reference));
  }

  const size_t n = kept.size();
  std::vector<bool> allExact(n);
  for (size_t i = 0; i < n; ++i) {
    allExact[i] = columns[0].exact[i] && columns[1].exact[i] && columns[2].exact[i];
  }
  auto wholeItem = [&allExact](const Weights& w) { return share(allExact, w); };
  constexpr size_t kPerDim = kMetricCount;
  auto statistics = [&](const Weights& w, std::vector<std::optional<double>>& out) {
    for (size_t d = 0; d < 3; ++d) {
      dimensionStatistics(columns[d], w, out.data() + d * kPerDim);
    }
    out[3 * kPerDim] = wholeItem(w);
  };

  std::vector<std::optional<double>> point(3 * kPerDim + 1);
  statistics({}, point);
  const auto intervals = bootstrapIntervals(n, point.size(), options.bootstrap, statistics);

  for (size_t d = 0; d < 3; ++d) {
    DimensionAudit& dim = result.dimensions[d];
    for (Metric m : kMetrics) {
      const size_t j = d * kPerDim + static_cast<size_t>(m);
      dim.metrics[static_cast<size_t>(m)] = {report(m, point[j]), reportInterval(m, intervals[j])};
    }
    // Charts only (referenceCell, predictedCell).
    std::vector<int> ref, pred;
    for (size_t i = 0; i < n; ++i) {
      ref.push_back(referenceCell(columns[d].reference[i]));
      pred.push_back(predictedCell(columns[d].raw[i], result.scale));
    }
    dim.confusion = ConfusionMatrix::build(ref, pred);
    dim.referenceHistogram = histogram(ref);
    dim.predictedHistogram = histogram(pred);
  }
  for (Metric m : kMetrics) {
    const size_t k = static_cast<size_t>(m);
    const auto& a = result.dimensions[0].metrics[k].value;
    const auto& b = result.dimensions[1].metrics[k].value;
    const auto& c = result.dimensions[2].metrics[k].value;
    if (a && b && c) {
      result.average[k] = roundDecimals((*a + *b + *c) / 3.0, 3);
    }
  }
  result.wholeItemAccuracy = {percent3(point[3 * kPerDim]),
                              reportInterval(Metric::Accuracy, intervals[3 * kPerDim])};
  return result;
}

}  // namespace vs::analysis
