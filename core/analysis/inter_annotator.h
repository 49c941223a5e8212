#pragma once
// Agreement between annotators on the items all of them scored (data/cal_iaa.py): the share of
// items where every annotator gave the same score and the mean of the pairwise Spearman
// correlations, plus Krippendorff's alpha and the mean pairwise quadratic-weighted kappa.
#include <optional>
#include <vector>

#include "core/analysis/bootstrap.h"

namespace vs::analysis {

struct PairAgreement {
  int a = 0;  // annotator indices
  int b = 0;
  std::optional<double> exact;     // fraction with equal scores
  std::optional<double> spearman;  // coefficient (-1..1)
  std::optional<double> qwk;
};

struct MeasureWithCi {
  std::optional<double> value;
  std::optional<Interval> ci;
};

struct DimensionAgreement {
  // cal_iaa.py prints these as fractions with 4 decimals; kept unrounded here.
  MeasureWithCi agreementRatio;  // all annotators equal
  MeasureWithCi meanSpearman;    // mean of pairwise Spearman (null if any pair is undefined)
  MeasureWithCi alphaOrdinal;
  MeasureWithCi alphaInterval;
  MeasureWithCi meanQwk;
  std::vector<PairAgreement> pairs;
};

// ratings[annotator][item]: complete (items shared by all), at least two annotators.
DimensionAgreement interAnnotatorAgreement(const std::vector<std::vector<double>>& ratings,
                                           const BootstrapOptions& bootstrap = {0});

}  // namespace vs::analysis
