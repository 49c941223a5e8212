// core/analysis/preference_report.cpp: which model score each judged dimension compares, the
// scale (and so the tie threshold) chosen from the model scores, and the report of a project
// store. Expected values are worked out by hand in the comments.
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/preference_report.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::analysis;

namespace {

JudgedPair pair(const char* dimension, const char* left, const char* right, Preference choice) {
  JudgedPair p;
  p.annotator = "ana";
  p.prompt = "p";
  p.dimension = dimension;
  p.left = left;
  p.right = right;
  p.choice = choice;
  return p;
}

}  // namespace

class TestPreferenceReport : public QObject {
  Q_OBJECT
 private slots:
  void eachDimensionComparesItsOwnScore() {
    // A: visual 5, total 7; B: visual 2, total 8. People prefer A both overall and on visual:
    // the totals say B (wrong), the visual scores say A (right).
    const std::map<std::string, std::array<double, 3>> model{{"A", {5, 1, 1}}, {"B", {2, 3, 3}}};
    const PreferenceReport r = preferenceReport(
        {pair("overall", "A", "B", Preference::Left), pair("visual", "B", "A", Preference::Right)}, {},
        model);
    QCOMPARE(r.scale, ScoreScale::Integer);
    QCOMPARE(r.accuracy.size(), size_t(2));
    QCOMPARE(r.accuracyOf("overall")->accuracy.withTies.correct, int64_t(0));
    QCOMPARE(r.accuracyOf("visual")->accuracy.withTies.correct, int64_t(1));
    QCOMPARE(*r.accuracyOf("visual")->accuracy.withTies.accuracy, 100.0);
    QVERIFY(!r.accuracyOf("t2v"));
    QCOMPARE(r.accuracyOf("overall")->accuracy.threshold, 0.5);
  }

  void softScoresUseTheSoftThreshold() {
    // Totals 9.0 and 9.3: with integer scores' 0.5 this would be a predicted tie; soft scores
    // use 0.001, so the model prefers B, and the person's tie is judged wrong.
    const std::map<std::string, std::array<double, 3>> model{{"A", {3, 3, 3}}, {"B", {3.1, 3.1, 3.1}}};
    const PreferenceReport r = preferenceReport({pair("overall", "A", "B", Preference::Tie)}, {}, model);
    QCOMPARE(r.scale, ScoreScale::Soft);
    QCOMPARE(r.accuracyOf("overall")->accuracy.threshold, 0.001);
    QCOMPARE(r.accuracyOf("overall")->accuracy.withTies.correct, int64_t(0));
    QCOMPARE(r.accuracyOf("overall")->accuracy.withoutTies.skipped, int64_t(1));
  }

  void projectReportReadsPreferencesPicksAndTheModel() {
    QTemporaryDir dir;
    store::Store s(dir.filePath(QStringLiteral("p.vsproj")), store::OpenMode::CreateNew);
    QVERIFY(projectPreferenceReport(s, std::nullopt).empty());
    const qint64 model = s.addAnnotator(QStringLiteral("VS2"), AnnotatorKind::Model);
    const qint64 ana = s.addAnnotator(QStringLiteral("ana"), AnnotatorKind::Human);
    const qint64 prompt = s.addPrompt(QStringLiteral("a dog"));
    QVector<qint64> ids;
    for (int i = 0; i < 3; ++i) {
      Video v;
      v.name = QStringLiteral("v%1").arg(i);
      v.promptId = prompt;
      v.generator = QStringLiteral("g%1").arg(i);
      ids << s.addVideo(v);
      Evaluation e;
      e.videoId = ids.back();
      e.annotatorId = model;
      e.origin = Origin::Model;
      for (Dimension d : kDimensions) {
        e.scores[d] = 4 - i;  // totals 12, 9, 6
      }
      s.upsertEvaluation(e);
    }
    PreferenceRecord p;
    p.annotatorId = ana;
    p.leftVideoId = ids[2];
    p.rightVideoId = ids[0];
    p.choice = PreferenceChoice::Right;  // v0 better: the model agrees
    p.order = PresentationOrder::Randomised;
    s.recordPreference(p);
    BestOfNPick pick;
    pick.annotatorId = ana;
    pick.promptId = prompt;
    pick.candidateVideoIds = {ids[1], ids[0], ids[2]};
    pick.bestVideoId = ids[1];  // the model's order is v0, v1, v2: one place of regret
    s.recordBestOfNPick(pick);
    const PreferenceReport r = projectPreferenceReport(s, std::nullopt);
    QCOMPARE(r.model, QStringLiteral("model:VS2"));
    QCOMPARE(r.pairs, int64_t(1));
    QCOMPARE(*r.accuracyOf("overall")->accuracy.withTies.accuracy, 100.0);
    QCOMPARE(r.positionBias.right, int64_t(1));
    QCOMPARE(r.bestOfN.picks, int64_t(1));
    QCOMPARE(*r.bestOfN.agreement, 0.0);
    QCOMPARE(*r.bestOfN.meanRankRegret, 1.0);
    const QJsonObject json = preferenceReportToJson(r);
    QCOMPARE(json.value(QStringLiteral("best_of_n"))
                 .toObject()
                 .value(QStringLiteral("mean_rank_regret"))
                 .toDouble(),
             1.0);
  }
};

QTEST_MAIN(TestPreferenceReport)
#include "test_preference_report.moc"
