// A batch run waited for (what vscore score-project runs), against the real vscore-worker on a
// `vscore demo-model` checkpoint: a project of one clip and one video without a file gives the
// start line, a progress line per video, the failure line, the closing newline, and the first
// failure's code; the clip's result is in the store.
#include <QtTest>

#include "core/scoring/batch_run.h"
#include "core/scoring/scoring_queue.h"
#include "core/store/store.h"
#include "tests/support/scoring_fixture.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/batch_run");
}

}  // namespace

class TestBatchRun : public QObject {
  Q_OBJECT
 private slots:
  void runsToTheEndAndLogsEachStep() {
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    const QString model = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(test::makeDemoModel(QStringLiteral(VSCORE_PATH), model), 0);
    QCOMPARE(test::makeTestPatternClip(tmpDir() + QStringLiteral("/clip.mp4"), 30), 0);
    store::Store store(tmpDir() + QStringLiteral("/run.vsproj"), store::OpenMode::CreateNew);
    const qint64 prompt = store.addPrompt(QStringLiteral("A test pattern."));
    for (const QString& name : {QStringLiteral("clip"), QStringLiteral("gone")}) {
      Video v;
      v.name = name;
      v.promptId = prompt;
      store.addVideo(v);
    }
    WorkerSettings ws;
    ws.program = QStringLiteral(VS_WORKER_PATH);
    ws.modelDir = model;
    ScoringQueue queue(ws);
    ScoreSettings settings;
    settings.sampling = Sampling::Greedy;
    settings.maxNewTokens = 10;
    settings.format = ScoreFormat::Constrained;
    BatchScorer batch(store, queue, QStringLiteral("demo"), model, settings);
    QStringList log;
    const BatchRunEnd end = runBatch(batch, BatchSelection::All, QStringLiteral("the demo model"),
                                     QStringLiteral("demo"), [&](const QString& text) { log << text; });

    QCOMPARE(end.progress.total, 2);
    QCOMPARE(end.progress.done, 1);
    QCOMPARE(end.progress.failed, 1);
    QCOMPARE(end.firstFailure, QStringLiteral("missing"));
    QVERIFY2(log.size() == 5, qPrintable(log.join(QLatin1Char('|'))));
    QCOMPARE(log.first(), QStringLiteral("2 videos to score with the demo model as \"demo\"\n"));
    QCOMPARE(log.last(), QStringLiteral("\n"));
    const QStringList failures = log.filter(QStringLiteral("vscore: error: "));
    QCOMPARE(failures.size(), 1);
    QVERIFY2(failures[0].startsWith(QStringLiteral("\nvscore: error: gone: missing: missing: gone (")),
             qPrintable(failures[0]));
    const QStringList progress = log.filter(QRegularExpression(QStringLiteral("^\\r\\d/2 scored")));
    QCOMPARE(progress.size(), 2);
    QVERIFY2(progress[1].startsWith(QStringLiteral("\r1/2 scored, 1 failed, ")), qPrintable(progress[1]));
    // The clip's evaluation was written as it finished.
    store::ItemFilter unscored;
    unscored.annotatorId = store.addAnnotator(QStringLiteral("demo"), AnnotatorKind::Model);
    unscored.evaluated = store::ItemFilter::Evaluated::No;
    const auto left = store.listItems(unscored);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].video.name, QStringLiteral("gone"));
  }
};

QTEST_GUILESS_MAIN(TestBatchRun)
#include "test_batch_run.moc"
