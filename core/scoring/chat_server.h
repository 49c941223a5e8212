#pragma once
// The HTTP side of `vscore serve`: the OpenAI-compatible chat API (ChatApi: the subset vLLM serves
// VideoScore2 with) over `parallel` vscore-worker processes, each holding the model. A request's
// frames (PNG in a frame-list video_url) are decoded back into the sampler's exact pixels and
// handed to a worker as pre-sampled frames, so results equal local scoring. Requests beyond
// `parallel` wait and go to the next free worker in arrival order. Each answered request is one
// access-log line: time, path, status, token counts, milliseconds.
//
// Its own library (vs_chat_server, Qt HTTP Server), so that what only scores as a client does not
// link the server.
#include <QObject>
#include <QString>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "core/scoring/chat_api.h"

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace vs::scoring {

class ScoringQueue;

class ChatServer : public QObject {
 public:
  struct Options {
    QString workerProgram;  // path of vscore-worker
    QString modelDir;       // checkpoint directory (Hugging Face layout)
    QString servedName;     // the model id clients name
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("f32");
    int parallel = 1;  // worker processes
    QString version;   // GET /version's "version"
  };
  // Receives each access-log line, newline included.
  using Log = std::function<void(const QString& line)>;

  // Reads the model's tokenizer; throws vs::Error(InvalidData, modelDir, why) when it cannot.
  explicit ChatServer(const Options& options, Log log = {}, QObject* parent = nullptr);
  ~ChatServer() override;

  // Listens on `host`:`port` (0: any free port) and returns the port; throws vs::Error(Io) when
  // it cannot.
  quint16 listen(const QString& host, quint16 port);

 private:
  struct Call;

  static std::shared_ptr<Call> newCall(const QHttpServerRequest& request, QHttpServerResponder&& responder);
  void routes();
  void reply(Call& c, int status, const QByteArray& body, qint64 promptTokens = 0,
             qint64 completionTokens = 0);
  void dispatch();
  std::shared_ptr<Call> finish(int queue, qint64 job);
  void onResult(int queue, qint64 job, const QJsonObject& r);
  void onFailed(int queue, qint64 job, const QString& code, const QString& message);

  std::unique_ptr<ChatApi> api_;
  QString version_;
  Log log_;
  std::unique_ptr<QHttpServer> http_;
  std::vector<ScoringQueue*> queues_;
  std::vector<bool> busy_;
  std::deque<std::shared_ptr<Call>> waiting_;
  std::map<std::pair<int, qint64>, std::shared_ptr<Call>> running_;
};

}  // namespace vs::scoring
