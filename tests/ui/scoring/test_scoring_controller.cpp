// The scoring controller on the real local worker (vscore-worker, started by the controller) with
// a `vscore demo-model` checkpoint: it queues the videos that have no model result and a file,
// the Jobs dock follows each job from queued to done, each result is stored as the model's
// evaluation of its own video (and only then announced), a cancelled job is retried from the dock
// while a finished one is not, and a controller with no model queues nothing.
#include <QSignalSpy>
#include <QtTest>

#include "core/library/video_locator.h"
#include "core/scoring/demo_model.h"
#include "core/store/store.h"
#include "tests/support/scoring_fixture.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/scoring_controller.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/scoring_controller");
}

scoring::ScoreSettings shortGreedy() {
  scoring::ScoreSettings s;
  s.sampling = scoring::Sampling::Greedy;
  s.maxNewTokens = 10;
  s.format = scoring::ScoreFormat::Constrained;  // the score block is always there to parse
  return s;
}

}  // namespace

class TestScoringController : public QObject {
  Q_OBJECT
  QString model_;
  QStringList clips_;

  struct Project {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<library::VideoLocator> locator;
    QHash<QString, qint64> ids;  // video name -> id
  };

  // Videos c0..c2 on the clips, and "gone" whose file does not exist; c0 already has a result
  // from the model annotator (written here, by hand).
  Project makeProject(const QString& name) {
    const QString path = tmpDir() + QLatin1Char('/') + name + QStringLiteral(".vsproj");
    QFile::remove(path);
    Project p;
    p.store = std::make_unique<store::Store>(path, store::OpenMode::CreateNew);
    const qint64 prompt = p.store->addPrompt(QStringLiteral("A test pattern turning colour."));
    for (int i = 0; i <= clips_.size(); ++i) {
      Video v;
      v.promptId = prompt;
      v.name = i < clips_.size() ? QStringLiteral("c%1").arg(i) : QStringLiteral("gone");
      v.path = i < clips_.size() ? clips_[i] : tmpDir() + QStringLiteral("/gone.mp4");
      p.ids.insert(v.name, p.store->addVideo(v));
    }
    Evaluation earlier;
    earlier.videoId = p.ids.value(QStringLiteral("c0"));
    earlier.annotatorId = p.store->addAnnotator(ScoringController::modelAnnotator(), AnnotatorKind::Model);
    earlier.origin = Origin::Model;
    earlier.modelId = QStringLiteral("an-earlier-run");
    earlier.thinking = QStringLiteral("scored before");
    p.store->upsertEvaluation(earlier);
    p.locator = std::make_unique<library::VideoLocator>(library::VideoLocator::forStore(*p.store));
    return p;
  }

  std::optional<Evaluation> modelResult(const Project& p, const QString& video) {
    const auto model = p.store->findAnnotator(ScoringController::modelAnnotator());
    return model ? p.store->findEvaluation(p.ids.value(video), model->id) : std::nullopt;
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    for (int i = 0; i < 3; ++i) {
      clips_ << tmpDir() + QStringLiteral("/c%1.mp4").arg(i);
      QCOMPARE(test::makeTestPatternClip(clips_.back(), i * 100), 0);
    }
  }

  void withoutAModelNothingIsQueued() {
    Project p = makeProject(QStringLiteral("none"));
    JobsDock dock;
    ScoringController controller(*p.store, *p.locator, dock);
    QCOMPARE(controller.scoreUnscored(), 0);  // not configured
    controller.configure(QString(), QStringLiteral("cpu"), shortGreedy());
    QCOMPARE(controller.scoreUnscored(), 0);
    QCOMPARE(controller.scoreVideo(p.ids.value(QStringLiteral("c1"))), qint64(0));
    QVERIFY(!controller.isActive());
  }

