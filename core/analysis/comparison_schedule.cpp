#include "core/analysis/comparison_schedule.h"

#include <algorithm>
#include <map>

namespace vs::analysis {

ComparisonSchedule::ComparisonSchedule(int candidates, ScheduleMethod method)
    : n_(std::max(0, candidates)), method_(method), wins_(static_cast<size_t>(n_), 0.0) {
  if (method_ == ScheduleMethod::AllPairs) {
    // Round by distance (0-1, 1-2, ..., then 0-2, ...) so early answers touch every candidate.
    for (int d = 1; d < n_; ++d) {
      for (int i = 0; i + d < n_; ++i)
        pairs_.emplace_back(i, i + d);
    }
    return;
  }
  if (n_ > 0)
    tiers_.push_back({0});
  inserting_ = std::min(1, n_);
  startInsertion();
}

void ComparisonSchedule::startInsertion() {
  lo_ = 0;
  hi_ = static_cast<int>(tiers_.size());
}

int ComparisonSchedule::binaryInsertionWorstCase(int candidates) {
  int total = 0;
  // Inserting into t tiers takes at most ceil(log2(t + 1)) questions; t <= k - 1 for candidate k.
  for (int k = 2; k <= candidates; ++k) {
    int questions = 0;
    while ((1 << questions) < k)
      ++questions;
    total += questions;
  }
  return total;
}

std::optional<std::pair<int, int>> ComparisonSchedule::nextPair() const {
  if (method_ == ScheduleMethod::AllPairs) {
    if (asked_ >= static_cast<int>(pairs_.size()))
      return std::nullopt;
    return pairs_[static_cast<size_t>(asked_)];
  }
  if (inserting_ >= n_)
    return std::nullopt;
  const int mid = (lo_ + hi_) / 2;
  return std::make_pair(inserting_, tiers_[static_cast<size_t>(mid)].front());
}

void ComparisonSchedule::answer(Comparison outcome) {
  const auto pair = nextPair();
  if (!pair)
    return;
  ++asked_;
  if (method_ == ScheduleMethod::AllPairs) {
    const double first = outcome == Comparison::FirstBetter ? 1.0 : (outcome == Comparison::Tie ? 0.5 : 0.0);
    wins_[static_cast<size_t>(pair->first)] += first;
    wins_[static_cast<size_t>(pair->second)] += 1.0 - first;
    return;
  }
  const int mid = (lo_ + hi_) / 2;
  if (outcome == Comparison::Tie) {
    tiers_[static_cast<size_t>(mid)].push_back(inserting_);
  } else {
    if (outcome == Comparison::FirstBetter) {
      hi_ = mid;  // better than the middle tier: it goes above it
    } else {
      lo_ = mid + 1;
    }
    if (lo_ < hi_)
      return;
    tiers_.insert(tiers_.begin() + lo_, std::vector<int>{inserting_});
  }
  ++inserting_;
  startInsertion();
}

int ComparisonSchedule::remainingAtMost() const {
  if (method_ == ScheduleMethod::AllPairs)
    return static_cast<int>(pairs_.size()) - asked_;
  if (inserting_ >= n_)
    return 0;
  auto questions = [](int slots) {
    int q = 0;
    while ((1 << q) < slots)
      ++q;
    return q;
  };
  int total = questions(hi_ - lo_ + 1);
  int tiers = static_cast<int>(tiers_.size()) + 1;
  for (int k = inserting_ + 1; k < n_; ++k, ++tiers)
    total += questions(tiers + 1);
  return total;
}

std::vector<std::vector<int>> ComparisonSchedule::ranking() const {
  if (method_ == ScheduleMethod::BinaryInsertion)
    return tiers_;
  std::map<double, std::vector<int>, std::greater<>> byWins;
  for (int i = 0; i < n_; ++i)
    byWins[wins_[static_cast<size_t>(i)]].push_back(i);
  std::vector<std::vector<int>> tiers;
  for (auto& [wins, members] : byWins)
    tiers.push_back(std::move(members));
  return tiers;
}

int replay(ComparisonSchedule& schedule, const std::function<std::optional<Comparison>(int, int)>& known) {
  int used = 0;
  while (const auto pair = schedule.nextPair()) {
    const auto outcome = known(pair->first, pair->second);
    if (!outcome)
      break;
    schedule.answer(*outcome);
    ++used;
  }
  return used;
}

}  // namespace vs::analysis
