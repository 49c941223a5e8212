// The seeded resampler and numpy's linear percentile.
#include <QTest>

#include "core/analysis/bootstrap.h"

using namespace vs::analysis;

class TestBootstrap : public QObject {
  Q_OBJECT
 private slots:
  void splitMixKnownSequence() {
    // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
    SplitMix64 rng(0);
    QCOMPARE(rng.next(), 0xE220A8397B1DCDAFULL);
    QCOMPARE(rng.next(), 0x6E789E6AA1B965F4ULL);
    QCOMPARE(rng.next(), 0x06C45D188009454FULL);
  }
  void resampleDrawsNItems() {
    SplitMix64 rng(42);
    const Weights w = drawResample(rng, 17);
    double total = 0;
    for (double x : w) {
      total += x;
    }
    QCOMPARE(total, 17.0);
  }
  void percentileLikeNumpy() {
    // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) -> 1.075, 3.925; [5] -> 5
    QVERIFY(std::fabs(percentileLinear({4, 1, 3, 2}, 2.5) - 1.075) < 1e-15);
    QVERIFY(std::fabs(percentileLinear({4, 1, 3, 2}, 97.5) - 3.925) < 1e-15);
    QCOMPARE(percentileLinear({5}, 97.5), 5.0);
  }
  void undefinedReplicatesAreLeftOut() {
    const auto ci = percentileInterval({std::nullopt, 1.0, std::nullopt, 3.0}, 0.5);
    QVERIFY(ci);
    QCOMPARE(ci->low, 1.5);
    QCOMPARE(ci->high, 2.5);
    QVERIFY(!percentileInterval({std::nullopt}, 0.95));
  }
  void noResamplesNoIntervals() {
    BootstrapOptions o;
    o.resamples = 0;
    const auto ci = bootstrapIntervals(
        10, 2, o, [](const Weights&, std::vector<std::optional<double>>& out) { out[0] = 1.0; });
    QCOMPARE(ci.size(), size_t{2});
    QVERIFY(!ci[0] && !ci[1]);
  }
};

QTEST_GUILESS_MAIN(TestBootstrap)
#include "test_bootstrap.moc"
