// A model evaluation's soft scores reach the project file and its exports unchanged (0..5, as
// the reference arithmetic gives them, videoscore2.md §7), while people stay integers 1..5.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/item_writer.h"
#include "core/scoring/batch_scorer.h"
#include "core/scoring/score_result.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString scratch(const QString& name) {
  const QString dir = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath());
  QDir().mkpath(dir);
  const QString path = QDir(dir).filePath(QStringLiteral("model_scores_") + name);
  QFile::remove(path);
  return path;
}

// A worker result as vscore-worker sends it: hard scores and reference soft scores.
ScoreResult workerResult(QJsonValue visualSoft, QJsonValue t2vSoft, QJsonValue phySoft) {
  return ScoreResult::fromJson(QJsonObject{
      {"text", "visual quality: 1;\ntext-to-video alignment: 1;\nphysical/common-sense consistency: 1"},
      {"scores", QJsonObject{{"visual", 1}, {"t2v", 1}, {"phy", 1}}},
      {"soft_scores", QJsonObject{{"visual", visualSoft}, {"t2v", t2vSoft}, {"phy", phySoft}}},
      {"parsed", true},
      {"constrained", true}});
}

}  // namespace

class TestModelScoresInStore : public QObject {
  Q_OBJECT
 private slots:
  void softScoresBelowOneRoundTripToExport() {
    const QString path = scratch(QStringLiteral("roundtrip.vsproj"));
    store::Store store(path, store::OpenMode::CreateNew);
    Video video;
    video.name = QStringLiteral("clip_a");
    video.promptId = store.addPrompt(QStringLiteral("a cat"));
    const qint64 videoId = store.addVideo(video);
    const qint64 id = writeModelEvaluation(store, videoId, QStringLiteral("vs2"), QStringLiteral("model"),
                                           workerResult(0.8123, 0.0, 4.9871));
    const auto stored = store.findEvaluation(id);
    QVERIFY(stored);
    QCOMPARE(*stored->scores.value[0], 0.8123);
    QCOMPARE(*stored->scores.value[1], 0.0);
    QCOMPARE(*stored->scores.value[2], 4.9871);

    std::vector<FeedbackItem> exported;
    store::ExportFilter filter;
    filter.annotator = QStringLiteral("vs2");
    store.exportItems(filter, [&](const FeedbackItem& item) { exported.push_back(item); });
    QCOMPARE(exported.size(), size_t{1});
    QCOMPARE(*exported[0].scores.value[0], 0.8123);
    QCOMPARE(*exported[0].scores.value[1], 0.0);

    // ... and through the file writer of `vscore export`.
    const QString out = scratch(QStringLiteral("roundtrip.json"));
    auto writer = interop::openWriter(out, interop::Format::Vf2Json);
    writer->write(exported[0]);
    writer->commit();
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(f.readAll()).array();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value("visual_score").toDouble(), 0.8123);
    QCOMPARE(items.at(0).toObject().value("t2v_score").toDouble(), 0.0);
  }

  void storeRangeRules() {
    const QString path = scratch(QStringLiteral("rules.vsproj"));
    store::Store store(path, store::OpenMode::CreateNew);
    Video video;
    video.name = QStringLiteral("clip_b");
    const qint64 videoId = store.addVideo(video);
    const qint64 model = store.addAnnotator(QStringLiteral("vs2"), AnnotatorKind::Model);
    const qint64 person = store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human);

    Evaluation e;
    e.videoId = videoId;
    e.annotatorId = model;
    e.origin = Origin::Model;
    e.scores.value = {0.5, 0.0, 5.0};
    const qint64 modelEval = store.upsertEvaluation(e);
    for (double bad : {-0.01, 5.01}) {
      e.scores.value = {bad, 3.0, 3.0};
      QVERIFY_THROWS_EXCEPTION(vs::Error, store.upsertEvaluation(e));
    }
    store.editField(modelEval, EvaluationField::PhyScore, 0.25);
    QCOMPARE(*store.findEvaluation(modelEval)->scores.value[2], 0.25);
    QVERIFY_THROWS_EXCEPTION(vs::Error, store.editField(modelEval, EvaluationField::PhyScore, 5.5));

    // People: integers 1..5 only, however the score arrives.
    e.annotatorId = person;
    e.origin = Origin::Human;
    for (double bad : {0.0, 0.8123, 1.5}) {
      e.scores.value = {bad, 3.0, 3.0};
      QVERIFY_THROWS_EXCEPTION(vs::Error, store.upsertEvaluation(e));
    }
    e.scores.value = {1.0, 3.0, 5.0};
    const qint64 humanEval = store.upsertEvaluation(e);
    QVERIFY_THROWS_EXCEPTION(vs::Error, store.editField(humanEval, EvaluationField::VisualScore, 0.0));
    QVERIFY_THROWS_EXCEPTION(vs::Error, store.editField(humanEval, EvaluationField::VisualScore, 2.5));
    QCOMPARE(*store.findEvaluation(humanEval)->scores.value[0], 1.0);
  }

  void unusableSoftScoreFallsBackToTheHardScore() {
    const Scores s = workerResult(QJsonValue::Null, 7.5, 0.8123).evaluationScores();
    QCOMPARE(*s.value[0], 1.0);     // no soft score: the parsed integer
    QCOMPARE(*s.value[1], 1.0);     // outside 0..5: not a reference soft score, the integer
    QCOMPARE(*s.value[2], 0.8123);  // as given
  }
};

QTEST_GUILESS_MAIN(TestModelScoresInStore)
#include "test_model_scores_in_store.moc"
