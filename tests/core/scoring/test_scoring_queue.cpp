// ScoringQueue and WorkerClient against the real vscore-worker binary.
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>
#include <csignal>
#include <sys/types.h>

#include "core/domain/error.h"

#include "core/scoring/score_result.h"
#include "core/scoring/scoring_queue.h"
#include "core/scoring/worker_client.h"

using namespace vs::scoring;

class TestScoringQueue : public QObject {
  Q_OBJECT
 private slots:
  void clientSeesGarbageRepliesAsErrors() {
    WorkerClient client(QStringLiteral(VS_WORKER_PATH));
    QSignalSpy started(&client, &WorkerClient::started);
    QSignalSpy errors(&client, &WorkerClient::error);
    QSignalSpy results(&client, &WorkerClient::result);
    client.start();
    QVERIFY(started.wait(10000));
    client.sendRawLine("garbage");
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
    QCOMPARE(errors.at(0).at(0).toLongLong(), qint64{-1});
    QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("parse_error"));
    const qint64 id = client.request(QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QCOMPARE(results.at(0).at(0).toLongLong(), id);
    QSignalSpy exited(&client, &WorkerClient::workerExited);
    client.stop();
    QVERIFY(exited.wait(10000));
    QCOMPARE(exited.at(0).at(1).toBool(), false);
  }

