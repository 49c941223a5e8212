#pragma once
// Generator leaderboard: mean score per generator, and Bradley-Terry strengths fitted to the
// preferences implied by scores of videos that share a prompt. Intervals come from a bootstrap
// over prompts (videos of one prompt move together).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/bootstrap.h"

namespace vs::analysis {

struct GeneratorSample {
  std::string group;  // prompt
  std::string generator;
  double score = 0;  // total (or weighted) score of one video
};

struct LeaderboardEntry {
  std::string generator;
  int64_t videos = 0;
  double meanScore = 0;
  std::optional<Interval> meanCi;
  // Bradley-Terry log-strength (natural log, centred to mean 0 over rated generators);
  // null for a generator that never shares a prompt with another.
  std::optional<double> strength;
  std::optional<Interval> strengthCi;
  double wins = 0;  // pairwise wins against other generators on the same prompt
  double losses = 0;
  double ties = 0;
};

// Sorted by strength (then mean score), best first.
std::vector<LeaderboardEntry> generatorLeaderboard(const std::vector<GeneratorSample>& samples,
                                                   const BootstrapOptions& bootstrap = {0});

// Bradley-Terry maximum likelihood by Hunter's MM iteration. wins[i][j]: (possibly fractional)
// wins of i over j. Every pair that met at least once also gets one virtual tie (half a win each
// way) so a generator that never wins keeps a finite strength. Returns centred log-strengths;
// nullopt for generators with no comparisons.
std::vector<std::optional<double>> bradleyTerry(const std::vector<std::vector<double>>& wins,
                                                const std::vector<std::vector<bool>>& met);

}  // namespace vs::analysis
