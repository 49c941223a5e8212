// Batch scoring of a project through the real vscore-worker on a `vscore demo-model` checkpoint:
// the prefetch (sampling the next video while the model runs) changes no result and hides no
// error, and a template saved in the project is what the model was asked with.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include "core/scoring/batch_scorer.h"
#include "core/scoring/scoring_queue.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"
#include "tests/support/scoring_fixture.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath());
}

const QString kTemplateText = QStringLiteral("Rate this generated video for: $t2v_prompt\n");

}  // namespace

class TestBatchScoringE2e : public QObject {
  Q_OBJECT
  QString model_;
  QString project_;

  struct Outcome {
    int done = 0;
    int failed = 0;
    QStringList failCodes;
  };

  Outcome score(Prefetch prefetch, const QString& annotator) {
    WorkerSettings ws;
    ws.program = QStringLiteral(VS_WORKER_PATH);
    ws.modelDir = model_;
    ws.prefetch = prefetch;
    ScoringQueue queue(ws);
    store::Store store(project_);
    ScoreSettings settings;
    settings.sampling = Sampling::Greedy;
    settings.maxNewTokens = 10;
    settings.format = ScoreFormat::Constrained;
    chooseTemplate(settings, QStringLiteral("short"), &store);
    BatchScorer batch(store, queue, annotator, model_, settings);
    Outcome out;
    connect(&batch, &BatchScorer::videoFailed, this,
            [&](qint64, const QString&, const QString& code, const QString&) { out.failCodes << code; });
    QSignalSpy finished(&batch, &BatchScorer::finished);
    batch.start(BatchSelection::All);
    if (!finished.wait(240000))
      return out;
    out.done = batch.progress().done;
    out.failed = batch.progress().failed;
    return out;
  }

 private slots:
  void initTestCase() {
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(vs::test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    project_ = tmpDir() + QStringLiteral("/batch.vsproj");
    QFile::remove(project_);
    store::Store store(project_, store::OpenMode::CreateNew);
    const qint64 prompt = store.addPrompt(QStringLiteral("A test pattern."));
    for (int i = 0; i < 3; ++i) {
      const QString name = QStringLiteral("clip_%1").arg(i);
      QCOMPARE(
          vs::test::makeTestPatternClip(tmpDir() + QLatin1Char('/') + name + QStringLiteral(".mp4"), i * 60),
          0);
      Video v;
      v.name = name;
      v.promptId = prompt;
      store.addVideo(v);
    }
    // A broken file between good ones: its prefetch fails, its score must still say so.
    QFile broken(tmpDir() + QStringLiteral("/clip_1b.mp4"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(4096, 'x'));
    broken.close();
    Video v;
    v.name = QStringLiteral("clip_1b");
    v.promptId = prompt;
    store.addVideo(v);
    QFile t(tmpDir() + QStringLiteral("/short.txt"));
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write(kTemplateText.toUtf8());
    t.close();
    QCOMPARE(vs::test::runTool(QStringLiteral(VSCORE_PATH),
                               {QStringLiteral("score-template"), project_, QStringLiteral("set"),
                                QStringLiteral("short"), t.fileName()}),
             0);
  }

  void prefetchChangesNoResultAndHidesNoError() {
    const Outcome off = score(Prefetch::Off, QStringLiteral("off"));
    const Outcome on = score(Prefetch::NextVideo, QStringLiteral("on"));
    QCOMPARE(off.done, 3);
    QCOMPARE(on.done, 3);
    QCOMPARE(off.failCodes, QStringList{QStringLiteral("bad_video")});
    QCOMPARE(on.failCodes, QStringList{QStringLiteral("bad_video")});

    store::Store store(project_);
    const qint64 offId = store.findAnnotator(QStringLiteral("off"))->id;
    const qint64 onId = store.findAnnotator(QStringLiteral("on"))->id;
    int prefetched = 0;
    for (int i = 0; i < 3; ++i) {
      const qint64 video = store.findVideoByName(QStringLiteral("clip_%1").arg(i))->id;
      const auto a = store.findEvaluation(video, offId);
      const auto b = store.findEvaluation(video, onId);
      QVERIFY(a && b);
      QCOMPARE(b->thinking, a->thinking);
      QCOMPARE(b->scores, a->scores);
      const QJsonObject sa = QJsonDocument::fromJson(a->settingsJson.toUtf8()).object();
      const QJsonObject sb = QJsonDocument::fromJson(b->settingsJson.toUtf8()).object();
      QCOMPARE(sb.value("sampler").toObject().value("grid_thw"),
               sa.value("sampler").toObject().value("grid_thw"));
      QCOMPARE(sa.value("sampler").toObject().value("prefetched").toBool(), false);
      prefetched += sb.value("sampler").toObject().value("prefetched").toBool();
      // The project's template, recorded with the result.
      QCOMPARE(sa.value("template").toString(), QStringLiteral("short"));
      QCOMPARE(sa.value("template_text").toString(), kTemplateText);
    }
    // The first video has nothing before it to overlap with; clip_2 follows the broken one.
    QVERIFY2(prefetched >= 1, qPrintable(QString::number(prefetched)));
  }

  void scoreProjectTakesATemplateByName() {
    QCOMPARE(vs::test::runTool(QStringLiteral(VSCORE_PATH),
                               {QStringLiteral("score-project"), project_, QStringLiteral("--model"), model_,
                                QStringLiteral("--template"), QStringLiteral("nosuch")}),
             2);
    // Exit 3: the broken clip is invalid data; the three others are scored.
    QCOMPARE(vs::test::runTool(
                 QStringLiteral(VSCORE_PATH),
                 {QStringLiteral("score-project"), project_, QStringLiteral("--model"), model_,
                  QStringLiteral("--annotator"), QStringLiteral("cli"), QStringLiteral("--template"),
                  QStringLiteral("short"), QStringLiteral("--greedy"), QStringLiteral("--max-new-tokens"),
                  QStringLiteral("6"), QStringLiteral("--constrained")}),
             3);
    store::Store store(project_);
    const qint64 cli = store.findAnnotator(QStringLiteral("cli"))->id;
    const auto e = store.findEvaluation(store.findVideoByName(QStringLiteral("clip_0"))->id, cli);
    QVERIFY(e);
    const QJsonObject s = QJsonDocument::fromJson(e->settingsJson.toUtf8()).object();
    QCOMPARE(s.value("template").toString(), QStringLiteral("short"));
    QCOMPARE(s.value("template_text").toString(), kTemplateText);
    QCOMPARE(s.value("max_new_tokens").toInt(), 6);
  }
};

QTEST_GUILESS_MAIN(TestBatchScoringE2e)
#include "test_batch_scoring_e2e.moc"
