#include "core/analysis/preference_audit.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/analysis/leaderboard.h"

namespace vs::analysis {
namespace {

Preference flipped(Preference p) {
  return p == Preference::Left ? Preference::Right
                               : (p == Preference::Right ? Preference::Left : Preference::Tie);
}

}  // namespace

PositionBias positionBias(const std::vector<JudgedPair>& pairs) {
  PositionBias b;
  for (const JudgedPair& p : pairs) {
    if (!p.randomised)
      continue;
    ++b.randomised;
    ++(p.choice == Preference::Left ? b.left : (p.choice == Preference::Right ? b.right : b.ties));
  }
  const double n = static_cast<double>(b.left + b.right);
  if (n > 0) {
    const double phat = static_cast<double>(b.left) / n;
    b.leftShare = phat;
    const double z = 1.959963984540054, z2 = z * z;
    const double centre = (phat + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z * std::sqrt(phat * (1 - phat) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    b.leftShareCi = Interval{centre - half, centre + half};
  }
  return b;
}

PeopleAgreement preferenceAgreement(const std::vector<JudgedPair>& pairs) {
  // Verdicts per (prompt, unordered pair, dimension), seen from the lexicographically first video.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::map<std::string, Preference>>
      verdicts;
  for (const JudgedPair& p : pairs) {
    const bool inOrder = p.left < p.right;
    const auto key =
        std::make_tuple(p.prompt, inOrder ? p.left : p.right, inOrder ? p.right : p.left, p.dimension);
    verdicts[key][p.annotator] = inOrder ? p.choice : flipped(p.choice);
  }
  PeopleAgreement a;
  int64_t same = 0, decidedSame = 0;
  for (const auto& [key, byAnnotator] : verdicts) {
    if (byAnnotator.size() < 2)
      continue;
    ++a.sharedPairs;
    for (auto i = byAnnotator.begin(); i != byAnnotator.end(); ++i) {
      for (auto j = std::next(i); j != byAnnotator.end(); ++j) {
        ++a.judgePairs;
        same += i->second == j->second ? 1 : 0;
        if (i->second != Preference::Tie && j->second != Preference::Tie) {
          ++a.decidedJudgePairs;
          decidedSame += i->second == j->second ? 1 : 0;
        }
      }
    }
  }
  if (a.judgePairs > 0)
    a.agreement = static_cast<double>(same) / static_cast<double>(a.judgePairs);
  if (a.decidedJudgePairs > 0) {
    a.agreementWithoutTies = static_cast<double>(decidedSame) / static_cast<double>(a.decidedJudgePairs);
  }
  return a;
}

ModelPreferenceAccuracy modelPreferenceAccuracy(const std::vector<JudgedPair>& pairs,
                                                const std::map<std::string, double>& modelTotal,
                                                ScoreScale scale) {
  ModelPreferenceAccuracy r;
  r.threshold = referenceTieThreshold(scale);
  std::vector<ScoredPair> scored;
  for (const JudgedPair& p : pairs) {
    const auto l = modelTotal.find(p.left), rt = modelTotal.find(p.right);
    if (l == modelTotal.end() || rt == modelTotal.end()) {
      ++r.missing;
      continue;
    }
    scored.push_back({l->second, rt->second, p.choice});
  }
  r.withTies = pairwiseAccuracy(scored, TieHandling::Included, r.threshold);
  r.withoutTies = pairwiseAccuracy(scored, TieHandling::Excluded, r.threshold);
  return r;
}

std::vector<PreferenceLeaderboardEntry> preferenceLeaderboard(const std::vector<JudgedPair>& pairs,
                                                              const BootstrapOptions& bootstrap) {
  std::map<std::string, size_t> generatorIndex;
  std::map<std::string, size_t> promptIndex;
  for (const JudgedPair& p : pairs) {
    if (p.leftGenerator == p.rightGenerator)
      continue;
    generatorIndex.emplace(p.leftGenerator, 0);
    generatorIndex.emplace(p.rightGenerator, 0);
    promptIndex.emplace(p.prompt, 0);
  }
  std::vector<PreferenceLeaderboardEntry> entries;
  for (auto& [name, index] : generatorIndex) {
    index = entries.size();
    entries.push_back({});
    entries.back().generator = name;
  }
  size_t prompts = 0;
  for (auto& [name, index] : promptIndex)
    index = prompts++;
  const size_t k = entries.size();
  struct Outcome {
    size_t prompt, a, b;
    double winA;
  };
  std::vector<Outcome> outcomes;
  std::vector<std::vector<bool>> met(k, std::vector<bool>(k, false));
  for (const JudgedPair& p : pairs) {
    if (p.leftGenerator == p.rightGenerator)
      continue;
    const size_t a = generatorIndex[p.leftGenerator], b = generatorIndex[p.rightGenerator];
    const double winA = p.choice == Preference::Left ? 1.0 : (p.choice == Preference::Right ? 0.0 : 0.5);
    outcomes.push_back({promptIndex[p.prompt], a, b, winA});
    met[a][b] = met[b][a] = true;
    entries[a].comparisons += 1;
    entries[b].comparisons += 1;
    if (winA == 0.5) {
      entries[a].ties += 1;
      entries[b].ties += 1;
    } else {
      entries[a].wins += winA;
      entries[a].losses += 1 - winA;
      entries[b].wins += 1 - winA;
      entries[b].losses += winA;
    }
  }
  // Statistics under prompt multiplicities: k normalised strengths, then k log-strengths.
  auto statistics = [&](const Weights& w, std::vector<std::optional<double>>& out) {
    std::vector<std::vector<double>> wins(k, std::vector<double>(k, 0.0));
    for (const Outcome& o : outcomes) {
      const double wp = weightOf(w, o.prompt);
      if (wp <= 0)
        continue;
      wins[o.a][o.b] += wp * o.winA;
      wins[o.b][o.a] += wp * (1 - o.winA);
    }
    const auto logStrength = bradleyTerry(wins, met);  // met on the full data, as generatorLeaderboard does
    double sum = 0;
    for (const auto& s : logStrength)
      sum += s ? std::exp(*s) : 0.0;
    for (size_t i = 0; i < k; ++i) {
      out[i] = logStrength[i] && sum > 0 ? std::optional(std::exp(*logStrength[i]) / sum) : std::nullopt;
      out[k + i] = logStrength[i];
    }
  };
  std::vector<std::optional<double>> point(2 * k);
  statistics({}, point);
  const auto ci = bootstrapIntervals(prompts, 2 * k, bootstrap, statistics);
  for (size_t i = 0; i < k; ++i) {
    entries[i].strength = point[i];
    entries[i].strengthCi = ci[i];
    entries[i].logStrength = point[k + i];
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.strength.value_or(-1.0) > b.strength.value_or(-1.0);
  });
  return entries;
}

PickAgreement bestOfNPickAgreement(const std::vector<PickedGroup>& picks,
                                   const std::map<std::string, double>& modelTotal) {
  PickAgreement r;
  double agree = 0, chance = 0, regret = 0, worst = 0;
  int64_t withWorst = 0;
  for (const PickedGroup& g : picks) {
    std::vector<std::pair<double, std::string>> scored;  // model order: best first, ties by shown order
    bool complete = !g.candidates.empty();
    for (const std::string& c : g.candidates) {
      const auto it = modelTotal.find(c);
      if (it == modelTotal.end()) {
        complete = false;
        break;
      }
      scored.emplace_back(it->second, c);
    }
    if (!complete)
      continue;
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    ++r.picks;
    const std::string& modelPick = scored.front().second;
    agree += modelPick == g.best ? 1 : 0;
    chance += 1.0 / static_cast<double>(g.candidates.size());
    for (size_t i = 0; i < scored.size(); ++i) {
      if (scored[i].second == g.best)
        regret += static_cast<double>(i);
    }
    if (g.worst) {
      ++withWorst;
      worst += modelPick == *g.worst ? 1 : 0;
    }
  }
  if (r.picks > 0) {
    const double n = static_cast<double>(r.picks);
    r.agreement = agree / n;
    r.chanceAgreement = chance / n;
    r.meanRankRegret = regret / n;
  }
  if (withWorst > 0)
    r.modelPicksWorst = worst / static_cast<double>(withWorst);
  return r;
}

}  // namespace vs::analysis
