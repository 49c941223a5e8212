#pragma once
// A real HTTP/1.1 server on loopback (QTcpServer) that speaks just enough of the OpenAI chat API
// for the scoring client: GET /v1/models, /version, /health, and POST /v1/chat/completions whose
// reply is chosen by a word in the request's query text (the video's prompt). Replies are written
// by hand here, in the shapes vLLM's server documents, plus the broken ones a proxy or a wrong
// server produces.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <cmath>
#include <functional>

namespace vs::test {

class FakeChatServer : public QObject {
 public:
  explicit FakeChatServer(QString model = QStringLiteral("vs2-test")) : model_(std::move(model)) {
    connect(&server_, &QTcpServer::newConnection, this, [this] {
      while (QTcpSocket* s = server_.nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
      }
    });
  }
  bool listen() { return server_.listen(QHostAddress::LocalHost, 0); }
  QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort()); }
  int chatRequests() const { return chats_; }
  // The reply to a chat request whose query contains `word` (status, content type, body).
  struct Reply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
  };
  void on(const QString& word, Reply reply) { replies_.append({word, std::move(reply)}); }
  // Every chat request gets this status (e.g. 503) regardless of its words.
  void failEveryChat(int status) { failAll_ = status; }

  // A well-formed completion by this server's model: the score block with the digits' top
  // logprobs (visual p(4)=.6 p(3)=.2 p(5)=.2; t2v p(3)=.5 p(2)=.25; phy p(5)=.9), so soft
  // scores 2.4, 2.0 and 5.0 by VideoScore2's rule.
  QByteArray goodCompletion(const QString& model = {}) const {
    const auto entry = [](const QString& token, double p, const QJsonArray& top = {}) {
      return QJsonObject{
          {"token", token}, {"logprob", std::log(p)}, {"bytes", QJsonValue()}, {"top_logprobs", top}};
    };
    const auto top = [](const QList<QPair<QString, double>>& probs) {
      QJsonArray a;
      for (const auto& [t, p] : probs)
        a.append(QJsonObject{{"token", t}, {"logprob", std::log(p)}});
      return a;
    };
    QJsonArray c;
    c.append(entry(QStringLiteral("ok visual quality: "), 0.9));
    c.append(entry("4", 0.6, top({{"4", 0.6}, {"3", 0.2}, {"5", 0.2}})));
    c.append(entry(QStringLiteral("; text-to-video alignment: "), 0.9));
    c.append(entry("3", 0.5, top({{"3", 0.5}, {"2", 0.25}, {"x", 0.1}})));
    c.append(entry(QStringLiteral(", physical/common-sense consistency: "), 0.9));
    c.append(entry("5", 0.9, top({{"5", 0.9}, {"y", 0.05}})));
    const QString text = QStringLiteral(
        "ok visual quality: 4; text-to-video alignment: 3, physical/common-sense consistency: 5");
    const QJsonObject o{
        {"id", "chatcmpl-1"},
        {"object", "chat.completion"},
        {"created", 1},
        {"model", model.isEmpty() ? model_ : model},
        {"choices", QJsonArray{QJsonObject{{"index", 0},
                                           {"message", QJsonObject{{"role", "assistant"}, {"content", text}}},
                                           {"logprobs", QJsonObject{{"content", c}}},
                                           {"finish_reason", "stop"}}}},
        {"usage", QJsonObject{{"prompt_tokens", 100}, {"completion_tokens", 6}, {"total_tokens", 106}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
  }

 private:
  void onData(QTcpSocket* s) {
    QByteArray& buf = buffers_[s];
    buf += s->readAll();
    const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
    if (headerEnd < 0)
      return;
    const QByteArray head = buf.left(headerEnd);
    qsizetype length = 0;
    for (const QByteArray& line : head.split('\n')) {
      if (line.toLower().startsWith("content-length:"))
        length = line.mid(15).trimmed().toLongLong();
    }
    if (buf.size() < headerEnd + 4 + length)
      return;
    const QByteArray body = buf.mid(headerEnd + 4, length);
    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
    buffers_.remove(s);
    const QByteArray path = requestLine.value(1);
    if (path == "/v1/models") {
      send(s, 200, "application/json",
           QJsonDocument(QJsonObject{{"object", "list"}, {"data", QJsonArray{QJsonObject{{"id", model_}}}}})
               .toJson(QJsonDocument::Compact));
    } else if (path == "/version") {
      send(s, 200, "application/json", R"({"version":"0.11.0"})");
    } else if (path == "/health") {
      send(s, 200, "application/json", QByteArray());
    } else if (path == "/v1/chat/completions") {
      ++chats_;
      if (failAll_ != 0) {
        send(
            s, failAll_, "application/json",
            R"({"error":{"message":"Service Unavailable","type":"ServiceUnavailableError","param":null,"code":503}})");
        return;
      }
      const QJsonObject req = QJsonDocument::fromJson(body).object();
      const QString query = req.value("messages")
                                .toArray()
                                .at(0)
                                .toObject()
                                .value("content")
                                .toArray()
                                .at(1)
                                .toObject()
                                .value("text")
                                .toString();
      for (const auto& [word, reply] : replies_) {
        if (query.contains(word)) {
          send(s, reply.status, reply.contentType, reply.body);
          return;
        }
      }
      send(s, 200, "application/json", goodCompletion());
    } else {
      send(s, 404, "application/json", R"({"error":{"message":"not found","code":404}})");
    }
  }

  static void send(QTcpSocket* s, int status, const QByteArray& type, const QByteArray& body) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") + "\r\n";
    out += "Content-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
    s->write(out);
    s->disconnectFromHost();
  }

  QTcpServer server_;
  QString model_;
  QHash<QTcpSocket*, QByteArray> buffers_;
  QList<QPair<QString, Reply>> replies_;
  int failAll_ = 0;
  int chats_ = 0;
};

}  // namespace vs::test
