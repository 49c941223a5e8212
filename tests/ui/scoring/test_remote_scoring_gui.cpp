// Scoring from the GUI on servers: Settings › Scoring keeps the server list (the API key's
// variable name, never a key) per user; the scoring controller sends the project's videos to a
// real HTTP server on loopback; replies that are HTML, truncated JSON or another model's end as
// clear job errors while the window stays up; the Jobs dock names the server of every job and
// the server a retried job failed on first.
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "fake_chat_server.h"
#include "ui/window/action_registry.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/scoring_controller.h"
#include "ui/settings/server_list_editor.h"
#include "ui/settings/settings_dialog.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/remote_gui");
}

bool makeClip(const QString& path, int hue) {
  QProcess p;
  p.start(QStringLiteral("ffmpeg"),
          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
           QStringLiteral("lavfi"), QStringLiteral("-i"),
           QStringLiteral("testsrc=duration=1:size=64x48:rate=4"), QStringLiteral("-vf"),
           QStringLiteral("hue=h=%1").arg(hue), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
  return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A project whose videos (clips beside it) have these prompts, in this order.
QString makeProject(const QString& name, const QStringList& prompts) {
  const QString dir = tmpDir() + QLatin1Char('/') + name;
  QDir(dir).removeRecursively();
  QDir().mkpath(dir);
  const QString path = dir + QStringLiteral("/p.vsproj");
  store::Store store(path, store::OpenMode::CreateNew);
  for (int i = 0; i < prompts.size(); ++i) {
    Video v;
    v.promptId = store.addPrompt(prompts[i]);
    v.name = QStringLiteral("clip%1").arg(i);
    if (!makeClip(dir + QLatin1Char('/') + v.name + QStringLiteral(".mp4"), i * 40))
      return {};
    store.addVideo(v);
  }
  return path;
}

struct Run {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<library::VideoLocator> locator;
  std::unique_ptr<JobsDock> dock = std::make_unique<JobsDock>();
  std::unique_ptr<ScoringController> controller;
  QHash<QString, qint64> jobOf;  // video name -> job id

  explicit Run(const QString& project) {
    store = std::make_unique<store::Store>(project);
    locator = std::make_unique<library::VideoLocator>(library::VideoLocator::forStore(*store));
    controller = std::make_unique<ScoringController>(*store, *locator, *dock);
    controller->setHealthIntervalForTest(200);
  }
  // Scores every video on `servers`; true when all jobs ended.
  bool score(const QList<ScoringServer>& servers) {
    scoring::ScoreSettings s;
    s.sampling = scoring::Sampling::Greedy;
    s.maxNewTokens = 16;
    controller->configure(QString(), QStringLiteral("cpu"), s, servers);
    QSignalSpy done(controller.get(), &ScoringController::allDone);
    for (const store::QueueItem& item : store->listItems()) {
      jobOf.insert(item.video.name, controller->scoreVideo(item.video.id));
    }
    return done.wait(60000);
  }
  QString stateText(const QString& video) const {
    auto* table = dock->findChild<QTableWidget*>(QStringLiteral("jobsTable"));
    for (int r = 0; r < table->rowCount(); ++r) {
      if (table->item(r, 0)->data(Qt::UserRole).toLongLong() == jobOf.value(video))
        return table->item(r, 1)->text();
    }
    return {};
  }
  std::optional<Evaluation> modelEvaluation(const QString& video) const {
    const auto model = store->findAnnotator(ScoringController::modelAnnotator());
    for (const store::QueueItem& item : store->listItems()) {
      if (item.video.name != video || !model)
        continue;
      for (const Evaluation& e : item.evaluations) {
        if (e.annotatorId == model->id)
          return e;
      }
    }
    return std::nullopt;
  }
};

ScoringServer server(const QString& url, int concurrency = 2) {
  ScoringServer s;
  s.url = url;
  s.concurrency = concurrency;
  return s;
}

}  // namespace

class TestRemoteScoringGui : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QDir().mkpath(tmpDir());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmpDir() + QStringLiteral("/settings"));
    QCoreApplication::setOrganizationName(QStringLiteral("VideoScoreTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_remote_scoring_gui"));
    QSettings().clear();
  }

  void settingsKeepTheServerListAndNoKey() {
    qputenv("VS_TEST_SCORING_KEY", "sk-secret-value");
    ActionRegistry registry;
    {
      SettingsDialog dialog(registry);
      QCOMPARE(dialog.engineChoice()->currentData().toString(), QStringLiteral("local"));
      QVERIFY(!dialog.serverList()->isEnabled());
      dialog.engineChoice()->setCurrentIndex(dialog.engineChoice()->findData(QStringLiteral("servers")));
      QVERIFY(dialog.serverList()->isEnabled());
      // No server yet: the dialog stays open and says why.
      dialog.accept();
      QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("serverProblem"))->text().isEmpty());
      QCOMPARE(dialog.result(), 0);
      // A URL that is not http(s) is refused the same way, and nothing typed is lost.
      dialog.serverList()->addServer(QStringLiteral("gpu-box:8000"));
      dialog.accept();
      QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("serverProblem"))
                  ->text()
                  .contains(QStringLiteral("gpu-box")));
      QCOMPARE(dialog.serverList()->servers().size(), 1);
      QTableWidget* table = dialog.serverList()->table();
      table->item(0, 0)->setText(QStringLiteral("http://gpu-box:8000/v1"));
      table->item(0, 1)->setText(QStringLiteral("videoscore2"));
      table->item(0, 2)->setText(QStringLiteral("VS_TEST_SCORING_KEY"));
      dialog.serverList()->addServer(QStringLiteral("http://127.0.0.1:8001"));
      dialog.accept();
      QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    const ScoringSettings loaded = ScoringSettings::load();
    QCOMPARE(loaded.engine, ScoringEngine::Servers);
    QCOMPARE(loaded.servers.size(), 2);
    QCOMPARE(loaded.servers[0].url, QStringLiteral("http://gpu-box:8000/v1"));
    QCOMPARE(loaded.servers[0].servedModel, QStringLiteral("videoscore2"));
    QCOMPARE(loaded.servers[0].apiKeyEnv, QStringLiteral("VS_TEST_SCORING_KEY"));
    QCOMPARE(loaded.servers[1].concurrency, 2);
    // The key is read from the variable when scoring starts, never written down.
    QSettings().sync();
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("VS_TEST_SCORING_KEY"));
    QVERIFY(!stored.contains("sk-secret-value"));
    QString why;
    const auto rs = remoteSettings(loaded.servers, QString(), &why);
    QVERIFY2(rs, qPrintable(why));
    QCOMPARE(rs->endpoints[0].apiKey, QStringLiteral("sk-secret-value"));
    QCOMPARE(rs->endpoints[0].servedModel, QStringLiteral("videoscore2"));
    // A named variable that is not set stops scoring with a message, before any request.
    qunsetenv("VS_TEST_SCORING_KEY");
    QVERIFY(!remoteSettings(loaded.servers, QString(), &why));
    QVERIFY(why.contains(QStringLiteral("VS_TEST_SCORING_KEY")));
    QSettings().clear();
  }

  void badRepliesAreClearJobErrorsAndTheGuiStaysUp() {
    test::FakeChatServer fake;
    fake.on(QStringLiteral("html"),
            {502, "text/html", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"});
    const QByteArray good = fake.goodCompletion();
    fake.on(QStringLiteral("truncated"), {200, "application/json", good.left(good.size() / 2)});
    fake.on(QStringLiteral("impostor"),
            {200, "application/json", fake.goodCompletion(QStringLiteral("llava-7b"))});
    QVERIFY(fake.listen());
    const QString project = makeProject(
        QStringLiteral("bad"), {QStringLiteral("an html page"), QStringLiteral("a truncated reply"),
                                QStringLiteral("an impostor model"), QStringLiteral("a good reply")});
    QVERIFY(!project.isEmpty());
    Run run(project);
    run.dock->show();
    QVERIFY(run.score({server(fake.url())}));
    QCOMPARE(fake.chatRequests(), 4);  // none of these is retried: each is the server's answer
    QCOMPARE(run.dock->state(run.jobOf.value("clip0")), JobState::Failed);
    QVERIFY2(run.stateText("clip0").contains(QStringLiteral("HTML")), qPrintable(run.stateText("clip0")));
    QCOMPARE(run.dock->state(run.jobOf.value("clip1")), JobState::Failed);
    QVERIFY2(run.stateText("clip1").contains(QStringLiteral("not complete JSON")),
             qPrintable(run.stateText("clip1")));
    QCOMPARE(run.dock->state(run.jobOf.value("clip2")), JobState::Failed);
    QVERIFY2(run.stateText("clip2").contains(QStringLiteral("llava-7b")), qPrintable(run.stateText("clip2")));
    QCOMPARE(run.dock->state(run.jobOf.value("clip3")), JobState::Done);
    for (const QString& v : run.jobOf.keys())
      QCOMPARE(run.dock->servedBy(run.jobOf.value(v)).left(fake.url().size()), fake.url());
    // Only the good reply was stored, with the scores and soft scores its logprobs give.
    for (const char* v : {"clip0", "clip1", "clip2"})
      QVERIFY(!run.modelEvaluation(v));
    const std::optional<Evaluation> e = run.modelEvaluation("clip3");
    QVERIFY(e);
    QCOMPARE(e->scores[Dimension::Visual], std::optional<double>(2.4));
    QCOMPARE(e->scores[Dimension::T2V], std::optional<double>(2.0));
    QCOMPARE(e->scores[Dimension::Phy], std::optional<double>(5.0));
    QCOMPARE(e->modelId, QStringLiteral("vs2-test"));  // no model folder: the served model's name
    // Still up: a failed job can be retried from the dock, and it fails again the same way.
    QVERIFY(run.dock->isVisible());
    QSignalSpy done(run.controller.get(), &ScoringController::allDone);
    auto* table = run.dock->findChild<QTableWidget*>(QStringLiteral("jobsTable"));
    table->selectRow(0);
    QPushButton* retry = nullptr;
    for (QPushButton* b : run.dock->findChildren<QPushButton*>()) {
      if (b->text() == QStringLiteral("Retry"))
        retry = b;
    }
    QVERIFY(retry && retry->isEnabled());
    retry->click();
    QVERIFY(done.wait(30000));
    QCOMPARE(fake.chatRequests(), 5);
    QCOMPARE(run.dock->jobCount(), 5);
  }

  void aServerThatFailsHandsItsJobsToAnother() {
    test::FakeChatServer busy, good;
    busy.failEveryChat(503);
    QVERIFY(busy.listen());
    QVERIFY(good.listen());
    const QString project =
        makeProject(QStringLiteral("retry"),
                    {QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")});
    QVERIFY(!project.isEmpty());
    Run run(project);
    QVERIFY(run.score({server(busy.url(), 3), server(good.url(), 1)}));
    QVERIFY(busy.chatRequests() >= 1);
    int retried = 0;
    for (const QString& v : run.jobOf.keys()) {
      const qint64 job = run.jobOf.value(v);
      QCOMPARE(run.dock->state(job), JobState::Done);
      QVERIFY(run.modelEvaluation(v));
      const QString history = run.dock->servedBy(job);
      QVERIFY2(history.endsWith(good.url()), qPrintable(history));
      if (history.startsWith(busy.url() + QStringLiteral(" ✗ → ")))
        ++retried;
    }
    QVERIFY(retried >= 1);
  }
};

QTEST_MAIN(TestRemoteScoringGui)
#include "test_remote_scoring_gui.moc"
