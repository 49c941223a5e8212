#include "core/scoring/worker_call.h"

#include <QEventLoop>

namespace vs::scoring {

bool startWorkerAndWait(WorkerClient& worker) {
  QEventLoop loop;
  bool started = false;
  QObject::connect(&worker, &WorkerClient::started, &loop, [&] {
    started = true;
    loop.quit();
  });
  QObject::connect(&worker, &WorkerClient::workerExited, &loop, [&] { loop.quit(); });
  worker.start();
  loop.exec();
  return started;
}

WorkerReply callWorker(WorkerClient& worker, const QString& method, const QJsonObject& params,
                       const std::function<void(const QJsonObject&)>& on_progress) {
  WorkerReply reply;
  const qint64 id = worker.request(method, params);
  if (id < 0) {
    reply.code = QStringLiteral("worker_crashed");
    reply.message = QStringLiteral("vscore-worker is not running: %1").arg(worker.lastStderr());
    return reply;
  }
  // The connections live as long as the loop: they are gone when this function returns.
  QEventLoop loop;
  QObject::connect(&worker, &WorkerClient::result, &loop, [&](qint64 rid, const QJsonObject& r) {
    if (rid == id) {
      reply.ok = true;
      reply.result = r;
      loop.quit();
    }
  });
  QObject::connect(&worker, &WorkerClient::error, &loop,
                   [&](qint64 rid, const QString& code, const QString& message) {
                     if (rid == id) {
                       reply.code = code;
                       reply.message = message;
                       loop.quit();
                     }
                   });
  QObject::connect(&worker, &WorkerClient::workerExited, &loop, [&](int code, bool) {
    reply.code = QStringLiteral("worker_crashed");
    reply.message = QStringLiteral("vscore-worker exited (code %1): %2").arg(code).arg(worker.lastStderr());
    loop.quit();
  });
  QObject::connect(&worker, &WorkerClient::progress, &loop, [&](qint64 rid, const QJsonObject& event) {
    if (rid == id && on_progress) {
      on_progress(event);
    }
  });
  loop.exec();
  return reply;
}

}  // namespace vs::scoring
