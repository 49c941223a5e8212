// ChatServer on loopback, driven over real HTTP, with the real vscore-worker on a `vscore
// demo-model` checkpoint: its routes, a refused request, completions answered one at a time in
// the order they arrived, the access log, and a port it cannot listen on.
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

#include "core/domain/error.h"
#include "core/scoring/chat_server.h"
#include "core/scoring/frame_png.h"
#include "tests/support/scoring_fixture.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/chat_server");
}

// A chat request for two 56x56 frames of one colour (`shade`) and at most `maxTokens` tokens.
QByteArray completionBody(int shade, int maxTokens) {
  std::vector<media::RgbImage> frames;
  for (int f = 0; f < 2; ++f) {
    media::RgbImage img(56, 56);
    std::fill(img.pixels.begin(), img.pixels.end(), static_cast<uint8_t>(shade + f * 10));
    frames.push_back(img);
  }
  const QJsonArray content{
      QJsonObject{{"type", "video_url"},
                  {"video_url", QJsonObject{{"url", QString::fromLatin1(framesToDataUrl(frames))}}}},
      QJsonObject{{"type", "text"}, {"text", "Rate this video."}}};
  return QJsonDocument(
             QJsonObject{{"model", "demo"},
                         {"max_tokens", maxTokens},
                         {"temperature", 0},
                         {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", content}}}}})
      .toJson(QJsonDocument::Compact);
}

void waitFor(const std::function<bool()>& done, int timeoutMs) {
  QDeadlineTimer deadline(timeoutMs);
  while (!done() && !deadline.hasExpired())
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

}  // namespace

class TestChatServer : public QObject {
  Q_OBJECT
  QString model_;
  QStringList log_;
  std::unique_ptr<ChatServer> server_;
  QUrl base_;
  QNetworkAccessManager net_;

  QNetworkReply* get(const QString& path) { return net_.get(QNetworkRequest(base_.resolved(QUrl(path)))); }
  QNetworkReply* post(const QByteArray& body) {
    QNetworkRequest r(base_.resolved(QUrl(QStringLiteral("/v1/chat/completions"))));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return net_.post(r, body);
  }
  static int status(QNetworkReply* r) {
    return r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  }
  static QJsonObject json(QNetworkReply* r) { return QJsonDocument::fromJson(r->readAll()).object(); }
  // Waits for the reply; its status.
  static int finish(QNetworkReply* r, int timeoutMs = 20000) {
    waitFor([r] { return r->isFinished(); }, timeoutMs);
    return r->isFinished() ? status(r) : -1;
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    QCOMPARE(test::makeDemoModel(QStringLiteral(VSCORE_PATH), model_), 0);
    ChatServer::Options o;
    o.workerProgram = QStringLiteral(VS_WORKER_PATH);
    o.modelDir = model_;
    o.servedName = QStringLiteral("demo");
    o.version = QStringLiteral("9.8.7");
    server_ = std::make_unique<ChatServer>(o, [this](const QString& line) { log_ << line; });
    const quint16 port = server_->listen(QStringLiteral("127.0.0.1"), 0);
    QVERIFY(port != 0);
    base_ = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
  }

  void routesAndTheirLog() {
    log_.clear();
    std::unique_ptr<QNetworkReply> health(get(QStringLiteral("/health")));
    QCOMPARE(finish(health.get()), 200);
    QCOMPARE(health->readAll(), QByteArray());
    std::unique_ptr<QNetworkReply> version(get(QStringLiteral("/version")));
    QCOMPARE(finish(version.get()), 200);
    QCOMPARE(json(version.get()), (QJsonObject{{"version", "9.8.7"}, {"engine", "vscore"}}));
    std::unique_ptr<QNetworkReply> models(get(QStringLiteral("/v1/models")));
    QCOMPARE(finish(models.get()), 200);
    QCOMPARE(json(models.get())["data"][0]["id"].toString(), QStringLiteral("demo"));
    QCOMPARE(log_.size(), 3);
    static const QRegularExpression line(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (/\\S+) 200 prompt_tokens=0 "
                       "completion_tokens=0 \\d+ ms\\n$"));
    QStringList paths;
    for (const QString& l : log_) {
      const auto m = line.match(l);
      QVERIFY2(m.hasMatch(), qPrintable(l));
      paths << m.captured(1);
    }
    QCOMPARE(paths, (QStringList{"/health", "/version", "/v1/models"}));
  }

  void refusedRequest() {
    log_.clear();
    std::unique_ptr<QNetworkReply> r(post(QByteArrayLiteral("{\"model\": \"demo\"}")));
    QCOMPARE(finish(r.get()), 400);
    QVERIFY(json(r.get()).contains("error"));
    std::unique_ptr<QNetworkReply> other(post(completionBody(0, 2).replace("\"demo\"", "\"other\"")));
    QCOMPARE(finish(other.get()), 404);
    QCOMPARE(log_.size(), 2);
    QVERIFY2(log_[0].contains(QStringLiteral(" /v1/chat/completions 400 prompt_tokens=0 ")),
             qPrintable(log_[0]));
    QVERIFY2(log_[1].contains(QStringLiteral(" /v1/chat/completions 404 ")), qPrintable(log_[1]));
  }

  // One worker: the first request runs, the next two wait and are answered in arrival order.
  void completionsInArrivalOrder() {
    log_.clear();
    QList<QNetworkReply*> replies;
    QList<int> finished;
    for (int i = 0; i < 3; ++i) {
      QNetworkReply* r = post(completionBody(40 * i, 6));
      connect(r, &QNetworkReply::finished, this, [&finished, i] { finished << i; });
      replies << r;
      // Let the request reach the server before the next one is sent.
      waitFor([] { return false; }, i == 0 ? 500 : 200);
    }
    waitFor([&] { return finished.size() == 3; }, 120000);
    QCOMPARE(finished, (QList<int>{0, 1, 2}));
    for (QNetworkReply* r : replies) {
      QCOMPARE(status(r), 200);
      const QJsonObject c = json(r);
      QCOMPARE(c["object"].toString(), QStringLiteral("chat.completion"));
      QCOMPARE(c["model"].toString(), QStringLiteral("demo"));
      const qint64 prompt = c["usage"]["prompt_tokens"].toInteger();
      const qint64 completion = c["usage"]["completion_tokens"].toInteger();
      QVERIFY(prompt > 0 && completion > 0 && completion <= 6);
      const QString logged =
          QStringLiteral(" /v1/chat/completions 200 prompt_tokens=%1 completion_tokens=%2 ")
              .arg(prompt)
              .arg(completion);
      QVERIFY2(std::any_of(log_.begin(), log_.end(), [&](const QString& l) { return l.contains(logged); }),
               qPrintable(log_.join(QString())));
      r->deleteLater();
    }
    QCOMPARE(log_.size(), 3);
  }

  void cannotListenOnATakenPort() {
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    ChatServer::Options o;
    o.workerProgram = QStringLiteral(VS_WORKER_PATH);
    o.modelDir = model_;
    ChatServer second(o);
    try {
      second.listen(QStringLiteral("127.0.0.1"), taken.serverPort());
      QFAIL("listened on a taken port");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Io);
      QCOMPARE(e.full(), QStringLiteral("cannot listen on 127.0.0.1:%1").arg(taken.serverPort()));
    }
  }

  void unreadableModel() {
    ChatServer::Options o;
    o.modelDir = tmpDir() + QStringLiteral("/no-model");
    try {
      ChatServer bad(o);
      QFAIL("served a model without a tokenizer");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::InvalidData);
      QCOMPARE(e.where(), o.modelDir);
    }
  }

  void cleanupTestCase() { server_.reset(); }
};

QTEST_GUILESS_MAIN(TestChatServer)
#include "test_chat_server.moc"