  void badModelFailsEveryJobWithTheLoadError() {
    WorkerSettings s;
    s.program = QStringLiteral(VS_WORKER_PATH);
    s.modelDir = QStringLiteral("/nonexistent/checkpoint");
    ScoringQueue queue(s);
    QSignalSpy failed(&queue, &ScoringQueue::jobFailed);
    ScoreRequest r;
    r.videoPath = QStringLiteral("/nonexistent.mp4");
    r.prompt = QStringLiteral("a cat");
    const qint64 a = queue.enqueue(r);
    const qint64 b = queue.enqueue(r, 5);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 15000);
    QSet<qint64> ids{failed.at(0).at(0).toLongLong(), failed.at(1).at(0).toLongLong()};
    QCOMPARE(ids, (QSet<qint64>{a, b}));
    const QString code = failed.at(0).at(1).toString();
    QVERIFY2(code == QStringLiteral("bad_model") || code == QStringLiteral("unavailable"), qPrintable(code));
    // Later jobs fail the same way without restarting anything.
    const qint64 c = queue.enqueue(r);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 5000);
    QCOMPARE(failed.at(2).at(0).toLongLong(), c);
  }

  void killedWorkerIsRestartedAndTheJobRequeued() {
    WorkerSettings s;
    s.program = QStringLiteral(VS_WORKER_PATH);  // no model: method jobs only
    ScoringQueue queue(s);
    QSignalSpy startedJobs(&queue, &ScoringQueue::jobStarted);
    QSignalSpy results(&queue, &ScoringQueue::jobResult);
    QSignalSpy restarted(&queue, &ScoringQueue::workerRestarted);
    const qint64 job =
        queue.enqueueMethod(QStringLiteral("ping"), QJsonObject{{QStringLiteral("delay_ms"), 300}});
    QVERIFY(startedJobs.wait(10000));
    const qint64 first_pid = queue.workerProcessId();
    queue.killWorkerForTest();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 15000);
    QCOMPARE(results.at(0).at(0).toLongLong(), job);
    QCOMPARE(restarted.size(), 1);
    QCOMPARE(startedJobs.size(), 2);
    QCOMPARE(startedJobs.at(1).at(1).toInt(), 2);  // second attempt
    QVERIFY(queue.workerProcessId() != first_pid);
  }

  void aJobThatKillsEveryWorkerFailsAfterItsAttempts() {
    WorkerSettings s;
    s.program = QStringLiteral(VS_WORKER_PATH);
    s.maxAttempts = 2;
    ScoringQueue queue(s);
    QSignalSpy failed(&queue, &ScoringQueue::jobFailed);
    connect(&queue, &ScoringQueue::jobStarted, &queue,
            [&queue] { QTimer::singleShot(50, &queue, [&queue] { queue.killWorkerForTest(); }); });
    const qint64 job =
        queue.enqueueMethod(QStringLiteral("ping"), QJsonObject{{QStringLiteral("delay_ms"), 5000}});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.at(0).at(0).toLongLong(), job);
    QCOMPARE(failed.at(0).at(1).toString(), QString::fromLatin1(kErrWorkerCrashed));
  }

  void stalledWorkerIsKilledAndRetried() {
    WorkerSettings s;
    s.program = QStringLiteral(VS_WORKER_PATH);
    s.stallTimeoutMs = 300;
    s.maxAttempts = 1;
    ScoringQueue queue(s);
    QSignalSpy failed(&queue, &ScoringQueue::jobFailed);
    // A worker that says nothing for longer than the stall timeout (here: a stopped process).
    QSignalSpy startedJobs(&queue, &ScoringQueue::jobStarted);
    const qint64 job =
        queue.enqueueMethod(QStringLiteral("ping"), QJsonObject{{QStringLiteral("delay_ms"), 60000}});
    QVERIFY(startedJobs.wait(10000));
    ::kill(static_cast<pid_t>(queue.workerProcessId()), SIGSTOP);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    QCOMPARE(failed.at(0).at(0).toLongLong(), job);
    QCOMPARE(failed.at(0).at(1).toString(), QString::fromLatin1(kErrWorkerStalled));
  }

  void cancelQueuedAndRunningJobs() {
    WorkerSettings s;
    s.program = QStringLiteral(VS_WORKER_PATH);
    ScoringQueue queue(s);
    QSignalSpy failed(&queue, &ScoringQueue::jobFailed);
    QSignalSpy startedJobs(&queue, &ScoringQueue::jobStarted);
    const qint64 running =
        queue.enqueueMethod(QStringLiteral("ping"), QJsonObject{{QStringLiteral("delay_ms"), 60000}});
    const qint64 queued =
        queue.enqueueMethod(QStringLiteral("ping"), QJsonObject{{QStringLiteral("delay_ms"), 60000}});
    QVERIFY(startedJobs.wait(10000));
    QVERIFY(queue.cancel(queued));
    QVERIFY(queue.cancel(running));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
    QCOMPARE(failed.at(0).at(0).toLongLong(), queued);
    QCOMPARE(failed.at(1).at(0).toLongLong(), running);
    QCOMPARE(failed.at(1).at(1).toString(), QStringLiteral("cancelled"));
    QVERIFY(!queue.cancel(12345));
  }

  void resultMapsToAModelEvaluation() {
    const QJsonObject raw{
        {QStringLiteral("text"), QStringLiteral("visual quality: 4; ...")},
        {QStringLiteral("scores"), QJsonObject{{QStringLiteral("visual"), 4},
                                               {QStringLiteral("t2v"), 7},
                                               {QStringLiteral("phy"), QJsonValue::Null}}},
        {QStringLiteral("soft_scores"), QJsonObject{{QStringLiteral("visual"), 3.9512},
                                                    {QStringLiteral("t2v"), QJsonValue::Null},
                                                    {QStringLiteral("phy"), 0.98}}},
        {QStringLiteral("parsed"), true},
        {QStringLiteral("constrained"), false},
        {QStringLiteral("settings"), QJsonObject{{QStringLiteral("seed"), 3}}}};
    const ScoreResult r = ScoreResult::fromJson(raw);
    const vs::Evaluation e = r.toEvaluation(7, 2, QStringLiteral("m"));
    QCOMPARE(*e.scores.value[0], 3.9512);
    QVERIFY(!e.scores.value[1].has_value());  // hard 7 is outside 1..5, no soft score
    QCOMPARE(*e.scores.value[2], 0.98);       // soft < 1 kept as given
    QCOMPARE(e.origin, vs::Origin::Model);
    QVERIFY(e.settingsJson.contains(QStringLiteral("\"soft_scores\"")));
    QVERIFY(e.settingsJson.contains(QStringLiteral("\"seed\":3")));
    QVERIFY_THROWS_EXCEPTION(vs::Error, ScoreResult::fromJson(QJsonObject{}));
  }
};

QTEST_GUILESS_MAIN(TestScoringQueue)
#include "test_scoring_queue.moc"
