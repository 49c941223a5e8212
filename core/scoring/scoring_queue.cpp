#include "core/scoring/scoring_queue.h"

#include "core/domain/error.h"
#include "core/scoring/worker_client.h"

namespace vs::scoring {

ScoringQueue::ScoringQueue(WorkerSettings settings, QObject* parent)
    : ScoringBackend(parent), settings_(std::move(settings)) {
  qRegisterMetaType<vs::scoring::ScoreResult>();
  stall_timer_.setSingleShot(true);
  connect(&stall_timer_, &QTimer::timeout, this, &ScoringQueue::onStall);
}

ScoringQueue::~ScoringQueue() {
  if (worker_ != nullptr) {
    worker_->disconnect(this);
  }
}

void ScoringQueue::insert(Job job, bool front) {
  if (front) {
    pending_.push_front(std::move(job));
    return;
  }
  auto it = pending_.begin();
  while (it != pending_.end() && it->priority >= job.priority) {
    ++it;
  }
  pending_.insert(it, std::move(job));
}

qint64 ScoringQueue::enqueue(const ScoreRequest& request, int priority) {
  Job job;
  job.id = next_job_++;
  job.priority = priority;
  job.request = request;
  const qint64 id = job.id;
  if (state_ == State::Failed) {
    // Reported after returning, so callers can connect by id first.
    const QString message = model_info_.value(QStringLiteral("error")).toString();
    const QString code = model_info_.value(QStringLiteral("code")).toString();
    QMetaObject::invokeMethod(
        this, [this, id, code, message] { Q_EMIT jobFailed(id, code, message); }, Qt::QueuedConnection);
    return id;
  }
  insert(std::move(job), false);
  ensureWorker();
  dispatch();
  return id;
}

qint64 ScoringQueue::enqueueMethod(const QString& method, const QJsonObject& params, int priority) {
  Job job;
  job.id = next_job_++;
  job.priority = priority;
  job.method = method;
  job.params = params;
  const qint64 id = job.id;
  insert(std::move(job), false);
  ensureWorker();
  dispatch();
  return id;
}

bool ScoringQueue::cancel(qint64 jobId) {
  for (auto it = pending_.begin(); it != pending_.end(); ++it) {
    if (it->id == jobId) {
      pending_.erase(it);
      Q_EMIT jobFailed(jobId, QStringLiteral("cancelled"), QStringLiteral("cancelled before it started"));
      if (!current_ && pending_.empty()) {
        Q_EMIT idle();
      }
      return true;
    }
  }
  if (current_ && current_->id == jobId && worker_ != nullptr) {
    worker_->request(QStringLiteral("cancel"), QJsonObject{{QStringLiteral("id"), current_request_}});
    return true;
  }
  return false;
}

void ScoringQueue::cancelAll() {
  while (!pending_.empty()) {
    cancel(pending_.front().id);
  }
  if (current_) {
    cancel(current_->id);
  }
}

void ScoringQueue::killWorkerForTest() {
  if (worker_ != nullptr) {
    worker_->kill();
  }
}

qint64 ScoringQueue::workerProcessId() const {
  return worker_ != nullptr ? worker_->processId() : 0;
}

void ScoringQueue::ensureWorker() {
  if (state_ != State::Stopped) {
    return;
  }
  if (worker_ == nullptr) {
    worker_ = new WorkerClient(settings_.program, this);
    connect(worker_, &WorkerClient::started, this, &ScoringQueue::onStarted);
    connect(worker_, &WorkerClient::result, this, &ScoringQueue::onResult);
    connect(worker_, &WorkerClient::error, this, &ScoringQueue::onError);
    connect(worker_, &WorkerClient::progress, this, &ScoringQueue::onProgress);
    connect(worker_, &WorkerClient::workerExited, this, &ScoringQueue::onExited);
  }
  state_ = State::Starting;
  stalled_ = false;
  worker_->start();
}

void ScoringQueue::onStarted() {
  if (settings_.modelDir.isEmpty()) {
    state_ = State::Ready;
    consecutive_deaths_ = 0;
    dispatch();
    return;
  }
  state_ = State::Loading;
  load_request_ =
      worker_->request(QStringLiteral("load"), QJsonObject{{QStringLiteral("model"), settings_.modelDir},
                                                           {QStringLiteral("device"), settings_.device},
                                                           {QStringLiteral("dtype"), settings_.dtype}});
  stall_timer_.start(settings_.stallTimeoutMs);
}

void ScoringQueue::dispatch() {
  if (state_ != State::Ready || current_ || pending_.empty()) {
    if (state_ == State::Ready && !current_ && pending_.empty()) {
      Q_EMIT idle();
    }
    return;
  }
  current_ = std::move(pending_.front());
  pending_.pop_front();
  ++current_->attempts;
  // A score job from enqueueMethod("score", params) sends its params as given.
  current_request_ = current_->method == QLatin1String("score") && current_->params.isEmpty()
                         ? worker_->request(current_->method, current_->request.toParams())
                         : worker_->request(current_->method, current_->params);
  stall_timer_.start(settings_.stallTimeoutMs);
  Q_EMIT jobStarted(current_->id, current_->attempts);
  Q_EMIT jobServedBy(current_->id, QStringLiteral("local"));
  prefetchNext();
}

void ScoringQueue::prefetchNext() {
  // The worker runs jobs one at a time, so the hint goes out while this job runs; its reply is
  // ignored (an older worker answers "unknown method", which changes nothing).
  if (settings_.prefetch == Prefetch::Off || pending_.empty() ||
      pending_.front().method != QLatin1String("score") || pending_.front().request.videoPath.isEmpty()) {
    return;
  }
  const ScoreRequest& next = pending_.front().request;
  worker_->request(QStringLiteral("prefetch"), QJsonObject{{QStringLiteral("video"), next.videoPath},
                                                           {QStringLiteral("fps"), next.settings.fps}});
}

void ScoringQueue::onProgress(qint64 requestId, const QJsonObject& event) {
  if (current_ && requestId == current_request_) {
    stall_timer_.start(settings_.stallTimeoutMs);
    Q_EMIT jobProgress(current_->id, event.value(QStringLiteral("stage")).toString(),
                       event.value(QStringLiteral("tokens")).toInteger(),
                       event.value(QStringLiteral("text")).toString());
  } else if (requestId == load_request_) {
    stall_timer_.start(settings_.stallTimeoutMs);
  }
}

void ScoringQueue::onResult(qint64 requestId, const QJsonObject& result) {
  if (requestId == load_request_) {
    stall_timer_.stop();
    load_request_ = -1;
    state_ = State::Ready;
    consecutive_deaths_ = 0;
    model_info_ = result;
    Q_EMIT modelLoaded(result);
    dispatch();
    return;
  }
  if (!current_ || requestId != current_request_) {
    return;  // e.g. the reply to a cancel request
  }
  stall_timer_.stop();
  const Job job = *current_;
  current_.reset();
  current_request_ = -1;
  Q_EMIT jobResult(job.id, result);
  if (job.method != QLatin1String("score")) {
    dispatch();
    return;
  }
  try {
    const ScoreResult parsed = ScoreResult::fromJson(result);
    Q_EMIT jobFinished(job.id, parsed);
  } catch (const vs::Error& e) {
    Q_EMIT jobFailed(job.id, QStringLiteral("protocol"), e.full());
  }
  dispatch();
}

void ScoringQueue::onError(qint64 requestId, const QString& code, const QString& message) {
  if (requestId == load_request_) {
    stall_timer_.stop();
    load_request_ = -1;
    state_ = State::Failed;
    model_info_ = QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("error"), message}};
    failAll(code, message);
    worker_->stop();
    return;
  }
  if (!current_ || requestId != current_request_) {
    return;
  }
  stall_timer_.stop();
  const Job job = *current_;
  current_.reset();
  current_request_ = -1;
  Q_EMIT jobFailed(job.id, code, message);
  dispatch();
}

