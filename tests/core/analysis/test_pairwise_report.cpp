// core/analysis/pairwise_report.cpp: get_pairwise_acc.py's spellings, scores and pairs read from
// the files the reference script reads (results against tests/data/analysis/expected_pairwise.json,
// made by make_fixtures.py), malformed pairs, and the text line (written out by hand).
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/pairwise_report.h"
#include "core/domain/error.h"
#include "fixture.h"

using namespace vs;
using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestPairwiseReport : public QObject {
  Q_OBJECT
 private slots:
  void spellings() {
    QCOMPARE(preferenceFromText(QStringLiteral(" LeftVote ")), Preference::Left);
    QCOMPARE(preferenceFromText(QStringLiteral("video2")), Preference::Right);
    QCOMPARE(preferenceFromText(QStringLiteral("bothbad_vote")), Preference::Tie);
    QVERIFY(!preferenceFromText(QStringLiteral("up")));
    QCOMPARE(pairScoreKind(QStringLiteral("mean")), 4);
    QCOMPARE(pairScoreKind(QStringLiteral("sum")), -1);
  }

  void matchesTheReferenceScript() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_pairwise.json"))
                                     .object()
                                     .value(QStringLiteral("predictions_int.json"))
                                     .toObject();
    for (const auto& [kind, key, ties] : {std::tuple{3, "with_ties", TieHandling::Included},
                                          std::tuple{3, "without_ties", TieHandling::Excluded},
                                          std::tuple{0, "visual_with_ties", TieHandling::Included}}) {
      const PairScores scores = readPairScores(fixturePath(QStringLiteral("predictions_int.json")), kind);
      QVERIFY(!scores.soft);
      const ScoredPairs pairs = readScoredPairs(fixturePath(QStringLiteral("pairs_int.json")), scores);
      const PairwiseResult r =
          pairwiseAccuracy(pairs.pairs, ties, referenceTieThreshold(ScoreScale::Integer));
      const QJsonObject e = expected.value(QLatin1String(key)).toObject();
      QCOMPARE(r.total, e.value(QStringLiteral("total")).toInteger());
      QCOMPARE(r.correct, e.value(QStringLiteral("correct")).toInteger());
      QCOMPARE(*r.accuracy, e.value(QStringLiteral("accuracy")).toDouble());
    }
  }

  void malformedPairsAreInvalidData() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pairs.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"([{"left": "a", "right": "b", "preference": "left"}, {"left": "a", "preference": "up"}])");
    f.close();
    try {
      readScoredPairs(path, PairScores{});
      QFAIL("no error");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::InvalidData);
      QCOMPARE(e.full(),
               path + QStringLiteral(": pair 2: needs \"left\", \"right\" and \"preference\" (left, "
                                     "right or tie)"));
    }
    try {
      readPairScores(dir.filePath(QStringLiteral("none.json")), 3);
      QFAIL("no error");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Io);
    }
  }

  void textAndJson() {
    const PairwiseResult r{4, 3, 1, 75.0};
    QCOMPARE(pairwiseText(r, TieHandling::Included, 0.5, 2),
             QStringLiteral("pairwise accuracy with ties (threshold 0.5): 3/4 = 75.000 (1 tie-labelled pairs "
                            "skipped, 2 pairs without scores)\n"));
    QCOMPARE(
        pairwiseText(PairwiseResult{}, TieHandling::Excluded, 0.5, 0),
        QStringLiteral("pairwise accuracy without ties: 0/0 = null (0 tie-labelled pairs skipped, 0 pairs "
                       "without scores)\n"));
    const QJsonObject o = pairwiseJson(r, TieHandling::Included, 0.5, 2, QStringLiteral("mean"));
    QCOMPARE(o.value(QStringLiteral("missing")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("score")).toString(), QStringLiteral("mean"));
  }
};

QTEST_GUILESS_MAIN(TestPairwiseReport)
#include "test_pairwise_report.moc"
