#pragma once
// Runs the model on the project's items in the background: one ScoringQueue (one vscore-worker
// process) or, when servers are chosen, a RemoteScoringQueue over them; jobs shown in the
// JobsDock with live progress, the reasoning as it streams, which engine served each, cancel
// and retry; results written to the store as the model's evaluation. A worker crash or a server
// that fails is handled by the queue (restart or another server, re-queue); the GUI never waits
// on it, and a bad reply is one failed job.
#include <QHash>
#include <QObject>
#include <memory>

#include "core/scoring/score_request.h"
#include "core/scoring/score_result.h"
#include "ui/scoring/scoring_servers.h"

namespace vs::store {
class Store;
}
namespace vs::scoring {
class ScoringBackend;
}
namespace vs::library {
class VideoLocator;
}

namespace vs::ui {

class JobsDock;

class ScoringController : public QObject {
  Q_OBJECT
 public:
  // `locator` finds each video's file (the window's, refreshed after a relink); it outlives this.
  ScoringController(store::Store& store, const library::VideoLocator& locator, JobsDock& dock,
                    QObject* parent = nullptr);
  ~ScoringController() override;

  // Starts the worker with this model. `modelDir` empty: scoring cannot start (status says so).
  // With `servers`, jobs go to them instead; `modelDir` (optional then) supplies the tokenizer
  // for the prompt-token check.
  void configure(const QString& modelDir, const QString& device, const scoring::ScoreSettings& settings,
                 const QList<ScoringServer>& servers = {});
  // Test hook: how often servers are checked during a run (default 5 s).
  void setHealthIntervalForTest(int ms) { healthIntervalMs_ = ms; }
  // Queues every video without a result from the model annotator; returns how many.
  int scoreUnscored();
  // Queues one video (again).
  qint64 scoreVideo(qint64 videoId, int priority = 0);
  bool isActive() const;
  // The settings every job is sent with (the last configure()).
  const scoring::ScoreSettings& settings() const { return settings_; }
  int activeJobs() const { return static_cast<int>(jobs_.size()); }

  static QString modelAnnotator() { return QStringLiteral("VideoScore2"); }

 signals:
  void resultStored(qint64 videoId);
  void allDone();

 private:
  void onStarted(qint64 jobId, int attempt);
  void onProgress(qint64 jobId, const QString& stage, qint64 tokens, const QString& text);
  void onFinished(qint64 jobId, const scoring::ScoreResult& result);
  void onFailed(qint64 jobId, const QString& code, const QString& message);

  store::Store& store_;
  const library::VideoLocator& locator_;
  bool demo_ = false;
  JobsDock& dock_;
  void configureServers(const QString& modelDir, const QList<ScoringServer>& servers);
  void connectQueue();
  std::unique_ptr<scoring::ScoringBackend> queue_;
  int healthIntervalMs_ = 5000;
  scoring::ScoreSettings settings_;
  QString modelId_;
  QHash<qint64, qint64> jobs_;      // job id -> video id (open jobs)
  QHash<qint64, qint64> finished_;  // job id -> video id (failed or cancelled: retry)
  QHash<qint64, QString> text_;
  QHash<qint64, QString> lastFailure_;  // job id -> the failed run before the current one
};

}  // namespace vs::ui
