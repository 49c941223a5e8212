// One score waited for, against the real vscore-worker on a `vscore demo-model` checkpoint: the
// local path (start, load, score with progress, stop, load_ms in the timings), the remote path
// through a ChatServer on loopback (the same text and scores as the local worker's), and the
// error kinds both report by the protocol's codes.
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

#include "core/domain/error.h"
#include "core/scoring/chat_server.h"
#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/single_score.h"
#include "tests/support/scoring_fixture.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/single_score");
}

LocalModel worker(const QString& model) {
  return LocalModel{QStringLiteral(VS_WORKER_PATH), model, QStringLiteral("cpu"), QStringLiteral("f32")};
}

// The vs::Error `f` throws.
Error errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return Error(Error::Kind::Io, QString(), QStringLiteral("no error thrown"));
}

}  // namespace

class TestSingleScore : public QObject {
  Q_OBJECT
  QString model_;
  ScoreRequest request_;

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    request_.videoPath = tmpDir() + QStringLiteral("/clip.mp4");
    QCOMPARE(test::makeTestPatternClip(request_.videoPath, 0), 0);
    request_.prompt = QStringLiteral("A test pattern.");
    request_.settings.sampling = Sampling::Greedy;
    request_.settings.maxNewTokens = 10;
    request_.settings.format = ScoreFormat::Constrained;
  }

  void errorKindsFollowTheCode() {
    QCOMPARE(errorKindOf(QStringLiteral("bad_model")), Error::Kind::InvalidData);
    QCOMPARE(errorKindOf(QStringLiteral("bad_video")), Error::Kind::InvalidData);
    QCOMPARE(errorKindOf(QStringLiteral("invalid_request")), Error::Kind::Usage);
    QCOMPARE(errorKindOf(QStringLiteral("worker_crashed")), Error::Kind::Io);
    QCOMPARE(errorKindOf(QStringLiteral("server_unavailable")), Error::Kind::Io);
    const Error e =
        errorOf([] { throwScoringError(QStringLiteral("bad_video"), QStringLiteral("no frames")); });
    QCOMPARE(e.kind(), Error::Kind::InvalidData);
    QCOMPARE(e.full(), QStringLiteral("bad_video: no frames"));
  }

  void localScoreWithProgressAndLoadTime() {
    QList<QJsonObject> events;
    const QJsonObject r =
        scoreWithWorker(worker(model_), request_, [&](const QJsonObject& e) { events << e; });
    QVERIFY(r.value("parsed").toBool());
    QCOMPARE(r.value("constrained").toBool(), true);
    QCOMPARE(r.value("settings").toObject().value("model").toString(), model_);
    const QJsonObject timings = r.value("timings").toObject();
    QVERIFY2(timings.value("load_ms").toDouble() > 0, qPrintable(QJsonDocument(timings).toJson()));
    QVERIFY(timings.value("total_ms").toDouble() > 0);
    // Progress events, then the one empty object that ends them.
    QVERIFY(events.size() >= 2);
    QVERIFY(events.last().isEmpty());
    for (qsizetype i = 0; i + 1 < events.size(); ++i)
      QVERIFY(!events[i].value("stage").toString().isEmpty());
    QVERIFY(std::any_of(events.begin(), events.end(), [](const QJsonObject& e) {
      return e.value("stage").toString() == QLatin1String("generating");
    }));
  }

  void localFailures() {
    Error e = errorOf([&] { scoreWithWorker(worker(QStringLiteral("/nonexistent")), request_); });
    QCOMPARE(e.kind(), Error::Kind::InvalidData);
    QVERIFY2(e.full().startsWith(QStringLiteral("bad_model: ")), qPrintable(e.full()));
    e = errorOf([&] {
      scoreWithWorker(LocalModel{tmpDir() + QStringLiteral("/no-worker"), model_, "cpu", "f32"}, request_);
    });
    QCOMPARE(e.kind(), Error::Kind::Io);
    QVERIFY2(e.full().startsWith(QStringLiteral("cannot start vscore-worker")), qPrintable(e.full()));
    ScoreRequest notVideo = request_;
    notVideo.videoPath = tmpDir() + QStringLiteral("/not-a-video.mp4");
    QFile f(notVideo.videoPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a video");
    f.close();
    int ends = 0;
    e = errorOf([&] {
      scoreWithWorker(worker(model_), notVideo,
                      [&](const QJsonObject& event) { ends += event.isEmpty() ? 1 : 0; });
    });
    QCOMPARE(e.kind(), Error::Kind::InvalidData);
    QVERIFY2(e.full().startsWith(QStringLiteral("bad_video: ")), qPrintable(e.full()));
    QCOMPARE(ends, 1);  // the progress line ends on failure too
  }

  void remoteScoreEqualsLocal() {
    const QJsonObject local = scoreWithWorker(worker(model_), request_);
    ChatServer::Options o;
    o.workerProgram = QStringLiteral(VS_WORKER_PATH);
    o.modelDir = model_;
    o.servedName = QStringLiteral("demo");
    ChatServer server(o);
    const quint16 port = server.listen(QStringLiteral("127.0.0.1"), 0);
    RemoteSettings settings;
    settings.servers << QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    settings.modelDir = model_;
    const QJsonObject remote = scoreRemotely(settings, request_);
    QCOMPARE(remote.value("text").toString(), local.value("text").toString());
    QCOMPARE(remote.value("scores").toObject(), local.value("scores").toObject());
    QCOMPARE(remote.value("soft_scores").toObject(), local.value("soft_scores").toObject());
    QCOMPARE(remote.value("prompt_tokens").toInteger(), local.value("prompt_tokens").toInteger());
  }

  void remoteFailureCarriesTheCode() {
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    RemoteSettings settings;
    settings.servers << QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    settings.healthIntervalMs = 0;
    const Error e = errorOf([&] { scoreRemotely(settings, request_); });
    QCOMPARE(e.kind(), Error::Kind::Io);
    QVERIFY2(e.full().startsWith(QStringLiteral("server_unavailable: ")), qPrintable(e.full()));
  }
};

QTEST_GUILESS_MAIN(TestSingleScore)
#include "test_single_score.moc"
