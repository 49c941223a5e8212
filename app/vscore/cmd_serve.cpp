// vscore serve --model DIR: the OpenAI-compatible chat API (the subset vLLM serves VideoScore2
// with) over our own engine, for a lab whose one GPU box scores for every annotator's desktop.
// vscore never links the engine: each of --parallel vscore-worker processes holds the model, and
// a request's frames (PNG in a frame-list video_url) are decoded back into the sampler's exact
// pixels and handed to a worker as pre-sampled frames, so results equal local scoring.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <deque>
#include <map>
#include <memory>
#include <vector>

#include "command.h"
#include "core/scoring/chat_api.h"
#include "core/scoring/scoring_queue.h"

using namespace vs::cli;
using namespace vs::scoring;

namespace {

using Status = QHttpServerResponder::StatusCode;

// HTTP and the worker queues around ChatApi: requests beyond --parallel wait in arrival order.
class ChatServer : public QObject {
 public:
  struct Options {
    QString modelDir;
    QString servedName;
    QString device;
    QString dtype;
    int parallel = 1;
  };

  explicit ChatServer(const Options& o) : api_(o.modelDir, o.servedName) {
    for (int i = 0; i < o.parallel; ++i) {
      WorkerSettings ws;
      ws.program = siblingProgram(QStringLiteral("vscore-worker"));
      ws.modelDir = o.modelDir;
      ws.device = o.device;
      ws.dtype = o.dtype;
      ws.prefetch = Prefetch::Off;
      auto* q = new ScoringQueue(ws, this);
      connect(q, &ScoringQueue::jobResult, this,
              [this, i](qint64 job, const QJsonObject& r) { onResult(i, job, r); });
      connect(q, &ScoringQueue::jobFailed, this,
              [this, i](qint64 job, const QString& code, const QString& message) {
                onFailed(i, job, code, message);
              });
      queues_.push_back(q);
      busy_.push_back(false);
    }
    routes();
  }

  quint16 listen(const QString& host, quint16 port) { return http_.listen(QHostAddress(host), port); }

 private:
  struct Call {
    std::shared_ptr<QHttpServerResponder> responder;
    QString path;
    QElapsedTimer clock;
    ChatRequest request;
    std::shared_ptr<QTemporaryDir> frames;
    qint64 job = -1;
  };

  void reply(Call& c, int status, const QByteArray& body, qint64 promptTokens = 0,
             qint64 completionTokens = 0) {
    c.responder->write(body, QByteArrayLiteral("application/json"), static_cast<Status>(status));
    err(QStringLiteral("%1 %2 %3 prompt_tokens=%4 completion_tokens=%5 %6 ms\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), c.path)
            .arg(status)
            .arg(promptTokens)
            .arg(completionTokens)
            .arg(c.clock.elapsed()));
  }

  static std::shared_ptr<Call> newCall(const QHttpServerRequest& request, QHttpServerResponder&& responder) {
    auto c = std::make_shared<Call>();
    c->clock.start();
    c->path = request.url().path();
    c->responder = std::make_shared<QHttpServerResponder>(std::move(responder));
    return c;
  }

  void routes() {
    http_.route(QStringLiteral("/health"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
      reply(*newCall(req, std::move(r)), 200, QByteArray());
    });
    http_.route(QStringLiteral("/version"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
      reply(*newCall(req, std::move(r)), 200,
            QJsonDocument(QJsonObject{{QStringLiteral("version"), QStringLiteral(VS_VERSION)},
                                      {QStringLiteral("engine"), QStringLiteral("vscore")}})
                .toJson(QJsonDocument::Compact));
    });
    http_.route(QStringLiteral("/v1/models"),
                [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
                  reply(*newCall(req, std::move(r)), 200, api_.models(QDateTime::currentSecsSinceEpoch()));
                });
    http_.route(
        QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
          auto c = newCall(req, std::move(r));
          try {
            c->request = api_.read(req.body());
            c->frames = std::make_shared<QTemporaryDir>();
            c->request.params.insert(
                QStringLiteral("frames"),
                writeFramesFile(c->request.frames, c->frames->filePath(QStringLiteral("frames.rgb"))));
            c->request.frames.clear();
          } catch (const ApiError& e) {
            reply(*c, e.status, ChatApi::errorBody(e.status, e.message));
            return;
          }
          waiting_.push_back(c);
          dispatch();
        });
  }

