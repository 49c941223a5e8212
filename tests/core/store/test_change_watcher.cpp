// core/store/change_watcher.cpp: another person's commit reaches an open window within 2 s, the
// window's own commits are not reported, and a server stopped and started again is noticed and
// rejoined, and a store outlives a server restart. PostgreSQL only (a throwaway cluster).
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include "core/store/change_watcher.h"
#include "core/store/store.h"
#include "hung_server.h"
#include "store_backend.h"

using namespace vs;
using vs::store::ChangeWatcher;
using vs::store::OpenMode;
using vs::store::Store;

class TestChangeWatcher : public QObject {
  Q_OBJECT
  vs::test::StoreBackend backend_;

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_watch"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    QString whyNot;
    if (!backend_.init(QDir(scratch), &whyNot))
      QSKIP(qPrintable(whyNot));
    if (!backend_.postgres())
      QSKIP("change notifications are PostgreSQL's (set VS_TEST_BACKEND=postgres)");
  }

  void fileProjectsHaveNone() { QVERIFY(!ChangeWatcher::create(QStringLiteral("a.vsproj"), 0)); }

  void othersEditsArriveOwnDoNot() {
    const QString project = backend_.fresh(QStringLiteral("watch"));
    Store mine(project, OpenMode::CreateNew);
    Store theirs(project);
    auto watcher = ChangeWatcher::create(project, mine.sessionId());
    QVERIFY(watcher && watcher->isOnline());
    QSignalSpy changed(watcher.get(), &ChangeWatcher::changed);
    Video v;
    v.name = QStringLiteral("v");
    mine.addVideo(v);
    QVERIFY(!changed.wait(500));  // my own change
    QElapsedTimer t;
    t.start();
    Evaluation e;
    e.videoId = theirs.findVideoByName(QStringLiteral("v"))->id;
    e.annotatorId = theirs.addAnnotator(QStringLiteral("bo"), AnnotatorKind::Human);
    e.scores.value = {3.0, 3.0, 3.0};
    theirs.upsertEvaluation(e);
    QVERIFY(changed.wait(2000));
    qInfo("another person's edit reported after %lld ms", t.elapsed());
    QVERIFY(changed.count() >= 1);
    QStringList tables;
    for (const auto& call : changed)
      tables << call.at(0).toString();
    QVERIFY2(tables.contains(QStringLiteral("evaluations")), qPrintable(tables.join(QLatin1Char(','))));
  }

  void serverRestartIsRejoined() {
    const QString project = backend_.fresh(QStringLiteral("restart"));
    { Store s(project, OpenMode::CreateNew); }
    auto watcher = ChangeWatcher::create(project, 0);
    QVERIFY(watcher && watcher->isOnline());
    QSignalSpy online(watcher.get(), &ChangeWatcher::online);
    QVERIFY(backend_.cluster()->restart());
    QVERIFY(online.wait(10000));
    if (online.last().at(0).toBool() == false)
      QVERIFY(online.wait(10000));
    QCOMPARE(online.last().at(0).toBool(), true);
    QVERIFY(watcher->isOnline());
    QSignalSpy changed(watcher.get(), &ChangeWatcher::changed);
    Store again(project);
    again.addAnnotator(QStringLiteral("cy"), AnnotatorKind::Human);  // annotators do not notify
    Video v;
    v.name = QStringLiteral("after");
    again.addVideo(v);
    QVERIFY(changed.wait(2000));
  }

  // While the server takes connections and never answers (a listener on its socket while it is
  // stopped), the watcher's retries never hold the thread, and it rejoins once the server is back.
  void retriesDoNotBlockOnAHungServer() {
    const QString project = backend_.fresh(QStringLiteral("hung"));
    { Store s(project, OpenMode::CreateNew); }
    auto watcher = ChangeWatcher::create(project, 0);
    QVERIFY(watcher && watcher->isOnline());
    QSignalSpy online(watcher.get(), &ChangeWatcher::online);
    vs::test::HungServer hung(*backend_.cluster());
    QVERIFY2(hung.hang(), qPrintable(hung.error()));
    QTRY_VERIFY(!online.isEmpty());
    QCOMPARE(online.last().at(0).toBool(), false);

    // Five seconds of retries (one a second, each given two): the event loop keeps turning.
    const qint64 longestStop = vs::test::longestStopDuring(5000);
    qInfo("longest stop of this thread while the server hung: %lld ms", longestStop);
    QVERIFY2(longestStop < 1000, "the watcher held the thread while the server hung");
    QVERIFY(!watcher->isOnline());

    QVERIFY(hung.answerAgain());
    QTRY_VERIFY_WITH_TIMEOUT(watcher->isOnline(), 10000);
    QCOMPARE(online.last().at(0).toBool(), true);
  }

  // The server stopped and started again under an open store: its next transaction opens a new
  // session (statements prepared again) and nothing committed before is lost.
  void storeSurvivesServerRestart() {
    const QString project = backend_.fresh(QStringLiteral("survive"));
    Store s(project, OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("before");
    Evaluation e;
    e.videoId = s.addVideo(v);
    e.annotatorId = s.addAnnotator(QStringLiteral("ana"), AnnotatorKind::Human);
    e.scores.value = {2.0, 2.0, 2.0};
    const qint64 id = s.upsertEvaluation(e);
    s.editField(id, EvaluationField::Thinking, QStringLiteral("typed before the restart"));
    QVERIFY(backend_.cluster()->restart());
    s.editField(id, EvaluationField::Thinking, QStringLiteral("typed after the restart"));
    QCOMPARE(s.findEvaluation(id)->thinking, QStringLiteral("typed after the restart"));
    QVERIFY(backend_.cluster()->restart());
    QCOMPARE(s.findVideoByName(QStringLiteral("before"))->id,
             e.videoId);  // a read first, outside a transaction
    QCOMPARE(s.history(id).size(), 2);
  }

  // While the server is away every call fails with ConnectionLost (nothing written); once it is
  // back, a read outside a transaction is the first to open a new session.
  void readFirstAfterTheServerWasAway() {
    const QString project = backend_.fresh(QStringLiteral("away"));
    Store s(project, OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("kept");
    const qint64 video = s.addVideo(v);
    QVERIFY(backend_.cluster()->stopServer());
    for (int i = 0; i < 2; ++i) {
      bool lost = false;
      try {
        s.findVideoByName(QStringLiteral("kept"));
      } catch (const store::ConnectionLost&) {
        lost = true;
      }
      QVERIFY(lost);
      lost = false;
      try {
        s.addPrompt(QStringLiteral("never written"));
      } catch (const store::ConnectionLost&) {
        lost = true;
      }
      QVERIFY(lost);
    }
    QVERIFY(backend_.cluster()->startServer());
    QCOMPARE(s.findVideoByName(QStringLiteral("kept"))->id, video);
    QVERIFY(s.addPrompt(QStringLiteral("written now")) > 0);
  }
};

QTEST_GUILESS_MAIN(TestChangeWatcher)
#include "test_change_watcher.moc"