void ScoringQueue::onStall() {
  if (worker_ == nullptr) {
    return;
  }
  stalled_ = true;
  worker_->kill();  // onExited re-queues the job
}

void ScoringQueue::onExited(int exitCode, bool crashed) {
  stall_timer_.stop();
  if (state_ == State::Failed) {
    return;  // stopped after a failed load
  }
  const QString why = stalled_ ? QStringLiteral("the worker stopped answering and was killed")
                               : QStringLiteral("the worker exited (code %1%2): %3")
                                     .arg(exitCode)
                                     .arg(crashed ? QStringLiteral(", crashed") : QString())
                                     .arg(worker_->lastStderr());
  const QString code =
      stalled_ ? QString::fromLatin1(kErrWorkerStalled) : QString::fromLatin1(kErrWorkerCrashed);
  state_ = State::Stopped;
  load_request_ = -1;
  ++consecutive_deaths_;
  if (current_) {
    Job job = *current_;
    current_.reset();
    current_request_ = -1;
    if (job.attempts < settings_.maxAttempts) {
      insert(std::move(job), true);
    } else {
      Q_EMIT jobFailed(job.id, code, why);
    }
  }
  if (consecutive_deaths_ >= settings_.maxLoadFailures) {
    state_ = State::Failed;
    model_info_ = QJsonObject{{QStringLiteral("code"), QString::fromLatin1(kErrWorkerUnavailable)},
                              {QStringLiteral("error"), why}};
    failAll(QString::fromLatin1(kErrWorkerUnavailable), why);
    return;
  }
  if (!pending_.empty()) {
    ++restarts_;
    Q_EMIT workerRestarted(restarts_);
    ensureWorker();
  } else {
    Q_EMIT idle();
  }
}

void ScoringQueue::failAll(const QString& code, const QString& message) {
  std::deque<Job> jobs;
  jobs.swap(pending_);
  if (current_) {
    jobs.push_front(*current_);
    current_.reset();
  }
  for (const Job& job : jobs) {
    Q_EMIT jobFailed(job.id, code, message);
  }
  Q_EMIT idle();
}

}  // namespace vs::scoring
