// Eight annotator processes on one PostgreSQL project at once, each leasing a video, judging it
// and editing its judgement until nothing is left (k = 2 people per video): no edit is lost and
// no video is handed to more than k people. The workers are this program again, started with
// VS_STRESS_WORKER=<name> (the project URI in VS_STRESS_PROJECT); each prints one line per step
// it saw committed. Also run on SQLite (the _sqlite twin), where writers take turns.
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>
#include <cstdio>
#include <map>
#include <set>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "store_backend.h"

using namespace vs;
using vs::store::OpenMode;
using vs::store::Store;

namespace {

// Videos in the project: 120, or VS_STRESS_VIDEOS (a longer run by hand).
int videoCount() {
  const int n = qEnvironmentVariableIntValue("VS_STRESS_VIDEOS");
  return n > 0 ? n : 120;
}
constexpr int kWorkers = 8;
constexpr int kPerVideo = 2;

// A worker: lease, judge, edit, until nothing is left or the time is up. Prints
// "LEASE <video>" once a lease is committed and "EDIT <video> <thinking>" once an edit is.
int runWorker(const QString& name, const QString& project, int seconds) {
  try {
    Store s(project, OpenMode::OpenExisting, 30000);
    const qint64 me = s.addAnnotator(name, AnnotatorKind::Human);
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    while (timer.elapsed() < seconds * 1000) {
      const auto lease = s.leaseNext(name, 120);
      if (!lease)
        break;
      std::printf("LEASE %s\n", qPrintable(lease->videoName));
      Evaluation e;
      e.videoId = lease->videoId;
      e.annotatorId = me;
      e.scores.value = {1.0 + n % 5, 2.0, 3.0};
      const qint64 id = s.upsertEvaluation(e);
      for (int edit = 0; edit < 3; ++edit) {
        const QString thinking = QStringLiteral("%1-%2-%3").arg(name).arg(n).arg(edit);
        s.editField(id, EvaluationField::Thinking, thinking);
        std::printf("EDIT %s %s\n", qPrintable(lease->videoName), qPrintable(thinking));
      }
      std::fflush(stdout);
      ++n;
    }
    return 0;
  } catch (const vs::Error& e) {
    std::fprintf(stderr, "%s\n", qPrintable(e.full()));
    return 1;
  }
}

vs::test::StoreBackend g_backend;

}  // namespace

class TestTeamStress : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_team_stress"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    QString whyNot;
    if (!g_backend.init(QDir(scratch), &whyNot))
      QSKIP(qPrintable(whyNot));
  }

  void eightAnnotators() {
    const QString project = g_backend.fresh(QStringLiteral("stress"));
    {
      Store s(project, OpenMode::CreateNew);
      s.setJudgementsPerVideo(kPerVideo);
      for (int i = 0; i < videoCount(); ++i) {
        Video v;
        v.name = QStringLiteral("v%1").arg(i, 4, 10, QLatin1Char('0'));
        s.addVideo(v);
      }
    }
    const int seconds = qEnvironmentVariableIntValue("VS_STRESS_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("VS_STRESS_SECONDS")
                            : 50;
    std::vector<std::unique_ptr<QProcess>> workers;
    QElapsedTimer timer;
    timer.start();
    for (int w = 0; w < kWorkers; ++w) {
      auto p = std::make_unique<QProcess>();
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert(QStringLiteral("VS_STRESS_WORKER"), QStringLiteral("annotator%1").arg(w));
      env.insert(QStringLiteral("VS_STRESS_PROJECT"), project);
      env.insert(QStringLiteral("VS_STRESS_SECONDS"), QString::number(seconds));
      p->setProcessEnvironment(env);
      p->start(QCoreApplication::applicationFilePath(), {});
      QVERIFY(p->waitForStarted());
      workers.push_back(std::move(p));
    }
    std::map<QString, std::set<QString>> leasedTo;          // video -> people
    std::map<std::pair<QString, QString>, QString> edited;  // (person, video) -> last thinking
    int edits = 0;
    for (int w = 0; w < kWorkers; ++w) {
      QProcess& p = *workers[static_cast<size_t>(w)];
      QVERIFY(p.waitForFinished((seconds + 60) * 1000));
      QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
      const QString name = QStringLiteral("annotator%1").arg(w);
      for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() == 2 && f[0] == "LEASE")
          leasedTo[QString::fromUtf8(f[1])].insert(name);
        if (f.size() == 3 && f[0] == "EDIT") {
          edited[{name, QString::fromUtf8(f[1])}] = QString::fromUtf8(f[2]);
          ++edits;
        }
      }
    }
    const qint64 ms = timer.elapsed();
    int overLeased = 0;
    for (const auto& [video, people] : leasedTo)
      overLeased += people.size() > kPerVideo ? 1 : 0;
    Store s(project);
    int lost = 0;
    for (const auto& [key, thinking] : edited) {
      const auto who = s.findAnnotator(key.first);
      const auto video = s.findVideoByName(key.second);
      const auto e = who && video ? s.findEvaluation(video->id, who->id) : std::nullopt;
      if (!e || e->thinking != thinking)
        ++lost;
    }
    qInfo(
        "%d workers, %d videos x %d: %d leases, %d edits in %lld ms; %d lost edits, %d videos leased to more "
        "than %d people",
        kWorkers, videoCount(), kPerVideo, static_cast<int>(edited.size()), edits, ms, lost, overLeased,
        kPerVideo);
    QCOMPARE(lost, 0);
    QCOMPARE(overLeased, 0);
    QCOMPARE(s.stats().evaluations, qint64(videoCount() * kPerVideo));  // everything was judged k times
    QCOMPARE(static_cast<qint64>(edited.size()), qint64(videoCount() * kPerVideo));
    QCOMPARE(static_cast<int>(leasedTo.size()), videoCount());
  }
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QString worker = qEnvironmentVariable("VS_STRESS_WORKER");
  if (!worker.isEmpty()) {
    return runWorker(worker, qEnvironmentVariable("VS_STRESS_PROJECT"),
                     qEnvironmentVariableIntValue("VS_STRESS_SECONDS"));
  }
  TestTeamStress test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_team_stress.moc"
