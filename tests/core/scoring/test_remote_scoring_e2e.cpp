// The remote backend against the real `vscore serve` on loopback, on a `vscore demo-model`
// checkpoint: greedy results equal the local worker's (the reference here) in text, scores, soft
// scores and prompt tokens; two servers share the jobs; a server killed mid-batch loses none;
// a killed server restarted where it was is found by the health checks and used again.
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>
#include <map>
#include <memory>

#include "core/scoring/frame_png.h"
#include "core/scoring/remote_scoring_queue.h"
#include "tests/support/scoring_fixture.h"
#include "tests/support/serve_process.h"
#include "core/scoring/scoring_queue.h"

using namespace vs::scoring;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/remote_e2e");
}

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
    if (out.size() == 1 && afterFirst)
      afterFirst();
  });
  QObject::connect(
      &backend, &ScoringBackend::jobFailed, &backend,
      [&](qint64, const QString& code, const QString& message) { *failures << code + ": " + message; });
  if (servedBy != nullptr) {
    QObject::connect(&backend, &ScoringBackend::jobServedBy, &backend,
                     [servedBy](qint64, const QString& s) { servedBy->insert(s); });
  }
  for (int i = 0; i < requests.size(); ++i)
    index.insert(backend.enqueue(requests[i]), i);
  QDeadlineTimer deadline(240000);
  while (static_cast<int>(out.size()) + failures->size() < requests.size() && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
  }
  if (static_cast<int>(out.size()) + failures->size() < requests.size())
    *failures << QStringLiteral("timed out");
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
    QCOMPARE(vs::test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    for (int i = 0; i < 2; ++i) {
      const QString clip = tmpDir() + QStringLiteral("/clip_%1.mp4").arg(i);
      QCOMPARE(vs::test::makeTestPatternClip(clip, i * 90), 0);
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
    vs::test::ServeProcess server;
    QVERIFY(server.start(QStringLiteral(VSCORE_PATH), model_));
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
    vs::test::ServeProcess a, b;
    QVERIFY(a.start(QStringLiteral(VSCORE_PATH), model_));
    QVERIFY(b.start(QStringLiteral(VSCORE_PATH), model_));
    RemoteSettings rs;
    rs.servers << a.url << b.url;
    rs.modelDir = model_;
    rs.concurrency = 1;
    RemoteScoringQueue remote(rs);
    QList<ScoreRequest> many;
    for (int i = 0; i < 6; ++i)
      many << requests_[i % requests_.size()];
    QStringList failures;
    QSet<QString> servedBy;
    const auto results = scoreAll(remote, many, &failures, &servedBy, [&a] { a.process->kill(); });
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(results.size()), many.size());
    QCOMPARE(servedBy.size(), 2);
    compareWithLocal(results, requests_.size());
  }

  void serveAppliesTopKTopPAndRepetitionPenalty() {
    // The per-step top_logprobs come from the processed distribution: top_k=3 leaves exactly three
    // finite entries per step; top_p=1e-9 one (the likeliest token alone holds more than that
    // mass: at least 1/vocabulary); a penalty of 0 is refused with a 400.
    vs::test::ServeProcess server;
    QVERIFY(server.start(QStringLiteral(VSCORE_PATH), model_));
    std::vector<vs::media::RgbImage> frames;
    for (int i = 0; i < 2; ++i) {
      vs::media::RgbImage f(56, 56);
      for (size_t j = 0; j < f.pixels.size(); ++j)
        f.pixels[j] = static_cast<uint8_t>((j * 7 + i * 50) % 251);
      frames.push_back(f);
    }
    const QByteArray url = framesToDataUrl(frames);
    QNetworkAccessManager net;
    const auto post = [&](const QJsonObject& extra, int* status) {
      QJsonObject body{
          {"model", "demo-model"},
          {"messages",
           QJsonArray{QJsonObject{
               {"role", "user"},
               {"content",
                QJsonArray{QJsonObject{{"type", "video_url"},
                                       {"video_url", QJsonObject{{"url", QString::fromLatin1(url)}}}},
                           QJsonObject{{"type", "text"}, {"text", "Rate this."}}}}}}},
          {"temperature", 1.0},
          {"seed", 3},
          {"max_tokens", 6},
          {"logprobs", true},
          {"top_logprobs", 8}};
      for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
      QNetworkRequest req(QUrl(server.url.toString() + "/v1/chat/completions"));
      req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
      QNetworkReply* reply = net.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
      QSignalSpy done(reply, &QNetworkReply::finished);
      done.wait(120000);
      *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
      const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
      reply->deleteLater();
      return o;
    };
    const auto finitePerStep = [](const QJsonObject& reply) {
      QList<int> counts;
      const QJsonArray steps = reply.value("choices")
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value("logprobs")
                                   .toObject()
                                   .value("content")
                                   .toArray();
      for (const QJsonValue& step : steps) {
        int n = 0;
        for (const QJsonValue& t : step.toObject().value("top_logprobs").toArray()) {
          n += t.toObject().value("logprob").toDouble() > -9999 ? 1 : 0;
        }
        counts << n;
      }
      return counts;
    };
    int status = 0;
    const QJsonObject k3 =
        post(QJsonObject{{"top_k", 3}, {"top_p", 1.0}, {"repetition_penalty", 1.0}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(finitePerStep(k3), QList<int>(6, 3));
    const QJsonObject p0 = post(QJsonObject{{"top_k", -1}, {"top_p", 1e-9}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(finitePerStep(p0), QList<int>(6, 1));
    const QJsonObject off = post(QJsonObject{{"top_k", -1}, {"top_p", 1.0}}, &status);
    QCOMPARE(status, 200);
    QCOMPARE(finitePerStep(off), QList<int>(6, 8));  // nothing masked: all eight listed are finite
    post(QJsonObject{{"repetition_penalty", 0}}, &status);
    QCOMPARE(status, 400);
    post(QJsonObject{{"top_k", 2.5}}, &status);
    QCOMPARE(status, 400);
  }

  void aRestartedServerIsTakenBackAndTheOnlyServerIsWaitedFor() {
    // One server, killed after the first result and restarted on its port 1.5 s later: the jobs
    // wait for it (none fails), and every result still equals the local worker's.
    vs::test::ServeProcess a;
    QVERIFY(a.start(QStringLiteral(VSCORE_PATH), model_));
    RemoteSettings rs;
    rs.servers << a.url;
    rs.modelDir = model_;
    rs.concurrency = 1;
    rs.healthIntervalMs = 200;
    RemoteScoringQueue remote(rs);
    QList<bool> ups;
    connect(&remote, &RemoteScoringQueue::serverStateChanged, this,
            [&ups](const QString&, bool up, const QString&) { ups << up; });
    QList<ScoreRequest> many;
    for (int i = 0; i < 6; ++i)
      many << requests_[i % requests_.size()];
    QStringList failures;
    QSet<QString> servedBy;
    bool restarted = false;
    const auto results = scoreAll(remote, many, &failures, &servedBy, [&] {
      a.kill();
      QTimer::singleShot(1500, this,
                         [&] { restarted = a.start(QStringLiteral(VSCORE_PATH), model_, a.port); });
    });
    QVERIFY(restarted);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(results.size()), many.size());
    compareWithLocal(results, requests_.size());
    QCOMPARE(ups, (QList<bool>{false, true}));  // taken out, taken back
  }

  void aHealthCheckMovesJobsOffADeadServerAndBack() {
    // Two servers; A is killed after the first result and comes back 1 s later on its port:
    // its jobs in flight go to B, and A serves again once healthy.
    vs::test::ServeProcess a, b;
    QVERIFY(a.start(QStringLiteral(VSCORE_PATH), model_));
    QVERIFY(b.start(QStringLiteral(VSCORE_PATH), model_));
    RemoteSettings rs;
    rs.servers << a.url << b.url;
    rs.modelDir = model_;
    rs.concurrency = 1;
    rs.healthIntervalMs = 200;
    RemoteScoringQueue remote(rs);
    QList<ScoreRequest> many;
    for (int i = 0; i < 12; ++i)
      many << requests_[i % requests_.size()];
    bool back = false;
    int servedByAAfterBack = 0;
    connect(
        &remote, &RemoteScoringQueue::serverStateChanged, this,
        [&](const QString& url, bool up, const QString&) { back = back || (up && url == a.url.toString()); });
    connect(&remote, &ScoringBackend::jobServedBy, this, [&](qint64, const QString& url) {
      servedByAAfterBack += back && url == a.url.toString() ? 1 : 0;
    });
    QStringList failures;
    bool restarted = false;
    const auto results = scoreAll(remote, many, &failures, nullptr, [&] {
      a.kill();
      QTimer::singleShot(1000, this,
                         [&] { restarted = a.start(QStringLiteral(VSCORE_PATH), model_, a.port); });
    });
    QVERIFY(restarted);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(static_cast<int>(results.size()), many.size());
    compareWithLocal(results, requests_.size());
    QVERIFY(back);
    QVERIFY(servedByAAfterBack >= 1);
  }
};

QTEST_GUILESS_MAIN(TestRemoteScoringE2e)
#include "test_remote_scoring_e2e.moc"
