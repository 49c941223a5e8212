// ui/team_lease.cpp through the main window: on a PostgreSQL team project "next unscored" (N)
// leases, so two annotators' windows never get one video beyond the project's k judgements; the
// lease is renewed while one stays on the video and given back on leaving it. A .vsproj keeps
// the plain queue walk. Runs against a throwaway PostgreSQL cluster (skips when there is none).
#include <QAction>
#include <QDir>
#include <QSet>
#include <QSettings>
#include <QtTest>
#include <memory>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "pg_cluster.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/window/action_registry.h"
#include "ui/window/main_window.h"

using namespace vs;
using vs::store::OpenMode;
using vs::store::Store;
using vs::ui::BusyPolicy;
using vs::ui::MainWindow;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_team_lease"));
}

void addVideos(Store& s, int count) {
  const qint64 prompt = s.addPrompt(QStringLiteral("a cat on a skateboard"));
  for (int i = 0; i < count; ++i) {
    Video v;
    v.promptId = prompt;
    v.name = QStringLiteral("v%1").arg(i, 2, 10, QLatin1Char('0'));
    v.path = QStringLiteral("/nonexistent/%1.mp4").arg(v.name);
    s.addVideo(v);
  }
}

// A window of `annotator` on `project` (the name is read when the project opens).
std::unique_ptr<MainWindow> openAs(const QString& annotator, const QString& project) {
  QSettings().setValue(QStringLiteral("annotator/name"), annotator);
  auto w = std::make_unique<MainWindow>();
  w->show();
  if (!w->openProject(project, BusyPolicy::ReadOnly))
    return nullptr;
  return w;
}

void pressN(MainWindow& w) {
  w.actions().action(QStringLiteral("nav.nextUnscored"))->trigger();
}

// The person finishes the video on screen (a judgement saved through the window's store).
void judgeCurrent(MainWindow& w, const QString& annotator) {
  Evaluation e;
  e.videoId = w.currentVideo();
  e.annotatorId = w.store()->addAnnotator(annotator, AnnotatorKind::Human);
  e.scores.value = {3.0, 4.0, 2.0};
  w.store()->upsertEvaluation(e);
}

int leasesOf(Store& s, const QString& annotator) {
  const auto who = s.findAnnotator(annotator);
  int n = 0;
  for (const auto& l : s.liveLeases())
    n += who && l.annotatorId == who->id;
  return n;
}

}  // namespace

