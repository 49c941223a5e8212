// Pearson, Spearman and Kendall tau-b against scipy.stats (1.10), and the weighted forms the
// bootstrap uses against explicitly duplicated observations.
#include <QTest>

#include "core/analysis/correlation.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestCorrelation : public QObject {
  Q_OBJECT
 private slots:
  void matchesScipy() {
    const QJsonArray cases =
        loadFixture(QStringLiteral("expected_stats.json")).object()["correlation"].toArray();
    QCOMPARE(cases.size(), 5);
    for (const QJsonValue& v : cases) {
      const QJsonObject c = v.toObject();
      const QString name = c["name"].toString();
      const auto x = doubles(c["x"]), y = doubles(c["y"]);
      VS_COMPARE_OPT(pearson(x, y), c["pearson"], 1e-12, name + QStringLiteral(" pearson"));
      VS_COMPARE_OPT(spearman(x, y), c["spearman"], 1e-12, name + QStringLiteral(" spearman"));
      VS_COMPARE_OPT(kendallTauB(x, y), c["kendall_tau_b"], 1e-12, name + QStringLiteral(" kendall"));
    }
  }
  void constantSideIsUndefined() {
    const std::vector<double> x{3, 3, 3, 3}, y{1, 2, 3, 4};
    QVERIFY(!pearson(x, y));
    QVERIFY(!spearman(x, y));
    QVERIFY(!kendallTauB(x, y));
    QVERIFY(!pearson(std::vector<double>{1}, std::vector<double>{2}));
    QVERIFY(!spearman(std::vector<double>{}, std::vector<double>{}));
  }
  void weightsEqualDuplicatedRows() {
    const std::vector<double> x{1.5, 2, 2, 3.25, 4, 5, 1, 3.25};
    const std::vector<double> y{1, 2, 3, 3, 5, 4, 2, 1};
    const Weights w{2, 0, 1, 3, 1, 0, 2, 1};
    std::vector<double> xd, yd;
    for (size_t i = 0; i < x.size(); ++i) {
      for (int k = 0; k < static_cast<int>(w[i]); ++k) {
        xd.push_back(x[i]);
        yd.push_back(y[i]);
      }
    }
    const WeightedPairs pairs(x, y);
    QVERIFY(std::fabs(*pearson(pairs, w) - *pearson(xd, yd)) < 1e-12);
    QVERIFY(std::fabs(*spearman(pairs, w) - *spearman(xd, yd)) < 1e-12);
    QVERIFY(std::fabs(*kendallTauB(pairs, w) - *kendallTauB(xd, yd)) < 1e-12);
    QVERIFY(std::fabs(*meanAbsoluteError(pairs, w) - *meanAbsoluteError(WeightedPairs(xd, yd))) < 1e-12);
  }
};

QTEST_GUILESS_MAIN(TestCorrelation)
#include "test_correlation.moc"
