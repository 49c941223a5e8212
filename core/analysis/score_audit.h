#pragma once
// Audit of predicted scores against reference (human) scores, three dimensions, with the
// VideoScore2 evaluation rules (eval/get_acc_corr.py; reference videoscore2.md §6) and extra
// statistics. Values are reported the way the scripts report them: percentages x100 rounded to 3
// decimals (MAE in score units, rounded to 3); nullopt where a statistic is undefined.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/bootstrap.h"
#include "core/analysis/confusion_matrix.h"

namespace vs::analysis {

// Which reference method's rules apply (get_acc_corr.py `method_name`).
enum class ScoreScale {
  Integer,  // "vs2": hard scores, compared as they are
  Soft,     // "vs2_float": for accuracies, int(min(5, max(1, round(x)))) first
};

struct AuditRow {
  std::array<double, 3> reference{};                 // human ("gt"), indexed by Dimension
  std::array<std::optional<double>, 3> predicted{};  // model; a null anywhere drops the row
};

struct AuditOptions {
  std::optional<ScoreScale> scale;  // nullopt: Soft when any predicted score has a fraction
  BootstrapOptions bootstrap{0};    // resamples 0: no intervals
};

enum class Metric {
  Accuracy,         // % model == human (after the integer mapping)
  RelaxedAccuracy,  // % |model - human| <= 1
  Srcc,             // Spearman x100 on raw scores
  Plcc,             // Pearson x100 on raw scores
  KendallTauB,      // x100 on raw scores
  Mae,              // mean |raw model - human|, score units
  Qwk,              // quadratic-weighted Cohen's kappa x100 on the integer scores
  AlphaOrdinal,     // Krippendorff's alpha x100, ordinal, integer scores
  AlphaInterval,    // Krippendorff's alpha x100, interval, raw scores
};
inline constexpr int kMetricCount = 9;
const char* metricKey(Metric m);    // "accuracy", "relaxed_accuracy", "srcc", ...
const char* metricTitle(Metric m);  // "Accuracy", "Relaxed accuracy (±1)", ...
inline constexpr std::array<Metric, kMetricCount> kMetrics{
    Metric::Accuracy, Metric::RelaxedAccuracy, Metric::Srcc,
    Metric::Plcc,     Metric::KendallTauB,     Metric::Mae,
    Metric::Qwk,      Metric::AlphaOrdinal,    Metric::AlphaInterval};

struct MetricValue {
  std::optional<double> value;  // as reported (rounded)
  std::optional<Interval> ci;   // bootstrap interval, same units and rounding
};

struct DimensionAudit {
  std::array<MetricValue, kMetricCount> metrics;
  ConfusionMatrix confusion;  // reference rows x predicted columns, integer scores
  ScoreHistogram referenceHistogram;
  ScoreHistogram predictedHistogram;  // integer-mapped
  const MetricValue& operator[](Metric m) const { return metrics[static_cast<size_t>(m)]; }
};

struct AuditResult {
  int64_t n = 0;        // rows used
  int64_t dropped = 0;  // rows with a null predicted score
  ScoreScale scale = ScoreScale::Integer;
  std::array<DimensionAudit, 3> dimensions;
  // Mean of the three dimensions' reported values, rounded to 3 (null if any is null).
  std::array<std::optional<double>, kMetricCount> average{};
  MetricValue wholeItemAccuracy;  // % items with all three dimensions exact
};

AuditResult auditScores(const std::vector<AuditRow>& rows, const AuditOptions& options = {});

// Where a score is counted in the confusion matrices and histograms: a predicted score after the
// scale's integer rule, then (both sides) the nearest of 0..10, so an out-of-scale score from a
// file lands in the nearest cell instead of stretching the matrix.
int referenceCell(double reference);
int predictedCell(double predicted, ScoreScale scale);

}  // namespace vs::analysis
