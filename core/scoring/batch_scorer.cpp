#include "core/scoring/batch_scorer.h"

#include "core/library/video_locator.h"

#include <QDir>
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/scoring/scoring_queue.h"
#include "core/store/store.h"

namespace vs::scoring {

qint64 writeModelEvaluation(store::Store& store, qint64 videoId, const QString& annotator,
                            const QString& modelId, const ScoreResult& result) {
  const qint64 annotatorId = store.addAnnotator(annotator, AnnotatorKind::Model);
  return store.upsertEvaluation(result.toEvaluation(videoId, annotatorId, modelId));
}

BatchScorer::BatchScorer(store::Store& store, ScoringBackend& queue, QString annotator, QString modelId,
                         ScoreSettings settings, QObject* parent)
    : QObject(parent),
      store_(store),
      queue_(queue),
      annotator_(std::move(annotator)),
      modelId_(std::move(modelId)),
      settings_(std::move(settings)) {
  qRegisterMetaType<vs::scoring::BatchProgress>();
  connect(&queue_, &ScoringBackend::jobFinished, this, &BatchScorer::onFinished);
  connect(&queue_, &ScoringBackend::jobFailed, this, &BatchScorer::onFailed);
}

int BatchScorer::start(BatchSelection selection) {
  annotatorId_ = store_.addAnnotator(annotator_, AnnotatorKind::Model);
  store::ItemFilter filter;
  if (selection == BatchSelection::OnlyUnscored) {
    filter.annotatorId = annotatorId_;
    filter.evaluated = store::ItemFilter::Evaluated::No;
  }
  const QVector<store::QueueItem> items = store_.listItems(filter);
  progress_ = BatchProgress{};
  progress_.total = static_cast<int>(items.size());
  clock_.start();
  const library::VideoLocator locator = library::VideoLocator::forStore(store_);
  QVector<Item> missing;
  for (const store::QueueItem& item : items) {
    ScoreRequest request;
    request.videoPath = locator.find(item.video);
    if (request.videoPath.isEmpty()) {
      missing.push_back(Item{item.video.id, item.video.name});
      continue;
    }
    request.prompt = item.promptText;
    request.settings = settings_;
    request.videoId = item.video.id;
    const qint64 job = queue_.enqueue(request);
    jobs_.insert(job, Item{item.video.id, item.video.name});
  }
  if (items.isEmpty()) {
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(progress_); }, Qt::QueuedConnection);
  }
  // Reported once the caller has connected, like any other failure.
  if (!missing.isEmpty()) {
    QMetaObject::invokeMethod(
        this,
        [this, missing] {
          for (const Item& item : missing) {
            ++progress_.failed;
            Q_EMIT videoFailed(
                item.videoId, item.name, QStringLiteral("missing"),
                QStringLiteral("missing: %1 (no file at its stored path or in the project's media "
                               "folders; vscore relink finds moved files)")
                    .arg(item.name));
            advance();
          }
        },
        Qt::QueuedConnection);
  }
  return static_cast<int>(items.size());
}

void BatchScorer::advance() {
  progress_.elapsedS = static_cast<double>(clock_.elapsed()) / 1000.0;
  const int finished_count = progress_.done + progress_.failed;
  if (finished_count > 0) {
    progress_.etaS = progress_.elapsedS / finished_count * (progress_.total - finished_count);
  }
  Q_EMIT progressChanged(progress_);
  if (finished_count == progress_.total) {
    Q_EMIT finished(progress_);
  }
}

void BatchScorer::onFinished(qint64 jobId, const ScoreResult& result) {
  const auto it = jobs_.find(jobId);
  if (it == jobs_.end()) {
    return;
  }
  const Item item = *it;
  jobs_.erase(it);
  try {
    writeModelEvaluation(store_, item.videoId, annotator_, modelId_, result);
    ++progress_.done;
    Q_EMIT videoDone(item.videoId, item.name, result);
  } catch (const vs::Error& e) {
    ++progress_.failed;
    Q_EMIT videoFailed(item.videoId, item.name, QStringLiteral("store"), e.full());
  }
  advance();
}

void BatchScorer::onFailed(qint64 jobId, const QString& code, const QString& message) {
  const auto it = jobs_.find(jobId);
  if (it == jobs_.end()) {
    return;
  }
  const Item item = *it;
  jobs_.erase(it);
  ++progress_.failed;
  Q_EMIT videoFailed(item.videoId, item.name, code, message);
  advance();
}

}  // namespace vs::scoring
