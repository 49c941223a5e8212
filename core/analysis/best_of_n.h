#pragma once
// Best-of-N selection: per prompt, the candidate the evaluator would keep (highest weighted model
// score) against the one(s) people rate best. Reports top-1 agreement, regret in human score
// points, and the agreement a random pick would reach.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vs::analysis {

struct Candidate {
  std::string group;      // prompt
  std::string generator;  // who made the video (informational)
  std::string name;       // video name
  std::array<double, 3> model{};
  std::array<double, 3> human{};
};

struct BestOfNOptions {
  // Score of a candidate = sum of weight * score per dimension; {1,1,1} is the total, soft model
  // scores select by soft total.
  std::array<double, 3> weights{1.0, 1.0, 1.0};
};

struct BestOfNGroup {
  std::string group;
  size_t candidates = 0;
  size_t modelPick = 0;           // index into the input; first of equal best model scores
  std::vector<size_t> humanBest;  // indices with the best human score (ties kept)
  bool agrees = false;            // modelPick is among humanBest
  double regret = 0;              // best human score - human score of modelPick
};

struct BestOfNResult {
  int64_t groups = 0;                     // prompts with at least two candidates
  std::optional<double> top1Agreement;    // fraction of groups
  std::optional<double> chanceAgreement;  // mean of |humanBest| / candidates
  std::optional<double> meanRegret;       // human score points
  std::vector<BestOfNGroup> details;      // in order of first appearance
};

BestOfNResult bestOfN(const std::vector<Candidate>& candidates, const BestOfNOptions& options = {});

}  // namespace vs::analysis
