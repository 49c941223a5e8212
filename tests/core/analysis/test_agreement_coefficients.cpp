// Krippendorff's alpha (coincidence-matrix form) against the all-pairs textbook form in
// make_fixtures.py, and quadratic-weighted kappa (moment form) against the confusion-matrix form.
#include <QTest>

#include "core/analysis/agreement_coefficients.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestAgreementCoefficients : public QObject {
  Q_OBJECT
 private slots:
  void alphaMatchesTextbook() {
    const QJsonArray cases = loadFixture(QStringLiteral("expected_stats.json")).object()["alpha"].toArray();
    QCOMPARE(cases.size(), 5);
    for (const QJsonValue& v : cases) {
      const QJsonObject c = v.toObject();
      std::vector<std::vector<double>> ratings;
      for (const QJsonValue& r : c["ratings"].toArray()) {
        ratings.push_back(doubles(r));
      }
      const QString name = c["name"].toString();
      VS_COMPARE_OPT(krippendorffAlpha(ratings, AlphaLevel::Ordinal), c["ordinal"], 1e-12, name + " ordinal");
      VS_COMPARE_OPT(krippendorffAlpha(ratings, AlphaLevel::Interval), c["interval"], 1e-12,
                     name + " interval");
    }
  }
  void kappaMatchesConfusionMatrixForm() {
    const QJsonArray cases =
        loadFixture(QStringLiteral("expected_stats.json")).object()["correlation"].toArray();
    int checked = 0;
    for (const QJsonValue& v : cases) {
      const QJsonObject c = v.toObject();
      if (c["qwk"].isNull()) {
        continue;
      }
      auto x = doubles(c["x"]), y = doubles(c["y"]);
      for (double& d : x) {
        d = std::round(d);
      }
      for (double& d : y) {
        d = std::round(d);
      }
      VS_COMPARE_OPT(quadraticWeightedKappa(x, y), c["qwk"], 1e-12, c["name"].toString());
      ++checked;
    }
    QVERIFY(checked >= 3);
  }
  void kappaEdgeCases() {
    QCOMPARE(*quadraticWeightedKappa({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}), 1.0);
    QVERIFY(!quadraticWeightedKappa({3, 3}, {3, 3}));  // no expected disagreement
    QVERIFY(!quadraticWeightedKappa({}, {}));
  }
};

QTEST_GUILESS_MAIN(TestAgreementCoefficients)
#include "test_agreement_coefficients.moc"