  void dispatch() {
    for (size_t i = 0; i < queues_.size() && !waiting_.empty(); ++i) {
      if (busy_[i])
        continue;
      std::shared_ptr<Call> c = waiting_.front();
      waiting_.pop_front();
      busy_[i] = true;
      c->job = queues_[i]->enqueueMethod(QStringLiteral("score"), c->request.params);
      running_[{static_cast<int>(i), c->job}] = c;
    }
  }

  std::shared_ptr<Call> finish(int queue, qint64 job) {
    auto it = running_.find({queue, job});
    if (it == running_.end())
      return nullptr;
    std::shared_ptr<Call> c = it->second;
    running_.erase(it);
    busy_[static_cast<size_t>(queue)] = false;
    return c;
  }

  void onResult(int queue, qint64 job, const QJsonObject& r) {
    if (std::shared_ptr<Call> c = finish(queue, job)) {
      reply(*c, 200, api_.completion(r, c->request, QDateTime::currentSecsSinceEpoch()),
            r.value(QStringLiteral("prompt_tokens")).toInteger(),
            r.value(QStringLiteral("generated_tokens")).toInteger());
      dispatch();
    }
  }

  void onFailed(int queue, qint64 job, const QString& code, const QString& message) {
    if (std::shared_ptr<Call> c = finish(queue, job)) {
      const int status = ChatApi::statusForWorkerError(code);
      reply(*c, status, ChatApi::errorBody(status, QStringLiteral("%1: %2").arg(code, message)));
      dispatch();
    }
  }

  ChatApi api_;
  QHttpServer http_;
  std::vector<ScoringQueue*> queues_;
  std::vector<bool> busy_;
  std::deque<std::shared_ptr<Call>> waiting_;
  std::map<std::pair<int, qint64>, std::shared_ptr<Call>> running_;
};

}  // namespace

static int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addOption({"model", "Checkpoint directory (Hugging Face layout).", "DIR"});
  p.addOption({"served-model-name", "The model id clients name (default: the model folder's name).", "NAME"});
  p.addOption({"device", "cpu or cuda (default cpu).", "DEVICE", "cpu"});
  p.addOption({"dtype", "f32, bf16 or f16 (default f32).", "DTYPE", "f32"});
  p.addOption({"host", "Address to listen on (default 127.0.0.1: this machine only).", "HOST", "127.0.0.1"});
  p.addOption({"port", "Port (default 8000; 0: any free port, printed on stderr).", "N", "8000"});
  p.addOption({"parallel", "Worker processes, each with the model loaded (default 1); more requests queue.",
               "K", "1"});
  if (!p.parse(QStringList{QStringLiteral("vscore serve")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  if (!p.isSet("model"))
    return fail(kExitUsage, QStringLiteral("serve needs --model DIR"));
  bool ok = true;
  const int port = p.value("port").toInt(&ok);
  if (!ok || port < 0 || port > 65535)
    return fail(kExitUsage, QStringLiteral("--port must be within 0..65535"));
  const int parallel = p.value("parallel").toInt(&ok);
  if (!ok || parallel < 1)
    return fail(kExitUsage, QStringLiteral("--parallel must be >= 1"));
  ChatServer::Options o;
  o.modelDir = QFileInfo(p.value("model")).absoluteFilePath();
  o.servedName =
      p.isSet("served-model-name") ? p.value("served-model-name") : QFileInfo(o.modelDir).fileName();
  o.device = p.value("device");
  o.dtype = p.value("dtype");
  o.parallel = parallel;
  std::unique_ptr<ChatServer> server;
  try {
    server = std::make_unique<ChatServer>(o);
  } catch (const std::exception& e) {
    return fail(kExitInvalidData, QStringLiteral("%1: %2").arg(o.modelDir, QString::fromUtf8(e.what())));
  }
  const quint16 bound = server->listen(p.value("host"), static_cast<quint16>(port));
  if (bound == 0)
    return fail(kExitRuntime, QStringLiteral("cannot listen on %1:%2").arg(p.value("host")).arg(port));
  err(QStringLiteral("vscore serve: %1 as \"%2\" on http://%3:%4 (%5 workers)\n")
          .arg(o.modelDir, o.servedName, p.value("host"))
          .arg(bound)
          .arg(parallel));
  return QCoreApplication::exec();
}

static const CommandRegistration registration{Command{
    QStringLiteral("serve"),
    QStringLiteral("serve --model DIR [--device cpu|cuda] [--host 127.0.0.1] [--port N] [--parallel K] "
                   "[--served-model-name NAME]"),
    QStringLiteral("Serve VideoScore2 over the OpenAI-compatible chat API (/v1/chat/completions)"), run}};
