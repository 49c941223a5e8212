// The remote backend against the real `vscore serve` on loopback, on a `vscore demo-model`
// checkpoint: greedy results equal the local worker's (the reference here) in text, scores, soft
// scores and prompt tokens; two servers share the jobs; a server killed mid-batch loses none.
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>
#include <map>
#include <memory>

#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/scoring_queue.h"

using namespace vs::scoring;

namespace {

QString tmpDir() { return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/remote_e2e"); }

int runTool(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit) return -1;
  if (p.exitCode() != 0) qWarning("%s", p.readAllStandardError().constData());
  return p.exitCode();
}

// `vscore serve` on a free loopback port; the port is read from its first stderr line.
struct Server {
  std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
  QUrl url;
  bool start(const QString& model) {
    process->start(QStringLiteral(VSCORE_PATH), {QStringLiteral("serve"), QStringLiteral("--model"), model,
                                                 QStringLiteral("--port"), QStringLiteral("0")});
    process->setReadChannel(QProcess::StandardError);
    QByteArray seen;
    static const QRegularExpression re(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)"));
    while (process->waitForReadyRead(60000) || process->state() == QProcess::Running) {
      seen += process->readAllStandardError();
      const auto m = re.match(QString::fromUtf8(seen));
      if (m.hasMatch()) {
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1)));
        return true;
      }
      if (process->state() != QProcess::Running) break;
    }
    qWarning("vscore serve did not start: %s", seen.constData());
    return false;
  }
  ~Server() {
    if (process->state() != QProcess::NotRunning) {
      process->kill();
      process->waitForFinished(5000);
    }
  }
};

ScoreSettings greedySettings() {
  ScoreSettings s;
  s.sampling = Sampling::Greedy;
  s.maxNewTokens = 10;
  s.format = ScoreFormat::Constrained;
  return s;
}

// Scores every request through `backend`; results by request index.
std::map<int, ScoreResult> scoreAll(ScoringBackend& backend, const QList<ScoreRequest>& requests,
                                    QStringList* failures, QSet<QString>* servedBy = nullptr,
                                    const std::function<void()>& afterFirst = {}) {
  std::map<int, ScoreResult> out;
  QHash<qint64, int> index;
  QObject::connect(&backend, &ScoringBackend::jobFinished, &backend, [&](qint64 id, const ScoreResult& r) {
    out[index.value(id)] = r;
    if (out.size() == 1 && afterFirst) afterFirst();
  });
  QObject::connect(&backend, &ScoringBackend::jobFailed, &backend,
                   [&](qint64, const QString& code, const QString& message) { *failures << code + ": " + message; });
  if (servedBy != nullptr) {
    QObject::connect(&backend, &ScoringBackend::jobServedBy, &backend,
                     [servedBy](qint64, const QString& s) { servedBy->insert(s); });
  }
  for (int i = 0; i < requests.size(); ++i) index.insert(backend.enqueue(requests[i]), i);
  QDeadlineTimer deadline(240000);
  while (static_cast<int>(out.size()) + failures->size() < requests.size() && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
  }
  if (static_cast<int>(out.size()) + failures->size() < requests.size()) *failures << QStringLiteral("timed out");
  return out;
}

}  // namespace

class TestRemoteScoringE2e : public QObject {
  Q_OBJECT
  QString model_;
  QList<ScoreRequest> requests_;
  std::map<int, ScoreResult> local_;

  void compareWithLocal(const std::map<int, ScoreResult>& remote, int clips) {
    for (const auto& [i, r] : remote) {
      const ScoreResult& l = local_.at(i % clips);
      QCOMPARE(r.text, l.text);
      QCOMPARE(r.hard, l.hard);
      QCOMPARE(r.soft, l.soft);
      QCOMPARE(r.promptTokens, l.promptTokens);
      QCOMPARE(r.generatedTokens, l.generatedTokens);
    }
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(runTool(QStringLiteral(VSCORE_PATH), {QStringLiteral("demo-model"), QStringLiteral("--out"), model_,
                                                   QStringLiteral("--seed"), QStringLiteral("7")}),
             0);
    for (int i = 0; i < 2; ++i) {
      const QString clip = tmpDir() + QStringLiteral("/clip_%1.mp4").arg(i);
      QCOMPARE(runTool(QStringLiteral("ffmpeg"),
                       {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                        QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("testsrc=duration=2:size=96x72:rate=4"), QStringLiteral("-vf"),
                        QStringLiteral("hue=h=%1").arg(i * 90), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                        clip}),
               0);
      ScoreRequest r;
      r.videoPath = clip;
      r.prompt = QStringLiteral("A test pattern, $5 worth.");
      r.settings = greedySettings();
      requests_ << r;
    }
    WorkerSettings ws;
    ws.program = QStringLiteral(VS_WORKER_PATH);
    ws.modelDir = model_;
    ScoringQueue local(ws);
    QStringList failures;
    local_ = scoreAll(local, requests_, &failures);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(local_.size()), requests_.size());
    // The reference must have something to compare: scores parsed, soft scores present.
    QVERIFY(local_.at(0).parsed);
    QVERIFY(local_.at(0).soft[0].has_value());
  }

  void servedResultsEqualTheLocalWorkers() {
    Server server;
    QVERIFY(server.start(model_));
    RemoteSettings rs;
    rs.servers << server.url;
    rs.modelDir = model_;  // turns the prompt-token check on
    RemoteScoringQueue remote(rs);
    QStringList failures;
    const auto results = scoreAll(remote, requests_, &failures);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(results.size()), requests_.size());
    compareWithLocal(results, requests_.size());
    QCOMPARE(results.at(0).raw.value("settings").toObject().value("prompt_tokens_checked").toBool(), true);
  }

  void twoServersShareTheJobsAndAKilledOneLosesNone() {
    Server a, b;
    QVERIFY(a.start(model_));
    QVERIFY(b.start(model_));
    RemoteSettings rs;
    rs.servers << a.url << b.url;
    rs.modelDir = model_;
    rs.concurrency = 1;
    RemoteScoringQueue remote(rs);
    QList<ScoreRequest> many;
    for (int i = 0; i < 6; ++i) many << requests_[i % requests_.size()];
    QStringList failures;
    QSet<QString> servedBy;
    const auto results = scoreAll(remote, many, &failures, &servedBy, [&a] { a.process->kill(); });
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(results.size()), many.size());
    QCOMPARE(servedBy.size(), 2);
    compareWithLocal(results, requests_.size());
  }
};

QTEST_GUILESS_MAIN(TestRemoteScoringE2e)
#include "test_remote_scoring_e2e.moc"
