#pragma once
// Blocking use of a WorkerClient for command-line programs: start the worker and wait until it
// runs; send one request and wait for its reply, its error or the worker's exit, with a local
// event loop. The GUI never calls these (it reacts to WorkerClient's signals).
#include <QJsonObject>
#include <QString>
#include <functional>

#include "core/scoring/worker_client.h"

namespace vs::scoring {

struct WorkerReply {
  bool ok = false;
  QJsonObject result;  // when ok
  QString code;        // protocol error code, or "worker_crashed"
  QString message;
};

// Starts `worker` and waits for started() or its exit; false when it did not start.
bool startWorkerAndWait(WorkerClient& worker);

// Sends one request and waits for its answer. `on_progress` sees the request's progress events.
WorkerReply callWorker(WorkerClient& worker, const QString& method, const QJsonObject& params,
                       const std::function<void(const QJsonObject&)>& on_progress = {});

}  // namespace vs::scoring
