#include "core/scoring/single_score.h"

#include <QEventLoop>

#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/worker_call.h"

namespace vs::scoring {

Error::Kind errorKindOf(const QString& code) {
  if (code == QLatin1String("bad_model") || code == QLatin1String("bad_video"))
    return Error::Kind::InvalidData;
  if (code == QLatin1String("invalid_request"))
    return Error::Kind::Usage;
  return Error::Kind::Io;
}

void throwScoringError(const QString& code, const QString& message) {
  throw Error(errorKindOf(code), code, message);
}

QJsonObject scoreWithWorker(const LocalModel& model, const ScoreRequest& request,
                            const ScoreProgress& progress) {
  WorkerClient worker(model.workerProgram);
  if (!startWorkerAndWait(worker)) {
    throw Error(Error::Kind::Io, QString(),
                QStringLiteral("cannot start vscore-worker: %1").arg(worker.lastStderr()));
  }
  const WorkerReply load =
      callWorker(worker, QStringLiteral("load"),
                 QJsonObject{{"model", model.modelDir}, {"device", model.device}, {"dtype", model.dtype}});
  if (!load.ok) {
    worker.stop();
    throwScoringError(load.code, load.message);
  }
  const WorkerReply scored = callWorker(worker, QStringLiteral("score"), request.toParams(), progress);
  if (progress)
    progress(QJsonObject());
  worker.stop(1000);
  if (!scored.ok)
    throwScoringError(scored.code, scored.message);
  QJsonObject result = scored.result;
  QJsonObject timings = result.value("timings").toObject();
  timings.insert("load_ms", load.result.value("load_ms"));
  result.insert("timings", timings);
  return result;
}

QJsonObject scoreRemotely(const RemoteSettings& settings, const ScoreRequest& request) {
  RemoteScoringQueue queue(settings);
  QEventLoop loop;
  QJsonObject result;
  QString code, message;
  QObject::connect(&queue, &ScoringBackend::jobFinished, &loop, [&](qint64, const ScoreResult& r) {
    result = r.raw;
    loop.quit();
  });
  QObject::connect(&queue, &ScoringBackend::jobFailed, &loop,
                   [&](qint64, const QString& c, const QString& m) {
                     code = c;
                     message = m;
                     loop.quit();
                   });
  queue.enqueue(request);
  loop.exec();
  if (!code.isEmpty())
    throwScoringError(code, message);
  return result;
}

}  // namespace vs::scoring
