#pragma once
// Everything the Audit tab and `vscore audit PROJECT` say about people's preferences, from one
// function, so the two never disagree:
//  - the model's preference accuracy against people's pairs, with and without ties, per judged
//    dimension ("overall" compares model totals v+t+p, a dimension compares that score), by the
//    VideoScore2 rule (pairwise_accuracy.h);
//  - agreement between people on the pairs several of them judged;
//  - position bias among pairs shown in random order;
//  - Best-of-N picks against the model's pick (highest model total), with regret in places.
// The numbers themselves come from preference_audit.h.
#include <QJsonObject>
#include <QString>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/preference_audit.h"
#include "core/analysis/project_sources.h"

namespace vs::store {
class Store;
}

namespace vs::analysis {

struct DimensionPreferenceAccuracy {
  std::string dimension;  // "overall", "visual", "t2v", "phy"
  int64_t pairs = 0;      // people's pairs judged on this dimension
  ModelPreferenceAccuracy accuracy;
};

struct PreferenceReport {
  QString model;  // the score source playing "model" (empty: none)
  ScoreScale scale = ScoreScale::Integer;
  int64_t pairs = 0;
  int64_t picks = 0;
  std::vector<DimensionPreferenceAccuracy> accuracy;  // judged dimensions: overall, visual, t2v, phy
  PeopleAgreement agreement;
  PositionBias positionBias;
  PickAgreement bestOfN;

  bool empty() const { return pairs == 0 && picks == 0; }
  // The accuracy row of `dimension`, or nullptr when nobody judged it.
  const DimensionPreferenceAccuracy* accuracyOf(const std::string& dimension) const;
};

// modelScores: video name -> the model's (visual, t2v, phy); only complete scores. The scale is
// soft when any model score has a fraction (as auditScores decides).
PreferenceReport preferenceReport(const std::vector<JudgedPair>& pairs, const std::vector<PickedGroup>& picks,
                                  const std::map<std::string, std::array<double, 3>>& modelScores);

// People's Best-of-N picks with video names and prompt texts.
std::vector<PickedGroup> projectPickedGroups(const store::Store& store);
// The complete scores of `source` per video name (the first matching evaluation of a video).
std::map<std::string, std::array<double, 3>> projectModelScores(const store::Store& store,
                                                                const ScoreSource& source);

// The report of a project; `model` nullopt: the first model annotator (none: no accuracy).
PreferenceReport projectPreferenceReport(const store::Store& store, const std::optional<ScoreSource>& model);

QJsonObject preferenceReportToJson(const PreferenceReport& report);

}  // namespace vs::analysis
