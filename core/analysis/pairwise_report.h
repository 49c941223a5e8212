#pragma once
// What `vscore pairwise` reports (eval/get_pairwise_acc.py): each video's score from a prediction
// file (v + t + p of the model scores for GenAI-Bench and VisionRewardDB, their mean for
// MJ-Bench-Video, one dimension for VideoGen-RewardBench VQ/TA) compared on labelled pairs, a
// JSON list of {"left": name, "right": name, "preference": "left"|"right"|"tie"}.
#include <QJsonObject>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "core/analysis/pairwise_accuracy.h"

namespace vs::analysis {

// The spellings get_pairwise_acc.py reads (GenAI-Bench, VisionRewardDB, VideoGen-RewardBench).
std::optional<Preference> preferenceFromText(const QString& text);

// "visual", "t2v", "phy", "total" or "mean"; -1 for anything else.
int pairScoreKind(const QString& name);

struct PairScores {
  std::map<QString, double> byVideo;  // items with all three model scores
  bool soft = false;                  // a score has a fraction
};
// Throws Error Io when the file is missing, InvalidData when it is malformed.
PairScores readPairScores(const QString& path, int kind);

struct ScoredPairs {
  std::vector<ScoredPair> pairs;
  int64_t missing = 0;  // pairs whose videos have no scores (the script skips them)
};
// Throws Error Io when the file cannot be read, InvalidData when a pair is malformed.
ScoredPairs readScoredPairs(const QString& path, const PairScores& scores);

QString pairwiseText(const PairwiseResult& result, TieHandling ties, double threshold, int64_t missing);
QJsonObject pairwiseJson(const PairwiseResult& result, TieHandling ties, double threshold, int64_t missing,
                         const QString& score);

}  // namespace vs::analysis
