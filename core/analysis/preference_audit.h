#pragma once
// What people's preferences say, and how the model agrees with them:
//  - the model's preference accuracy against people's pairs, with and without ties, by the
//    VideoScore2 rule (pairwise_accuracy.h: compare the two videos' model totals);
//  - agreement between people on the pairs several of them judged;
//  - position bias: the share of "left" among decided pairs shown in random order;
//  - a Bradley-Terry leaderboard of generators from the pairs (bootstrap over prompts), strengths
//    normalised to sum to 1;
//  - Best-of-N picks against the model's pick (highest model total).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/bootstrap.h"
#include "core/analysis/pairwise_accuracy.h"

namespace vs::analysis {

struct JudgedPair {
  std::string annotator;
  std::string prompt;
  std::string dimension;    // "overall", "visual", "t2v", "phy"
  std::string left, right;  // video names, as shown
  std::string leftGenerator, rightGenerator;
  Preference choice = Preference::Tie;
  bool randomised = false;  // the left/right order was drawn at random
};

struct PositionBias {
  int64_t randomised = 0;  // pairs shown in random order
  int64_t left = 0, right = 0, ties = 0;
  std::optional<double> leftShare;      // left / (left + right); 0.5 = no bias
  std::optional<Interval> leftShareCi;  // Wilson 95 %
};
PositionBias positionBias(const std::vector<JudgedPair>& pairs);

struct PeopleAgreement {
  int64_t sharedPairs = 0;          // (prompt, unordered pair, dimension) judged by two or more people
  int64_t judgePairs = 0;           // pairs of people on those
  std::optional<double> agreement;  // fraction of judge pairs with the same verdict (ties count)
  int64_t decidedJudgePairs = 0;    // judge pairs where neither said tie
  std::optional<double> agreementWithoutTies;
};
PeopleAgreement preferenceAgreement(const std::vector<JudgedPair>& pairs);

struct ModelPreferenceAccuracy {
  PairwiseResult withTies;
  PairwiseResult withoutTies;
  double threshold = 0.5;
  int64_t missing = 0;  // pairs with a video the model has no total for
};
// modelTotal: video name -> model score compared (total v+t+p, or the dimension's score).
ModelPreferenceAccuracy modelPreferenceAccuracy(const std::vector<JudgedPair>& pairs,
                                                const std::map<std::string, double>& modelTotal,
                                                ScoreScale scale);

struct PreferenceLeaderboardEntry {
  std::string generator;
  int64_t comparisons = 0;
  double wins = 0, losses = 0, ties = 0;
  std::optional<double> strength;  // exp(BT log-strength), normalised to sum 1 over rated generators
  std::optional<Interval> strengthCi;
  std::optional<double> logStrength;  // bradleyTerry()'s centred log-strength
};
// Pairs between videos of the same generator are left out. Sorted by strength, best first.
std::vector<PreferenceLeaderboardEntry> preferenceLeaderboard(const std::vector<JudgedPair>& pairs,
                                                              const BootstrapOptions& bootstrap = {0});

struct PickedGroup {
  std::string prompt;
  std::vector<std::string> candidates;  // video names shown
  std::string best;
  std::optional<std::string> worst;
};

struct PickAgreement {
  int64_t picks = 0;                      // picks whose candidates all have model totals
  std::optional<double> agreement;        // model's pick == people's best
  std::optional<double> chanceAgreement;  // mean 1 / candidates
  // Regret in places: mean (position of the people's best in the model's order - 1); 0 when the
  // model always picks it.
  std::optional<double> meanRankRegret;
  std::optional<double> modelPicksWorst;  // among picks with a worst: model's pick == people's worst
};
PickAgreement bestOfNPickAgreement(const std::vector<PickedGroup>& picks,
                                   const std::map<std::string, double>& modelTotal);

}  // namespace vs::analysis
