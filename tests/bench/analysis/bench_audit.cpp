// All audit metrics with bootstrap intervals on 27,168 items (the size of VideoFeedback2).
// Ours: resamples as multiplicities over presorted columns. Baseline, measured in the same run:
// the textbook way, materialising each resample and recomputing every metric from scratch.
#include <chrono>
#include <cstdio>
#include <random>

#include "core/analysis/agreement_coefficients.h"
#include "core/analysis/correlation.h"
#include "core/analysis/rounding.h"
#include "core/analysis/score_audit.h"

using namespace vs::analysis;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<AuditRow> syntheticRows(size_t n) {
  std::mt19937_64 rng(1);
  std::discrete_distribution<int> human({6, 17, 33, 30, 14});
  std::uniform_int_distribution<int> noise(-1, 1);
  std::uniform_real_distribution<double> confidence(0.45, 1.0);
  std::vector<AuditRow> rows(n);
  for (AuditRow& r : rows) {
    for (size_t d = 0; d < 3; ++d) {
      r.reference[d] = 1 + human(rng);
      const double hard = std::min(5.0, std::max(1.0, r.reference[d] + noise(rng)));
      r.predicted[d] = std::round(hard * confidence(rng) * 1e4) / 1e4;
    }
  }
  return rows;
}

double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// One resample, materialised, every metric of the three dimensions recomputed from the rows.
double naiveResample(const std::vector<AuditRow>& rows, const std::vector<size_t>& idx) {
  double sink = 0;
  for (size_t d = 0; d < 3; ++d) {
    std::vector<double> raw, mapped, ref;
    for (size_t i : idx) {
      raw.push_back(*rows[i].predicted[d]);
      mapped.push_back(referenceInteger(*rows[i].predicted[d]));
      ref.push_back(rows[i].reference[d]);
    }
    double acc = 0, relaxed = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      acc += mapped[i] == ref[i];
      relaxed += std::fabs(mapped[i] - ref[i]) <= 1;
    }
    sink += acc + relaxed + spearman(raw, ref).value_or(0) + pearson(raw, ref).value_or(0) +
            kendallTauB(raw, ref).value_or(0) + quadraticWeightedKappa(mapped, ref).value_or(0) +
            krippendorffAlpha({mapped, ref}, AlphaLevel::Ordinal).value_or(0) +
            krippendorffAlpha({raw, ref}, AlphaLevel::Interval).value_or(0);
  }
  return sink;
}

}  // namespace

int main() {
  const size_t n = 27168;
  const auto rows = syntheticRows(n);
  std::printf("bench_audit: %zu items, 3 dimensions, 9 metrics each + whole-item accuracy\n\n", n);
  std::printf("%-52s %10s %14s\n", "variant", "seconds", "ms/resample");

  auto t0 = Clock::now();
  AuditResult point = auditScores(rows, {});
  auto t1 = Clock::now();
  std::printf("%-52s %10.3f %14s\n", "point estimates only", seconds(t0, t1), "-");

  for (int resamples : {200, 1000}) {
    AuditOptions o;
    o.bootstrap.resamples = resamples;
    t0 = Clock::now();
    const AuditResult r = auditScores(rows, o);
    t1 = Clock::now();
    char label[80];
    std::snprintf(label, sizeof label, "ours: weighted resamples, B=%d", resamples);
    std::printf("%-52s %10.3f %14.2f\n", label, seconds(t0, t1), 1000.0 * seconds(t0, t1) / resamples);
    if (resamples == 1000) {
      std::printf("  (visual SRCC %.3f, 95%% CI [%.3f, %.3f])\n", *r.dimensions[0][Metric::Srcc].value,
                  r.dimensions[0][Metric::Srcc].ci->low, r.dimensions[0][Metric::Srcc].ci->high);
    }
  }

  const int naiveResamples = 20;
  std::mt19937_64 rng(2);
  std::uniform_int_distribution<size_t> pick(0, n - 1);
  double sink = 0;
  t0 = Clock::now();
  for (int b = 0; b < naiveResamples; ++b) {
    std::vector<size_t> idx(n);
    for (size_t& i : idx) {
      i = pick(rng);
    }
    sink += naiveResample(rows, idx);
  }
  t1 = Clock::now();
  const double perNaive = seconds(t0, t1) / naiveResamples;
  std::printf("%-52s %10.3f %14.2f\n", "baseline: materialised resamples, B=20", seconds(t0, t1),
              1000.0 * perNaive);
  std::printf("%-52s %10.3f %14s\n", "baseline extrapolated to B=1000", perNaive * 1000, "");
  std::printf("\n(checksum %.3f, point accuracy %.3f)\n", sink, *point.dimensions[0][Metric::Accuracy].value);
  return 0;
}
