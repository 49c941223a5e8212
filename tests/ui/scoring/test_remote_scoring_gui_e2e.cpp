// A scoring run from the GUI's controller through `vscore serve` on loopback, on a
// `vscore demo-model` checkpoint, stores the same results as the same run on the local worker
// (the reference): scores and soft scores, the model's text, the model id.
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include "tests/support/scoring_fixture.h"
#include "tests/support/serve_process.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/scoring_controller.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/remote_gui_e2e");
}

}  // namespace

class TestRemoteScoringGuiE2e : public QObject {
  Q_OBJECT
  QString model_;
  QStringList clips_;

  // A fresh project over the clips, scored by the controller (on `servers`, or locally);
  // the model's evaluations by video name.
  QHash<QString, Evaluation> scoreProject(const QString& name, const QList<ScoringServer>& servers,
                                          QStringList* servedBy) {
    const QString path = tmpDir() + QLatin1Char('/') + name + QStringLiteral(".vsproj");
    QFile::remove(path);
    {
      store::Store store(path, store::OpenMode::CreateNew);
      const qint64 prompt = store.addPrompt(QStringLiteral("A test pattern, $5 worth."));
      for (const QString& clip : clips_) {
        Video v;
        v.promptId = prompt;
        v.name = QFileInfo(clip).completeBaseName();
        v.path = clip;
        store.addVideo(v);
      }
    }
    store::Store store(path);
    const library::VideoLocator locator = library::VideoLocator::forStore(store);
    JobsDock dock;
    ScoringController controller(store, locator, dock);
    scoring::ScoreSettings s;
    s.sampling = scoring::Sampling::Greedy;
    s.maxNewTokens = 10;
    s.format = scoring::ScoreFormat::Constrained;
    controller.configure(model_, QStringLiteral("cpu"), s, servers);
    QSignalSpy done(&controller, &ScoringController::allDone);
    QList<qint64> jobs;
    for (const store::QueueItem& item : store.listItems())
      jobs << controller.scoreVideo(item.video.id);
    if (!done.wait(240000))
      return {};
    for (qint64 job : jobs) {
      if (dock.state(job) != JobState::Done)
        qWarning("job %lld did not finish", static_cast<long long>(job));
      *servedBy << dock.servedBy(job);
    }
    QHash<QString, Evaluation> out;
    const auto annotator = store.findAnnotator(ScoringController::modelAnnotator());
    for (const store::QueueItem& item : store.listItems()) {
      for (const Evaluation& e : item.evaluations) {
        if (annotator && e.annotatorId == annotator->id)
          out.insert(item.video.name, e);
      }
    }
    return out;
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    for (int i = 0; i < 3; ++i) {
      const QString clip = tmpDir() + QStringLiteral("/clip_%1.mp4").arg(i);
      QCOMPARE(test::makeTestPatternClip(clip, i * 70), 0);
      clips_ << clip;
    }
  }

  void servedRunStoresTheLocalWorkersResults() {
    QStringList localBy;
    const QHash<QString, Evaluation> local = scoreProject(QStringLiteral("local"), {}, &localBy);
    QCOMPARE(local.size(), clips_.size());
    QCOMPARE(localBy, QStringList(clips_.size(), QStringLiteral("local")));
    // Something to compare: parsed scores, soft (not all integers).
    QVERIFY(local.begin()->scores.complete());

    test::ServeProcess server;
    QVERIFY(server.start(QStringLiteral(VSCORE_PATH), model_));
    ScoringServer entry;
    entry.url = server.url.toString();
    entry.concurrency = 2;
    QStringList remoteBy;
    const QHash<QString, Evaluation> remote = scoreProject(QStringLiteral("remote"), {entry}, &remoteBy);
    QCOMPARE(remote.size(), clips_.size());
    QCOMPARE(remoteBy, QStringList(clips_.size(), entry.url));
    for (auto it = local.cbegin(); it != local.cend(); ++it) {
      const Evaluation& l = it.value();
      const Evaluation& r = remote.value(it.key());
      QCOMPARE(r.scores, l.scores);
      QCOMPARE(r.thinking, l.thinking);
      QCOMPARE(r.modelId, l.modelId);
      QCOMPARE(r.origin, l.origin);
      QVERIFY(r.settingsJson.contains(QStringLiteral("remote")));  // where it ran is kept with the result
    }
  }
};

QTEST_MAIN(TestRemoteScoringGuiE2e)
#include "test_remote_scoring_gui_e2e.moc"
