#include "core/analysis/best_of_n.h"

#include <map>

namespace vs::analysis {

BestOfNResult bestOfN(const std::vector<Candidate>& candidates, const BestOfNOptions& options) {
  auto weighted = [&options](const std::array<double, 3>& s) {
    return options.weights[0] * s[0] + options.weights[1] * s[1] + options.weights[2] * s[2];
  };
  std::vector<std::string> order;
  std::map<std::string, std::vector<size_t>> members;
  for (size_t i = 0; i < candidates.size(); ++i) {
    auto [it, inserted] = members.try_emplace(candidates[i].group);
    if (inserted) {
      order.push_back(candidates[i].group);
    }
    it->second.push_back(i);
  }
  BestOfNResult result;
  double agree = 0, chance = 0, regret = 0;
  for (const std::string& group : order) {
    const std::vector<size_t>& idx = members[group];
    if (idx.size() < 2) {
      continue;
    }
    BestOfNGroup g;
    g.group = group;
    g.candidates = idx.size();
    g.modelPick = idx.front();
    double bestHuman = weighted(candidates[idx.front()].human);
    for (size_t i : idx) {
      if (weighted(candidates[i].model) > weighted(candidates[g.modelPick].model)) {
        g.modelPick = i;
      }
      bestHuman = std::max(bestHuman, weighted(candidates[i].human));
    }
    for (size_t i : idx) {
      if (weighted(candidates[i].human) == bestHuman) {
        g.humanBest.push_back(i);
        g.agrees = g.agrees || i == g.modelPick;
      }
    }
    g.regret = bestHuman - weighted(candidates[g.modelPick].human);
    agree += g.agrees ? 1.0 : 0.0;
    chance += static_cast<double>(g.humanBest.size()) / static_cast<double>(g.candidates);
    regret += g.regret;
    result.details.push_back(std::move(g));
  }
  result.groups = static_cast<int64_t>(result.details.size());
  if (result.groups > 0) {
    const double n = static_cast<double>(result.groups);
    result.top1Agreement = agree / n;
    result.chanceAgreement = chance / n;
    result.meanRegret = regret / n;
  }
  return result;
}

}  // namespace vs::analysis
