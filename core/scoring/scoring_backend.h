#pragma once
// What runs scoring jobs, as BatchScorer and the CLI see it: a local vscore-worker
// (ScoringQueue) or OpenAI-compatible servers (RemoteScoringQueue). Jobs are queued by priority;
// each ends with exactly one jobFinished or jobFailed.
#include <QObject>
#include <QString>

#include "core/scoring/score_request.h"
#include "core/scoring/score_result.h"

namespace vs::scoring {

class ScoringBackend : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  ~ScoringBackend() override = default;

  // Queues a job; returns its id. Failures are reported after returning, by id.
  virtual qint64 enqueue(const ScoreRequest& request, int priority = 0) = 0;
  // Removes a queued job or cancels a running one; jobFailed(id, "cancelled", …) follows.
  virtual bool cancel(qint64 jobId) = 0;
  virtual void cancelAll() = 0;
  virtual int pendingCount() const = 0;
  virtual bool isBusy() const = 0;

 Q_SIGNALS:
  void jobStarted(qint64 jobId, int attempt);
  void jobProgress(qint64 jobId, const QString& stage, qint64 tokens, const QString& partialText);
  void jobFinished(qint64 jobId, const vs::scoring::ScoreResult& result);
  void jobFailed(qint64 jobId, const QString& code, const QString& message);
  // Which engine ran (or is running) the job: "local" or an endpoint's URL.
  void jobServedBy(qint64 jobId, const QString& server);
  // One run of the job failed on `server` and the job goes back into the queue for another.
  void jobAttemptFailed(qint64 jobId, const QString& server, const QString& code, const QString& message);
  void idle();  // nothing queued or running
};

}  // namespace vs::scoring