class TestTeamLease : public QObject {
  Q_OBJECT
  std::unique_ptr<test::PgCluster> cluster_;

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
    qputenv("XDG_CONFIG_HOME", (tmpDir() + QStringLiteral("/config")).toUtf8());
    QSettings().clear();
    QString whyNot;
    cluster_ = test::PgCluster::start(&whyNot);
    if (!cluster_)
      QSKIP(qPrintable(whyNot));
  }

  void oneJudgementNeverTheSameVideo() {
    const QString uri = cluster_->createDatabase(QStringLiteral("k1"));
    {
      Store s(uri, OpenMode::CreateNew);
      addVideos(s, 7);
    }
    auto ana = openAs(QStringLiteral("ana"), uri);
    auto bo = openAs(QStringLiteral("bo"), uri);
    QVERIFY(ana && bo);
    QSet<qint64> anas, bos;
    for (int round = 0; round < 10; ++round) {
      pressN(*ana);
      pressN(*bo);
      // A lease is held exactly when N gave a video (the judged one before was given back).
      const bool gotA = leasesOf(*ana->store(), QStringLiteral("ana")) == 1;
      const bool gotB = leasesOf(*bo->store(), QStringLiteral("bo")) == 1;
      if (!gotA && !gotB)
        break;
      if (gotA && gotB)
        QVERIFY2(ana->currentVideo() != bo->currentVideo(), "both annotators were given one video");
      // Pressing N again without finishing keeps one's own video (the lease renewed).
      if (gotA) {
        const qint64 held = ana->currentVideo();
        pressN(*ana);
        QCOMPARE(ana->currentVideo(), held);
        QVERIFY(!anas.contains(held) && !bos.contains(held));
        anas.insert(held);
        judgeCurrent(*ana, QStringLiteral("ana"));
      }
      if (gotB) {
        const qint64 held = bo->currentVideo();
        QVERIFY(!anas.contains(held) && !bos.contains(held));
        bos.insert(held);
        judgeCurrent(*bo, QStringLiteral("bo"));
      }
    }
    QVERIFY(!anas.isEmpty() && !bos.isEmpty());
    QCOMPARE(anas.size() + bos.size(), 7);  // every video judged exactly once
    QVERIFY(!anas.intersects(bos));
  }

  void twoJudgementsMayShare() {
    const QString uri = cluster_->createDatabase(QStringLiteral("k2"));
    {
      Store s(uri, OpenMode::CreateNew);
      s.setJudgementsPerVideo(2);
      addVideos(s, 3);
    }
    auto ana = openAs(QStringLiteral("ana"), uri);
    auto bo = openAs(QStringLiteral("bo"), uri);
    auto cy = openAs(QStringLiteral("cy"), uri);
    QVERIFY(ana && bo && cy);
    pressN(*ana);
    pressN(*bo);
    pressN(*cy);
    const qint64 first = ana->store()->findVideoByName(QStringLiteral("v00"))->id;
    QCOMPARE(ana->currentVideo(), first);
    QCOMPARE(bo->currentVideo(), first);   // two people on one video: k = 2
    QVERIFY(cy->currentVideo() != first);  // but not a third
    QCOMPARE(leasesOf(*cy->store(), QStringLiteral("cy")), 1);
  }

  void renewedWhileStayingReleasedOnLeaving() {
    const QString uri = cluster_->createDatabase(QStringLiteral("renew"));
    {
      Store s(uri, OpenMode::CreateNew);
      addVideos(s, 3);
    }
    QSettings().setValue(QStringLiteral("team/leaseSeconds"), 2);
    auto ana = openAs(QStringLiteral("ana"), uri);
    auto bo = openAs(QStringLiteral("bo"), uri);
    QSettings().remove(QStringLiteral("team/leaseSeconds"));
    QVERIFY(ana && bo);
    pressN(*ana);
    const qint64 held = ana->currentVideo();
    QCOMPARE(leasesOf(*ana->store(), QStringLiteral("ana")), 1);
    // Three lease lengths on the video: the renewal keeps it, so bo is given another one.
    QTest::qWait(6000);
    QCOMPARE(leasesOf(*ana->store(), QStringLiteral("ana")), 1);
    pressN(*bo);
    QVERIFY(bo->currentVideo() != held);
    // ana moves on without judging (next item, J): the lease goes back at once.
    ana->actions().action(QStringLiteral("nav.next"))->trigger();
    QVERIFY(ana->currentVideo() != held);
    QCOMPARE(leasesOf(*ana->store(), QStringLiteral("ana")), 0);
    // Closing a window gives its lease back too.
    const qint64 bos = bo->currentVideo();
    bo.reset();
    QCOMPARE(leasesOf(*ana->store(), QStringLiteral("bo")), 0);
    pressN(*ana);  // the lowest video with room again: the one ana left
    QCOMPARE(ana->currentVideo(), held);
    Q_UNUSED(bos);
  }

  void singleUserFileDoesNotLease() {
    const QString path = vs::test::makeProject(tmpDir() + QStringLiteral("/single"), 2);
    auto w = openAs(QStringLiteral("ana"), path);
    QVERIFY(w);
    const qint64 start = w->currentVideo();
    pressN(*w);
    pressN(*w);
    QVERIFY(w->currentVideo() != start);  // the queue walk, not a held lease
    QVERIFY(w->store()->liveLeases().isEmpty());
  }

  void cleanupTestCase() { cluster_.reset(); }
};

QTEST_MAIN(TestTeamLease)
#include "test_team_lease.moc"
