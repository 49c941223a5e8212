#pragma once
// The scoring job queue of one device: one vscore-worker process, the model loaded once, jobs
// run one at a time by priority (higher first, FIFO among equals). A worker that dies or stalls
// is restarted and its job re-queued at the front (up to WorkerSettings::maxAttempts runs per
// job), so a crash or out-of-memory in the model never loses the queue. For several devices,
// run one queue per device.
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <optional>

#include "core/scoring/scoring_backend.h"

namespace vs::scoring {

class WorkerClient;

// Whether the worker samples the next queued video while the model scores the current one.
enum class Prefetch { Off, NextVideo };

struct WorkerSettings {
  QString program;   // path of vscore-worker
  QString modelDir;  // checkpoint directory (Hugging Face layout); empty: no model is loaded
                     // (only method jobs such as "ping" can run)
  QString device = QStringLiteral("cpu");
  QString dtype = QStringLiteral("f32");
  int maxAttempts = 2;                      // runs of one job before it fails as "worker_crashed"
  int stallTimeoutMs = 600000;              // no message from a busy worker for this long: killed, retried
  int maxLoadFailures = 3;                  // consecutive worker deaths before the queue gives up
  Prefetch prefetch = Prefetch::NextVideo;  // decode+sample overlapped with the model
};

// Client-side error codes (the worker's own codes pass through unchanged).
inline constexpr const char* kErrWorkerCrashed = "worker_crashed";
inline constexpr const char* kErrWorkerStalled = "worker_stalled";
inline constexpr const char* kErrWorkerUnavailable = "worker_unavailable";

class ScoringQueue : public ScoringBackend {
  Q_OBJECT
 public:
  explicit ScoringQueue(WorkerSettings settings, QObject* parent = nullptr);
  ~ScoringQueue() override;

  // Queues a job; starts the worker and loads the model on first use. Returns the job id.
  qint64 enqueue(const ScoreRequest& request, int priority = 0) override;
  // Queues another worker method as a job (e.g. "ping" as a health check, or "score" with params
  // of its own such as pre-sampled frames); its reply comes as jobResult().
  qint64 enqueueMethod(const QString& method, const QJsonObject& params, int priority = 0);
  // Removes a queued job or cancels the running one; jobFailed(id, "cancelled", …) follows.
  bool cancel(qint64 jobId) override;
  void cancelAll() override;
  int pendingCount() const override { return static_cast<int>(pending_.size()); }
  bool isBusy() const override { return current_.has_value(); }
  const QJsonObject& modelInfo() const { return model_info_; }
  int restarts() const { return restarts_; }
  // Test hook: kills the worker process now (as a crash would).
  void killWorkerForTest();
  qint64 workerProcessId() const;

 Q_SIGNALS:
  void modelLoaded(const QJsonObject& info);
  // jobStarted, jobProgress, jobFinished (score jobs), jobFailed, idle: see ScoringBackend.
  void jobResult(qint64 jobId, const QJsonObject& result);  // every job's raw result
  void workerRestarted(int restarts);

 private:
  struct Job {
    qint64 id = 0;
    int priority = 0;
    int attempts = 0;
    ScoreRequest request;
    QString method = QStringLiteral("score");
    QJsonObject params;  // for methods other than score
  };
  enum class State { Stopped, Starting, Loading, Ready, Failed };

  void ensureWorker();
  void onStarted();
  void onResult(qint64 requestId, const QJsonObject& result);
  void onError(qint64 requestId, const QString& code, const QString& message);
  void onProgress(qint64 requestId, const QJsonObject& event);
  void onExited(int exitCode, bool crashed);
  void onStall();
  void dispatch();
  void failAll(const QString& code, const QString& message);
  void insert(Job job, bool front);
  void prefetchNext();

  WorkerSettings settings_;
  WorkerClient* worker_ = nullptr;
  State state_ = State::Stopped;
  std::deque<Job> pending_;
  std::optional<Job> current_;
  qint64 current_request_ = -1;
  qint64 load_request_ = -1;
  qint64 next_job_ = 1;
  int restarts_ = 0;
  int consecutive_deaths_ = 0;
  bool stalled_ = false;
  QJsonObject model_info_;
  QTimer stall_timer_;
};

}  // namespace vs::scoring
