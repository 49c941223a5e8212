#include "core/scoring/chat_server.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "core/domain/error.h"
#include "core/scoring/scoring_queue.h"

namespace vs::scoring {

using Status = QHttpServerResponder::StatusCode;

struct ChatServer::Call {
  std::shared_ptr<QHttpServerResponder> responder;
  QString path;
  QElapsedTimer clock;
  ChatRequest request;
  std::shared_ptr<QTemporaryDir> frames;
  qint64 job = -1;
};

namespace {

std::unique_ptr<ChatApi> openApi(const ChatServer::Options& o) {
  try {
    return std::make_unique<ChatApi>(o.modelDir, o.servedName);
  } catch (const std::exception& e) {
    throw Error(Error::Kind::InvalidData, o.modelDir, QString::fromUtf8(e.what()));
  }
}

}  // namespace

ChatServer::ChatServer(const Options& o, Log log, QObject* parent)
    : QObject(parent),
      api_(openApi(o)),
      version_(o.version),
      log_(std::move(log)),
      http_(std::make_unique<QHttpServer>()) {
  for (int i = 0; i < o.parallel; ++i) {
    WorkerSettings ws;
    ws.program = o.workerProgram;
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

ChatServer::~ChatServer() = default;

quint16 ChatServer::listen(const QString& host, quint16 port) {
  const quint16 bound = http_->listen(QHostAddress(host), port);
  if (bound == 0)
    throw Error(Error::Kind::Io, QString(), QStringLiteral("cannot listen on %1:%2").arg(host).arg(port));
  return bound;
}

void ChatServer::reply(Call& c, int status, const QByteArray& body, qint64 promptTokens,
                       qint64 completionTokens) {
  c.responder->write(body, QByteArrayLiteral("application/json"), static_cast<Status>(status));
  if (log_) {
    log_(QStringLiteral("%1 %2 %3 prompt_tokens=%4 completion_tokens=%5 %6 ms\n")
             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), c.path)
             .arg(status)
             .arg(promptTokens)
             .arg(completionTokens)
             .arg(c.clock.elapsed()));
  }
}

std::shared_ptr<ChatServer::Call> ChatServer::newCall(const QHttpServerRequest& request,
                                                      QHttpServerResponder&& responder) {
  auto c = std::make_shared<Call>();
  c->clock.start();
  c->path = request.url().path();
  c->responder = std::make_shared<QHttpServerResponder>(std::move(responder));
  return c;
}

void ChatServer::routes() {
  http_->route(QStringLiteral("/health"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
    reply(*newCall(req, std::move(r)), 200, QByteArray());
  });
  http_->route(QStringLiteral("/version"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
    reply(*newCall(req, std::move(r)), 200,
          QJsonDocument(QJsonObject{{QStringLiteral("version"), version_},
                                    {QStringLiteral("engine"), QStringLiteral("vscore")}})
              .toJson(QJsonDocument::Compact));
  });
  http_->route(QStringLiteral("/v1/models"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
    reply(*newCall(req, std::move(r)), 200, api_->models(QDateTime::currentSecsSinceEpoch()));
  });
  http_->route(QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
               [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
                 auto c = newCall(req, std::move(r));
                 try {
                   c->request = api_->read(req.body());
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

void ChatServer::dispatch() {
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

std::shared_ptr<ChatServer::Call> ChatServer::finish(int queue, qint64 job) {
  auto it = running_.find({queue, job});
  if (it == running_.end())
    return nullptr;
  std::shared_ptr<Call> c = it->second;
  running_.erase(it);
  busy_[static_cast<size_t>(queue)] = false;
  return c;
}

void ChatServer::onResult(int queue, qint64 job, const QJsonObject& r) {
  if (std::shared_ptr<Call> c = finish(queue, job)) {
    reply(*c, 200, api_->completion(r, c->request, QDateTime::currentSecsSinceEpoch()),
          r.value(QStringLiteral("prompt_tokens")).toInteger(),
          r.value(QStringLiteral("generated_tokens")).toInteger());
    dispatch();
  }
}

void ChatServer::onFailed(int queue, qint64 job, const QString& code, const QString& message) {
  if (std::shared_ptr<Call> c = finish(queue, job)) {
    const int status = ChatApi::statusForWorkerError(code);
    reply(*c, status, ChatApi::errorBody(status, QStringLiteral("%1: %2").arg(code, message)));
    dispatch();
  }
}

}  // namespace vs::scoring
