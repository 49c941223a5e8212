// core/analysis/comparison_schedule.cpp: the schedule recovers every hidden ranking of 4 and 9
// candidates (all permutations), with ties, and the number of questions it needs.
#include <QtTest>
#include <algorithm>
#include <numeric>

#include "core/analysis/comparison_schedule.h"

using namespace vs::analysis;

namespace {

// Answers as a person with hidden quality `quality` (higher is better) would.
Comparison judge(const std::vector<int>& quality, int first, int second) {
  const int a = quality[static_cast<size_t>(first)], b = quality[static_cast<size_t>(second)];
  return a > b ? Comparison::FirstBetter : (a < b ? Comparison::SecondBetter : Comparison::Tie);
}

// Tiers by hidden quality, best first, members in index order.
std::vector<std::vector<int>> expectedTiers(const std::vector<int>& quality) {
  std::vector<int> levels = quality;
  std::sort(levels.begin(), levels.end(), std::greater<>());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  std::vector<std::vector<int>> tiers;
  for (int level : levels) {
    tiers.emplace_back();
    for (size_t i = 0; i < quality.size(); ++i) {
      if (quality[i] == level)
        tiers.back().push_back(static_cast<int>(i));
    }
  }
  return tiers;
}

std::vector<std::vector<int>> sortedTiers(std::vector<std::vector<int>> tiers) {
  for (auto& t : tiers)
    std::sort(t.begin(), t.end());
  return tiers;
}

struct Counts {
  int worst = 0;
  double average = 0;
  bool allRecovered = true;
  bool boundHeld = true;
};

Counts everyPermutation(int n, ScheduleMethod method) {
  std::vector<int> quality(static_cast<size_t>(n));
  std::iota(quality.begin(), quality.end(), 0);
  Counts c;
  long long total = 0, runs = 0;
  do {
    ComparisonSchedule s(n, method);
    const int bound = s.remainingAtMost();
    while (const auto p = s.nextPair())
      s.answer(judge(quality, p->first, p->second));
    c.boundHeld = c.boundHeld && s.asked() <= bound;
    c.allRecovered = c.allRecovered && sortedTiers(s.ranking()) == expectedTiers(quality);
    c.worst = std::max(c.worst, s.asked());
    total += s.asked();
    ++runs;
  } while (std::next_permutation(quality.begin(), quality.end()));
  c.average = static_cast<double>(total) / static_cast<double>(runs);
  return c;
}

}  // namespace

class TestComparisonSchedule : public QObject {
  Q_OBJECT
 private slots:
  void binaryInsertionOrdersEveryPermutation_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("worst");
    QTest::newRow("N=2") << 2 << 1;
    QTest::newRow("N=4") << 4 << 5;
    QTest::newRow("N=9") << 9 << 21;
  }
  void binaryInsertionOrdersEveryPermutation() {
    QFETCH(int, n);
    QFETCH(int, worst);
    const Counts c = everyPermutation(n, ScheduleMethod::BinaryInsertion);
    QVERIFY(c.allRecovered);
    QVERIFY(c.boundHeld);
    QCOMPARE(c.worst, worst);
    QCOMPARE(ComparisonSchedule::binaryInsertionWorstCase(n), worst);
    QVERIFY(c.average <= worst);
    QVERIFY(c.worst < ComparisonSchedule::allPairsCount(n) || n == 2);
    // The figures quoted for the schedule (average over all N! hidden orders).
    qInfo("binary insertion, N=%d: worst %d, average %.3f comparisons over %d! orders (all pairs: %d)", n,
          c.worst, c.average, n, ComparisonSchedule::allPairsCount(n));
  }

  void allPairsAsksEveryPairOnce() {
    const Counts c = everyPermutation(4, ScheduleMethod::AllPairs);
    QVERIFY(c.allRecovered);
    QCOMPARE(c.worst, 6);
    ComparisonSchedule s(9, ScheduleMethod::AllPairs);
    std::vector<std::pair<int, int>> seen;
    while (const auto p = s.nextPair()) {
      seen.push_back(std::minmax(p->first, p->second));
      s.answer(Comparison::Tie);
    }
    QCOMPARE(static_cast<int>(seen.size()), 36);
    std::sort(seen.begin(), seen.end());
    QVERIFY(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
    QCOMPARE(static_cast<int>(s.ranking().size()), 1);  // all tied
  }

  void tiesGroupCandidatesAndSaveQuestions() {
    // Hidden qualities with ties: {3,1,3,2,1,3,0,2,1}.
    const std::vector<int> quality{3, 1, 3, 2, 1, 3, 0, 2, 1};
    ComparisonSchedule s(9, ScheduleMethod::BinaryInsertion);
    while (const auto p = s.nextPair())
      s.answer(judge(quality, p->first, p->second));
    QCOMPARE(sortedTiers(s.ranking()), expectedTiers(quality));
    QVERIFY(s.asked() <= 21);
    // Everything tied: one question per candidate after the first.
    ComparisonSchedule same(9, ScheduleMethod::BinaryInsertion);
    while (same.nextPair())
      same.answer(Comparison::Tie);
    QCOMPARE(same.asked(), 8);
    QCOMPARE(same.ranking().size(), size_t{1});
  }

  void replayResumesFromKnownAnswers() {
    const std::vector<int> quality{2, 0, 3, 1};
    std::vector<std::pair<int, int>> answered;
    ComparisonSchedule first(4, ScheduleMethod::BinaryInsertion);
    for (int i = 0; i < 3; ++i) {
      const auto p = *first.nextPair();
      answered.push_back(p);
      first.answer(judge(quality, p.first, p.second));
    }
    // A new schedule fed the stored answers asks exactly where the first one stopped.
    ComparisonSchedule again(4, ScheduleMethod::BinaryInsertion);
    const int used = replay(again, [&](int a, int b) -> std::optional<Comparison> {
      for (const auto& p : answered) {
        if (p == std::make_pair(a, b))
          return judge(quality, a, b);
      }
      return std::nullopt;
    });
    QCOMPARE(used, 3);
    QCOMPARE(again.nextPair(), first.nextPair());
    QCOMPARE(again.ranking(), first.ranking());
  }

  void degenerateSizes() {
    for (int n : {0, 1}) {
      ComparisonSchedule s(n, ScheduleMethod::BinaryInsertion);
      QVERIFY(s.done());
      QCOMPARE(static_cast<int>(s.ranking().size()), n);
      QVERIFY(ComparisonSchedule(n, ScheduleMethod::AllPairs).done());
    }
  }
};

QTEST_GUILESS_MAIN(TestComparisonSchedule)
#include "test_comparison_schedule.moc"