  void queuesTheUnscoredAndStoresEachResultForItsVideo() {
    Project p = makeProject(QStringLiteral("unscored"));
    JobsDock dock;
    ScoringController controller(*p.store, *p.locator, dock);
    controller.configure(model_, QStringLiteral("cpu"), shortGreedy());
    QCOMPARE(controller.settings().maxNewTokens, 10);
    QSignalSpy stored(&controller, &ScoringController::resultStored);
    QSignalSpy done(&controller, &ScoringController::allDone);
    // c0 has a result, "gone" has no file: c1 and c2 are queued.
    QCOMPARE(controller.scoreUnscored(), 2);
    QVERIFY(controller.isActive());
    QCOMPARE(controller.activeJobs(), 2);
    // Each result is in the store by the time it is announced.
    QStringList storedWhenAnnounced;
    connect(&controller, &ScoringController::resultStored, this, [&](qint64 videoId) {
      const QString name = p.ids.key(videoId);
      if (modelResult(p, name))
        storedWhenAnnounced << name;
    });
    QVERIFY(done.wait(300000));
    QVERIFY(!controller.isActive());

    QSet<qint64> announced;
    for (const QList<QVariant>& args : stored) {
      announced.insert(args.at(0).toLongLong());
    }
    QCOMPARE(announced, (QSet<qint64>{p.ids.value(QStringLiteral("c1")), p.ids.value(QStringLiteral("c2"))}));
    storedWhenAnnounced.sort();
    QCOMPARE(storedWhenAnnounced, (QStringList{QStringLiteral("c1"), QStringLiteral("c2")}));
    for (const QString& name : {QStringLiteral("c1"), QStringLiteral("c2")}) {
      const std::optional<Evaluation> e = modelResult(p, name);
      QVERIFY(e);
      QCOMPARE(e->origin, Origin::Model);
      QCOMPARE(e->modelId, QString::fromLatin1(scoring::kDemoModelId));  // the demo checkpoint's marker
      QVERIFY2(e->scores.complete(), qPrintable(e->thinking));
      QVERIFY(!e->thinking.isEmpty());
    }
    // The earlier result is left as it was; the missing video got none.
    QCOMPARE(modelResult(p, QStringLiteral("c0"))->modelId, QStringLiteral("an-earlier-run"));
    QCOMPARE(modelResult(p, QStringLiteral("c0"))->thinking, QStringLiteral("scored before"));
    QVERIFY(!modelResult(p, QStringLiteral("gone")));
    // Nothing is left to score.
    QCOMPARE(controller.scoreUnscored(), 0);
  }

  void aCancelledJobIsRetriedFromTheDockAFinishedOneIsNot() {
    Project p = makeProject(QStringLiteral("retry"));
    JobsDock dock;
    ScoringController controller(*p.store, *p.locator, dock);
    controller.configure(model_, QStringLiteral("cpu"), shortGreedy());
    QSignalSpy done(&controller, &ScoringController::allDone);
    QSignalSpy stored(&controller, &ScoringController::resultStored);
    const qint64 first = controller.scoreVideo(p.ids.value(QStringLiteral("c1")));
    const qint64 second = controller.scoreVideo(p.ids.value(QStringLiteral("c2")));
    QVERIFY(first != 0 && second != 0 && first != second);
    QCOMPARE(dock.state(second), JobState::Queued);
    emit dock.cancelRequested(second);  // still waiting behind the first: cancelled at once
    QCOMPARE(dock.state(second), JobState::Cancelled);
    QCOMPARE(controller.activeJobs(), 1);
    QVERIFY(done.wait(300000));
    QCOMPARE(dock.state(first), JobState::Done);
    QVERIFY(modelResult(p, QStringLiteral("c1")));
    QVERIFY(!modelResult(p, QStringLiteral("c2")));

    // Retry on the finished job does nothing; on the cancelled one it queues its video again.
    emit dock.retryRequested(first);
    QVERIFY(!controller.isActive());
    emit dock.retryRequested(second);
    QVERIFY(controller.isActive());
    QVERIFY(done.wait(300000));
    QCOMPARE(stored.count(), 2);
    QCOMPARE(stored.last().at(0).toLongLong(), p.ids.value(QStringLiteral("c2")));
    QVERIFY(modelResult(p, QStringLiteral("c2")));
    // A second retry of the same cancelled job is spent.
    emit dock.retryRequested(second);
    QVERIFY(!controller.isActive());
  }
};

QTEST_MAIN(TestScoringController)
#include "test_scoring_controller.moc"
