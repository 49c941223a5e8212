#pragma once
// Scores every video of a project through a ScoringBackend (local worker or servers) and writes each result
// to the store at once, as a model evaluation (one transaction per video). Resumable after a crash or kill:
// with OnlyUnscored, videos the model annotator already evaluated are skipped, so a re-run picks
// up where the last one stopped.
#include <QElapsedTimer>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>

#include "core/scoring/score_request.h"
#include "core/scoring/score_result.h"

namespace vs::store {
class Store;
}

namespace vs::scoring {

class ScoringBackend;

enum class BatchSelection { All, OnlyUnscored };

struct BatchProgress {
  int total = 0;
  int done = 0;
  int failed = 0;
  double elapsedS = 0;
  double etaS = -1;  // -1 until the first video finished
};

class BatchScorer : public QObject {
  Q_OBJECT
 public:
  // `annotator`: the model annotator's name in the project (created when missing).
  BatchScorer(store::Store& store, ScoringBackend& queue, QString annotator, QString modelId,
              ScoreSettings settings, QObject* parent = nullptr);

  // Lists the videos and queues them; returns how many were listed. Files are found by the
  // project's rule (library::VideoLocator); a video without a file fails with code "missing".
  int start(BatchSelection selection);
  const BatchProgress& progress() const { return progress_; }

 Q_SIGNALS:
  void videoDone(qint64 videoId, const QString& name, const vs::scoring::ScoreResult& result);
  void videoFailed(qint64 videoId, const QString& name, const QString& code, const QString& message);
  void progressChanged(const vs::scoring::BatchProgress& progress);
  void finished(const vs::scoring::BatchProgress& progress);

 private:
  void onFinished(qint64 jobId, const ScoreResult& result);
  void onFailed(qint64 jobId, const QString& code, const QString& message);
  void advance();

  store::Store& store_;
  ScoringBackend& queue_;
  QString annotator_;
  QString modelId_;
  ScoreSettings settings_;
  qint64 annotatorId_ = 0;
  struct Item {
    qint64 videoId;
    QString name;
  };
  QHash<qint64, Item> jobs_;
  BatchProgress progress_;
  QElapsedTimer clock_;
};

// Writes one result as the model evaluation of `videoId` (replacing an earlier one by the same
// annotator). Returns the evaluation id. Throws vs::Error.
qint64 writeModelEvaluation(store::Store& store, qint64 videoId, const QString& annotator,
                            const QString& modelId, const ScoreResult& result);

}  // namespace vs::scoring

Q_DECLARE_METATYPE(vs::scoring::BatchProgress)
