#include "ui/scoring/scoring_controller.h"

#include <QDir>
#include <QFileInfo>

#include "core/cli/sibling_program.h"
#include "core/domain/error.h"
#include "core/library/video_locator.h"
#include "core/scoring/batch_scorer.h"
#include "core/scoring/demo_model.h"
#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/scoring_queue.h"
#include "core/store/store.h"
#include "ui/project/demo_project.h"
#include "ui/scoring/jobs_dock.h"

namespace vs::ui {

ScoringController::ScoringController(store::Store& store, const library::VideoLocator& locator,
                                     JobsDock& dock, QObject* parent)
    : QObject(parent), store_(store), locator_(locator), dock_(dock) {
  connect(&dock_, &JobsDock::cancelRequested, this, [this](qint64 jobId) {
    if (queue_) {
      queue_->cancel(jobId);
    }
  });
  connect(&dock_, &JobsDock::retryRequested, this, [this](qint64 jobId) {
    const qint64 videoId = finished_.take(jobId);
    if (videoId != 0) {
      scoreVideo(videoId, 1);
    }
  });
}

ScoringController::~ScoringController() {
  if (queue_) {
    queue_->cancelAll();
  }
}

void ScoringController::configure(const QString& modelDir, const QString& device,
                                  const scoring::ScoreSettings& settings,
                                  const QList<ScoringServer>& servers) {
  if (queue_) {
    queue_->cancelAll();
    queue_.reset();
  }
  settings_ = settings;
  // "<parent>/<folder>": checkpoint folders are often just called "model".
  const QDir dir(modelDir);
  modelId_ = QFileInfo(dir.absolutePath()).dir().dirName() + QLatin1Char('/') + dir.dirName();
  // A demo model written before the marker file existed sits in the demo folder.
  demo_ =
      !modelDir.isEmpty() &&
      (QFileInfo::exists(dir.filePath(QString::fromLatin1(scoring::kDemoModelMarkerFile))) ||
       dir.absolutePath() == QDir(DemoProject::defaultFolder() + QStringLiteral("/model")).absolutePath());
  if (demo_) {
    modelId_ = QString::fromLatin1(scoring::kDemoModelId);
  }
  dock_.setDemoModel(demo_ ? DemoModel::Yes : DemoModel::No);
  if (!servers.isEmpty()) {
    configureServers(modelDir, servers);
    return;
  }
  if (modelDir.isEmpty()) {
    dock_.setWorkerStatus(tr("Worker: no model folder chosen (Settings › Scoring)"));
    return;
  }
  scoring::WorkerSettings ws;
  ws.program = cli::siblingProgram(QStringLiteral("vscore-worker"));
  ws.modelDir = modelDir;
  // The worker accepts "cpu" or "cuda"; older settings may still say "auto".
  ws.device = device == QLatin1String("cuda") ? device : QStringLiteral("cpu");
  auto* local = new scoring::ScoringQueue(ws);
  queue_.reset(local);
  dock_.setWorkerStatus(tr("Worker: starting · model %1 · %2").arg(modelId_, ws.device));
  connect(local, &scoring::ScoringQueue::modelLoaded, this, [this, ws](const QJsonObject& info) {
    QStringList parts{tr("Worker: ready"), tr("model %1").arg(modelId_),
                      tr("device %1").arg(info.value(QStringLiteral("device")).toString(ws.device))};
    const QJsonValue memory = info.value(QStringLiteral("memory_mb"));
    if (!memory.isUndefined()) {
      parts << tr("memory %1 MB").arg(memory.toDouble(), 0, 'f', 0);
    }
    dock_.setWorkerStatus(parts.join(QStringLiteral(" · ")));
  });
  connect(local, &scoring::ScoringQueue::workerRestarted, this, [this](int restarts) {
    dock_.setWorkerStatus(tr("Worker: restarted after a crash (%1 so far)").arg(restarts));
  });
  connectQueue();
}

void ScoringController::configureServers(const QString& modelDir, const QList<ScoringServer>& servers) {
  QString why;
  std::optional<scoring::RemoteSettings> rs = remoteSettings(servers, modelDir, &why);
  if (!rs) {
    dock_.setWorkerStatus(tr("Servers: %1").arg(why));
    return;
  }
  rs->healthIntervalMs = healthIntervalMs_;
  try {
    queue_ = std::make_unique<scoring::RemoteScoringQueue>(*rs);
  } catch (const Error& e) {
    dock_.setWorkerStatus(tr("Servers: %1").arg(e.full()));
    return;
  }
  if (modelDir.isEmpty()) {
    modelId_.clear();  // named by each result's served model
  }
  QStringList urls;
  for (const QUrl& u : rs->servers) {
    urls << u.toString();
  }
  dock_.setWorkerStatus(tr("Servers: %1").arg(urls.join(QStringLiteral(", "))));
  auto* remote = static_cast<scoring::RemoteScoringQueue*>(queue_.get());
  connect(remote, &scoring::RemoteScoringQueue::serverStateChanged, this,
          [this, remote](const QString&, bool, const QString&) {
            QStringList parts;
            for (const auto& s : remote->serverStats()) {
              parts << (s.up ? tr("%1 up (%2 done)").arg(s.url).arg(s.done)
                             : tr("%1 out: %2").arg(s.url, s.down));
            }
            dock_.setWorkerStatus(tr("Servers: %1").arg(parts.join(QStringLiteral(" · "))));
          });
  connectQueue();
}

void ScoringController::connectQueue() {
  scoring::ScoringBackend* q = queue_.get();
  connect(q, &scoring::ScoringBackend::jobStarted, this, &ScoringController::onStarted);
  connect(q, &scoring::ScoringBackend::jobProgress, this, &ScoringController::onProgress);
  connect(q, &scoring::ScoringBackend::jobFinished, this, &ScoringController::onFinished);
  connect(q, &scoring::ScoringBackend::jobFailed, this, &ScoringController::onFailed);
  connect(q, &scoring::ScoringBackend::jobServedBy, this,
          [this](qint64 jobId, const QString& server) { dock_.setServedBy(jobId, server); });
  connect(q, &scoring::ScoringBackend::jobAttemptFailed, this,
          [this](qint64 jobId, const QString& server, const QString& code, const QString& message) {
            const QString what = code + QStringLiteral(": ") + message;
            dock_.addFailedAttempt(jobId, server, what);
            lastFailure_.insert(jobId, tr("%1 failed: %2").arg(server, what));
          });
}

bool ScoringController::isActive() const {
  return !jobs_.isEmpty();
}

qint64 ScoringController::scoreVideo(qint64 videoId, int priority) {
  if (!queue_) {
    return 0;
  }
  const std::optional<Video> v = store_.findVideo(videoId);
  if (!v) {
    return 0;
  }
  const std::optional<Prompt> p = store_.findPrompt(v->promptId);
  scoring::ScoreRequest request;
  request.videoPath = locator_.find(*v);
  if (request.videoPath.isEmpty()) {
    return 0;  // missing: the queue shows it; scoring it would only fail in the worker
  }
  request.prompt = p ? p->text : QString();
  request.settings = settings_;
  request.videoId = videoId;
  const qint64 job = queue_->enqueue(request, priority);
  jobs_.insert(job, videoId);
  dock_.addJob(job, v->name);
  return job;
}

int ScoringController::scoreUnscored() {
  if (!queue_) {
    return 0;
  }
  const std::optional<Annotator> model = store_.findAnnotator(modelAnnotator());
  int n = 0;
  for (const store::QueueItem& item : store_.listItems()) {
    const bool has = model && std::any_of(item.evaluations.begin(), item.evaluations.end(),
                                          [&](const Evaluation& e) { return e.annotatorId == model->id; });
    if (!has && scoreVideo(item.video.id) != 0) {
      ++n;
    }
  }
  return n;
}

void ScoringController::onStarted(qint64 jobId, int attempt) {
  const QString before = lastFailure_.value(jobId);
  dock_.setJobState(jobId, JobState::Running,
                    attempt <= 1       ? QString()
                    : before.isEmpty() ? tr("attempt %1").arg(attempt)
                                       : tr("attempt %1, after %2").arg(attempt).arg(before));
}

namespace {

// The worker's stage names (vscore-worker progress events), as the jobs dock shows them.
QString stageText(const QString& stage) {
  if (stage == QLatin1String("loading")) {
    return ScoringController::tr("loading");
  }
  if (stage == QLatin1String("sampling")) {
    return ScoringController::tr("reading frames");
  }
  if (stage == QLatin1String("prefill")) {
    return ScoringController::tr("reading the prompt");
  }
  if (stage == QLatin1String("done")) {
    return ScoringController::tr("finishing");
  }
  if (stage == QLatin1String("generating")) {
    return ScoringController::tr("generating");
  }
  return stage;
}

}  // namespace

void ScoringController::onProgress(qint64 jobId, const QString& stage, qint64 tokens, const QString& text) {
  // Events may carry the text so far or only the new piece; keep the whole.
  QString& full = text_[jobId];
  full = text.startsWith(full) ? text : full + text;
  const double fraction = settings_.maxNewTokens > 0 ? double(tokens) / settings_.maxNewTokens : 0;
  dock_.setProgress(jobId, fraction, stageText(stage));
  dock_.setReasoning(jobId, full);
}

void ScoringController::onFinished(qint64 jobId, const scoring::ScoreResult& result) {
  const qint64 videoId = jobs_.take(jobId);
  text_.remove(jobId);
  lastFailure_.remove(jobId);
  try {
    // Servers without a local model folder: the model is the one the server served.
    const QString modelId = !modelId_.isEmpty() ? modelId_
                                                : result.raw.value(QStringLiteral("settings"))
                                                      .toObject()
                                                      .value(QStringLiteral("served_model"))
                                                      .toString();
    scoring::writeModelEvaluation(store_, videoId, modelAnnotator(), modelId, result);
    dock_.setReasoning(jobId, result.text);
    dock_.setJobState(jobId, JobState::Done, result.parsed ? QString() : tr("no score lines"));
    emit resultStored(videoId);
  } catch (const Error& e) {
    dock_.setJobState(jobId, JobState::Failed, e.full());
    finished_.insert(jobId, videoId);
  }
  if (jobs_.isEmpty()) {
    emit allDone();
  }
}

void ScoringController::onFailed(qint64 jobId, const QString& code, const QString& message) {
  const qint64 videoId = jobs_.take(jobId);
  text_.remove(jobId);
  lastFailure_.remove(jobId);
  if (videoId == 0) {
    return;
  }
  finished_.insert(jobId, videoId);
  if (code != QLatin1String("cancelled")) {
    dock_.addFailedAttempt(jobId, QString(), code + QStringLiteral(": ") + message);
  }
  dock_.setJobState(jobId, code == QLatin1String("cancelled") ? JobState::Cancelled : JobState::Failed,
                    code == QLatin1String("cancelled") ? QString() : message);
  if (jobs_.isEmpty()) {
    emit allDone();
  }
}

}  // namespace vs::ui
