// Pairwise accuracy against the restated get_pairwise_acc.py: totals v+t+p, thresholds 0.5/0.001
// with ties, strict comparison and tie-labelled pairs skipped without.
#include <QTest>
#include <map>

#include "core/analysis/pairwise_accuracy.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

namespace {

std::vector<ScoredPair> pairsOf(const QString& scoresFile, const QString& pairsFile) {
  std::map<QString, double> total;
  for (const QJsonValue& v : loadFixture(scoresFile).array()) {
    const QJsonObject o = v.toObject();
    if (o["v_score_model"].isNull() || o["t_score_model"].isNull() || o["p_score_model"].isNull()) {
      continue;
    }
    total[o["video_name"].toString()] =
        o["v_score_model"].toDouble() + o["t_score_model"].toDouble() + o["p_score_model"].toDouble();
  }
  std::vector<ScoredPair> pairs;
  for (const QJsonValue& v : loadFixture(pairsFile).array()) {
    const QJsonObject o = v.toObject();
    const QString pref = o["preference"].toString();
    const Preference human = pref == "left"    ? Preference::Left
                             : pref == "right" ? Preference::Right
                                               : Preference::Tie;
    const auto l = total.find(o["left"].toString()), r = total.find(o["right"].toString());
    if (l == total.end() || r == total.end()) {
      continue;  // a video without scores: the pair is not counted
    }
    pairs.push_back({l->second, r->second, human});
  }
  return pairs;
}

void check(const PairwiseResult& r, const QJsonObject& e) {
  QCOMPARE(r.total, static_cast<int64_t>(e["total"].toInt()));
  QCOMPARE(r.correct, static_cast<int64_t>(e["correct"].toInt()));
  VS_COMPARE_OPT(r.accuracy, e["accuracy"], 1e-9, QStringLiteral("accuracy"));
}

}  // namespace

class TestPairwiseAccuracy : public QObject {
  Q_OBJECT
 private slots:
  void softScores() {
    const QJsonObject e =
        loadFixture(QStringLiteral("expected_pairwise.json")).object()["predictions_soft.json"].toObject();
    const auto pairs = pairsOf(QStringLiteral("predictions_soft.json"), QStringLiteral("pairs.json"));
    const double threshold = referenceTieThreshold(ScoreScale::Soft);
    check(pairwiseAccuracy(pairs, TieHandling::Included, threshold), e["with_ties"].toObject());
    const PairwiseResult without = pairwiseAccuracy(pairs, TieHandling::Excluded, threshold);
    check(without, e["without_ties"].toObject());
    QCOMPARE(without.skipped, static_cast<int64_t>(e["without_ties"].toObject()["skipped_ties"].toInt()));
  }
  void integerScores() {
    const QJsonObject e =
        loadFixture(QStringLiteral("expected_pairwise.json")).object()["predictions_int.json"].toObject();
    const auto pairs = pairsOf(QStringLiteral("predictions_int.json"), QStringLiteral("pairs_int.json"));
    const double threshold = referenceTieThreshold(ScoreScale::Integer);
    check(pairwiseAccuracy(pairs, TieHandling::Included, threshold), e["with_ties"].toObject());
    check(pairwiseAccuracy(pairs, TieHandling::Excluded, threshold), e["without_ties"].toObject());
  }
  void thresholds() {
    QCOMPARE(predictPreference(10.0, 9.6, TieHandling::Included, 0.5), Preference::Tie);
    QCOMPARE(predictPreference(10.0, 9.4, TieHandling::Included, 0.5), Preference::Left);
    QCOMPARE(predictPreference(10.0, 9.6, TieHandling::Excluded, 0.5), Preference::Left);
    QCOMPARE(predictPreference(9.0, 9.0, TieHandling::Excluded, 0.5), Preference::Tie);
    QCOMPARE(predictPreference(9.0, 9.0005, TieHandling::Included, 0.001), Preference::Tie);
    QCOMPARE(predictPreference(9.0, 9.002, TieHandling::Included, 0.001), Preference::Right);
  }
  void noPairsIsNull() { QVERIFY(!pairwiseAccuracy({}, TieHandling::Included, 0.5).accuracy); }
};

QTEST_GUILESS_MAIN(TestPairwiseAccuracy)
#include "test_pairwise_accuracy.moc"
