#pragma once
// Which two candidates of a prompt to compare next, so that a person orders N candidates with far
// fewer than N(N-1)/2 judgements.
//
// Method: binary insertion sort driven one answer at a time. Candidates are inserted in order into
// a ranking of tiers (best first); each insertion binary-searches the tiers, asking "candidate vs
// the first member of the middle tier". A tie puts the candidate into that tier and ends its search
// at once, so ties only ever save questions. Worst case sum_{k=2..N} ceil(log2 k): 5 for N = 4,
// 21 for N = 9 (all pairs: 6 and 36); averages are printed by tests/core/analysis/
// test_comparison_schedule.cpp.
// Why not merge-insertion (Ford-Johnson), the comparison-optimal sort for small N (5 and 19)? Its
// pairing and pending-element bookkeeping assumes a strict order; with ties and with judgements
// undone and redone from the store it is much harder to resume, for 2 questions saved at N = 9.
// Here every question depends only on the answers so far, so a schedule is rebuilt from stored
// preferences by replaying them (replay()), which is also how undo works.
// AllPairs asks every pair once (agreement studies) and orders by wins (ties half a win).
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace vs::analysis {

enum class ScheduleMethod { BinaryInsertion, AllPairs };

// The answer to "first vs second?" for the pair nextPair() returned.
enum class Comparison { FirstBetter, SecondBetter, Tie };

class ComparisonSchedule {
 public:
  ComparisonSchedule(int candidates, ScheduleMethod method);

  // The pair to ask next (candidate indices; the GUI decides which is shown left), or nullopt
  // when the ranking is complete.
  std::optional<std::pair<int, int>> nextPair() const;
  void answer(Comparison outcome);  // for nextPair(); ignored when done
  bool done() const { return !nextPair(); }
  int asked() const { return asked_; }
  // Upper bound of the questions still to come (exact for AllPairs).
  int remainingAtMost() const;
  // Tiers of candidate indices, best first; tied candidates share a tier. Complete once done();
  // before that, the candidates inserted so far (BinaryInsertion) or the wins so far (AllPairs).
  std::vector<std::vector<int>> ranking() const;

  static int allPairsCount(int candidates) { return candidates * (candidates - 1) / 2; }
  static int binaryInsertionWorstCase(int candidates);

 private:
  void startInsertion();

  int n_;
  ScheduleMethod method_;
  int asked_ = 0;
  // BinaryInsertion
  std::vector<std::vector<int>> tiers_;
  int inserting_ = 0;  // candidate being inserted (n_ when done)
  int lo_ = 0, hi_ = 0;
  // AllPairs
  std::vector<std::pair<int, int>> pairs_;
  std::vector<double> wins_;
};

// Feeds `schedule` the answers already known (`known(first, second)`, e.g. from stored
// preferences) until it asks a pair nobody answered yet or is done. Returns the answers used.
int replay(ComparisonSchedule& schedule, const std::function<std::optional<Comparison>(int, int)>& known);

}  // namespace vs::analysis
