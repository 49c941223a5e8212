// vscore pairwise with and without ties, soft and integer scores, against the restated
// get_pairwise_acc.py (tests/data/analysis/make_fixtures.py).
#include <QTest>

#include "cli_runner.h"

using namespace vs;
using namespace vs::clitest;

class TestCmdPairwise : public QObject {
  Q_OBJECT
 private slots:
  void matchesReference_data() {
    QTest::addColumn<QString>("scores");
    QTest::addColumn<QString>("pairs");
    QTest::addColumn<bool>("ties");
    QTest::newRow("soft with ties") << "predictions_soft.json"
                                    << "pairs.json" << true;
    QTest::newRow("soft without ties") << "predictions_soft.json"
                                       << "pairs.json" << false;
    QTest::newRow("int with ties") << "predictions_int.json"
                                   << "pairs_int.json" << true;
    QTest::newRow("int without ties") << "predictions_int.json"
                                      << "pairs_int.json" << false;
  }
  void matchesReference() {
    QFETCH(QString, scores);
    QFETCH(QString, pairs);
    QFETCH(bool, ties);
    QStringList args{QStringLiteral("pairwise"), data(scores), QStringLiteral("--pairs"), data(pairs),
                     QStringLiteral("--json")};
    if (ties) {
      args << QStringLiteral("--ties");
    }
    const Run r = vscore(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject e = fixture(QStringLiteral("expected_pairwise.json"))
                              .object()[scores]
                              .toObject()[ties ? QStringLiteral("with_ties") : QStringLiteral("without_ties")]
                              .toObject();
    compareSubset(r.json(), e, scores);
    QCOMPARE(r.json()["threshold"].toDouble(), ties ? (scores.contains("soft") ? 0.001 : 0.5) : 0.0);
  }
  void otherScores_data() {
    QTest::addColumn<QString>("score");
    QTest::addColumn<QString>("key");
    QTest::newRow("mean") << "mean"
                          << "mean_with_ties";
    QTest::newRow("visual") << "visual"
                            << "visual_with_ties";
  }
  void otherScores() {
    QFETCH(QString, score);
    QFETCH(QString, key);
    const Run r =
        vscore({QStringLiteral("pairwise"), data(QStringLiteral("predictions_int.json")),
                QStringLiteral("--pairs"), data(QStringLiteral("pairs_int.json")), QStringLiteral("--ties"),
                QStringLiteral("--score"), score, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    compareSubset(r.json(),
                  fixture(QStringLiteral("expected_pairwise.json"))
                      .object()["predictions_int.json"]
                      .toObject()[key]
                      .toObject(),
                  key);
  }
  void badPairs() {
    const QString path = scratch(QStringLiteral("pairs_bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"([{"left": "vid_0001", "right": "vid_0002", "preference": "maybe"}])");
    f.close();
    const Run r = vscore({QStringLiteral("pairwise"), data(QStringLiteral("predictions_int.json")),
                          QStringLiteral("--pairs"), path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("pair 1"));
    QCOMPARE(vscore({QStringLiteral("pairwise"), data(QStringLiteral("predictions_int.json"))}).exitCode, 2);
  }
};

QTEST_GUILESS_MAIN(TestCmdPairwise)
#include "test_cmd_pairwise.moc"
