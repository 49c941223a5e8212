#include "core/analysis/leaderboard.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vs::analysis {

std::vector<std::optional<double>> bradleyTerry(const std::vector<std::vector<double>>& wins,
                                                const std::vector<std::vector<bool>>& met) {
  const size_t k = wins.size();
  std::vector<std::vector<double>> games(k, std::vector<double>(k, 0.0));
  std::vector<double> won(k, 0.0);
  std::vector<bool> active(k, false);
  for (size_t i = 0; i < k; ++i) {
    for (size_t j = 0; j < k; ++j) {
      if (i == j || !met[i][j]) {
        continue;
      }
      games[i][j] = wins[i][j] + wins[j][i] + 1.0;  // + the virtual tie
      won[i] += wins[i][j] + 0.5;
      active[i] = true;
    }
  }
  std::vector<double> logP(k, 0.0), next(k, 0.0);
  for (int iteration = 0; iteration < 100000; ++iteration) {
    double change = 0;
    for (size_t i = 0; i < k; ++i) {
      if (!active[i]) {
        continue;
      }
      double denominator = 0;
      for (size_t j = 0; j < k; ++j) {
        if (games[i][j] > 0) {
          denominator += games[i][j] / (std::exp(logP[i]) + std::exp(logP[j]));
        }
      }
      next[i] = std::log(won[i] / denominator);
    }
    double mean = 0, count = 0;
    for (size_t i = 0; i < k; ++i) {
      if (active[i]) {
        mean += next[i];
        count += 1;
      }
    }
    mean = count > 0 ? mean / count : 0;
    for (size_t i = 0; i < k; ++i) {
      if (active[i]) {
        next[i] -= mean;
        change = std::max(change, std::fabs(next[i] - logP[i]));
        logP[i] = next[i];
      }
    }
    if (change < 1e-13) {
      break;
    }
  }
  std::vector<std::optional<double>> result(k);
  for (size_t i = 0; i < k; ++i) {
    if (active[i]) {
      result[i] = logP[i];
    }
  }
  return result;
}

namespace {

struct Outcome {
  size_t a = 0;
  size_t b = 0;
  double winA = 0;  // 1, 0 or 0.5 (tie)
};

}  // namespace

std::vector<LeaderboardEntry> generatorLeaderboard(const std::vector<GeneratorSample>& samples,
                                                   const BootstrapOptions& bootstrap) {
  std::map<std::string, size_t> generatorIndex;
  for (const auto& s : samples) {
    generatorIndex.emplace(s.generator, 0);
  }
  std::vector<LeaderboardEntry> entries;
  for (auto& [name, index] : generatorIndex) {
    index = entries.size();
    entries.push_back({});
    entries.back().generator = name;
  }
  const size_t k = entries.size();
  std::map<std::string, size_t> groupIndex;
  std::vector<std::vector<const GeneratorSample*>> groups;
  for (const auto& s : samples) {
    auto [it, inserted] = groupIndex.try_emplace(s.group, groups.size());
    if (inserted) {
      groups.emplace_back();
    }
    groups[it->second].push_back(&s);
  }
  // Pairwise outcomes per prompt between videos of different generators.
  std::vector<std::vector<Outcome>> outcomes(groups.size());
  std::vector<std::vector<bool>> met(k, std::vector<bool>(k, false));
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto& members = groups[g];
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const size_t a = generatorIndex[members[x]->generator];
        const size_t b = generatorIndex[members[y]->generator];
        if (a == b) {
          continue;
        }
        const double sa = members[x]->score, sb = members[y]->score;
        outcomes[g].push_back({a, b, sa > sb ? 1.0 : (sa < sb ? 0.0 : 0.5)});
        met[a][b] = met[b][a] = true;
      }
    }
  }
  // Statistics under group multiplicities: k means, then k strengths.
  auto statistics = [&](const Weights& w, std::vector<std::optional<double>>& out) {
    std::vector<double> sum(k, 0.0), count(k, 0.0);
    std::vector<std::vector<double>> wins(k, std::vector<double>(k, 0.0));
    for (size_t g = 0; g < groups.size(); ++g) {
      const double wg = weightOf(w, g);
      if (wg <= 0) {
        continue;
      }
      for (const GeneratorSample* s : groups[g]) {
        const size_t i = generatorIndex[s->generator];
        sum[i] += wg * s->score;
        count[i] += wg;
      }
      for (const Outcome& o : outcomes[g]) {
        wins[o.a][o.b] += wg * o.winA;
        wins[o.b][o.a] += wg * (1.0 - o.winA);
      }
    }
    const auto strength = bradleyTerry(wins, met);
    for (size_t i = 0; i < k; ++i) {
      out[i] = count[i] > 0 ? std::optional<double>(sum[i] / count[i]) : std::nullopt;
      out[k + i] = strength[i];
    }
  };
  std::vector<std::optional<double>> point(2 * k);
  statistics({}, point);
  const auto ci = bootstrapIntervals(groups.size(), 2 * k, bootstrap, statistics);
  for (const auto& s : samples) {
    ++entries[generatorIndex[s.generator]].videos;
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const Outcome& o : outcomes[g]) {
      if (o.winA == 0.5) {
        entries[o.a].ties += 1;
        entries[o.b].ties += 1;
      } else {
        entries[o.a].wins += o.winA;
        entries[o.a].losses += 1.0 - o.winA;
        entries[o.b].wins += 1.0 - o.winA;
        entries[o.b].losses += o.winA;
      }
    }
  }
  for (size_t i = 0; i < k; ++i) {
    entries[i].meanScore = point[i].value_or(0.0);
    entries[i].meanCi = ci[i];
    entries[i].strength = point[k + i];
    entries[i].strengthCi = ci[k + i];
  }
  std::stable_sort(entries.begin(), entries.end(), [](const LeaderboardEntry& a, const LeaderboardEntry& b) {
    const double sa = a.strength.value_or(-1e300), sb = b.strength.value_or(-1e300);
    if (sa != sb) {
      return sa > sb;
    }
    return a.meanScore > b.meanScore;
  });
  return entries;
}

}  // namespace vs::analysis
