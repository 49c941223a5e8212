// Python's round() as the evaluation scripts use it: round(x, 3) and round(x) (halves to even),
// and the vs2_float integer mapping.
#include <QTest>

#include "core/analysis/rounding.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestRounding : public QObject {
  Q_OBJECT
 private slots:
  void roundToThreeDecimalsMatchesPython() {
    const QJsonObject cases =
        loadFixture(QStringLiteral("expected_stats.json")).object()["rounding"].toObject();
    const QJsonArray r3 = cases["round3"].toArray();
    QVERIFY(r3.size() > 10);
    for (const QJsonValue& c : r3) {
      const double x = c.toArray()[0].toDouble();
      QCOMPARE(roundDecimals(x, 3), c.toArray()[1].toDouble());
    }
  }
  void roundHalfToEvenMatchesPython() {
    const QJsonObject cases =
        loadFixture(QStringLiteral("expected_stats.json")).object()["rounding"].toObject();
    for (const QJsonValue& c : cases["round0"].toArray()) {
      QCOMPARE(roundHalfEven(c.toArray()[0].toDouble()), c.toArray()[1].toDouble());
    }
    for (const QJsonValue& c : cases["to_int_soft"].toArray()) {
      QCOMPARE(referenceInteger(c.toArray()[0].toDouble()), c.toArray()[1].toInt());
    }
  }
  void percentOfNanIsNull() {
    QVERIFY(!percent3(std::nan("")).has_value());
    QVERIFY(!percent3(std::nullopt).has_value());
    QCOMPARE(*percent3(1.0 / 3.0), 33.333);
  }
};

QTEST_GUILESS_MAIN(TestRounding)
#include "test_rounding.moc"
