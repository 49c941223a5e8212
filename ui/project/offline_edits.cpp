#include "ui/project/offline_edits.h"

#include <QDir>
#include <QLabel>
#include <QSet>
#include <QStatusBar>
#include <QThreadPool>
#include <QTimer>
#include <limits>

#include "core/domain/error.h"
#include "core/store/change_watcher.h"
#include "core/store/edit_journal.h"
#include "core/store/journal_replay.h"
#include "core/store/server_ping.h"
#include "core/store/store.h"
#include "ui/annotation/annotation_session.h"
#include "ui/queue/queue_model.h"

namespace vs::ui {

namespace {
// Time given to sending in one turn of the event loop; the window handles its events between
// slices (one edit is one short transaction: about a millisecond on a local server).
constexpr qint64 kSliceMs = 15;
// How long a probe waits for the server (libpq counts whole seconds).
constexpr int kProbeSeconds = 3;
}  // namespace

std::unique_ptr<OfflineEdits> OfflineEdits::attach(store::Store& store, const QString& annotator,
                                                   AnnotationSession& session, store::ChangeWatcher* watcher,
                                                   QStatusBar* bar, QString* error) {
  if (!store::isDatabaseProject(store.path()))
    return nullptr;
  std::unique_ptr<OfflineEdits> edits;
  try {
    edits = std::make_unique<OfflineEdits>(store, annotator,
                                           store::EditJournal::pathFor(store.path(), annotator));
  } catch (const Error& e) {
    if (error)
      *error = e.full();
    return nullptr;
  }
  session.setOfflineEdits(edits.get());
  if (watcher)
    connect(watcher, &store::ChangeWatcher::online, edits.get(), &OfflineEdits::serverOnline);
  if (bar) {
    edits->label_ = new QLabel(bar);
    edits->label_->setObjectName(QStringLiteral("offlineEdits"));
    edits->label_->setToolTip(tr("Edits the server could not take yet are kept in %1")
                                  .arg(QDir::toNativeSeparators(edits->journal_->path())));
    edits->label_->hide();
    bar->addPermanentWidget(edits->label_);
  }
  if (!edits->journal_->isEmpty())
    edits->sendSoon();  // left by an earlier window
  return edits;
}

OfflineEdits::OfflineEdits(store::Store& store, const QString& annotator, const QString& journalFile)
    : store_(store),
      annotator_(annotator),
      journal_(std::make_unique<store::EditJournal>(journalFile, store.path())) {
  retry_ = new QTimer(this);
  retry_->setSingleShot(true);
  retry_->setInterval(2000);
  connect(retry_, &QTimer::timeout, this, &OfflineEdits::probe);
  slice_ = new QTimer(this);
  slice_->setSingleShot(true);
  slice_->setInterval(0);
  connect(slice_, &QTimer::timeout, this, &OfflineEdits::sendSlice);
  clear_ = new QTimer(this);
  clear_->setSingleShot(true);
  clear_->setInterval(8000);
  connect(clear_, &QTimer::timeout, this, [this] { setStatus(QString()); });
}

OfflineEdits::~OfflineEdits() {
  delete label_;  // the status bar outlives the project
}

void OfflineEdits::setRetryInterval(int ms) {
  retry_->setInterval(ms);
}

int OfflineEdits::waiting() const {
  return journal_->pendingCount();
}

bool OfflineEdits::mustKeep() const {
  return offline_ || !journal_->isEmpty();
}

void OfflineEdits::keep(const store::EvaluationEdit& edit) {
  journal_->append(edit);
  kept();
}

void OfflineEdits::keep(const store::PreferenceEdit& edit) {
  journal_->append(edit);
  kept();
}

void OfflineEdits::kept() {
  if (!retry_->isActive() && !slice_->isActive())
    retry_->start();
  setStatus(offline_ ? tr("Offline — %n edit(s) kept on this computer", nullptr, waiting())
                     : tr("Sending %n kept edit(s)…", nullptr, waiting()));
}

void OfflineEdits::connectionLost() {
  offline_ = true;
  clear_->stop();
  setStatus(tr("Offline — %n edit(s) kept on this computer", nullptr, waiting()));
  if (!journal_->isEmpty() && !retry_->isActive())
    retry_->start();
}

void OfflineEdits::serverOnline(bool online) {
  if (!online) {
    connectionLost();
    return;
  }
  offline_ = false;
  if (journal_->isEmpty()) {
    setStatus(QString());
    return;
  }
  sendSoon();
}

void OfflineEdits::probe() {
  if (probing_ || journal_->isEmpty())
    return;
  probing_ = true;
  // The answer comes back through `relay`, which lives until its queued call has run on this
  // thread; there the guard tells whether this object still exists.
  auto* relay = new QObject;
  QThreadPool::globalInstance()->start([relay, guard = QPointer<OfflineEdits>(this), uri = store_.path()] {
    const bool answers = store::serverAnswers(uri, kProbeSeconds);
    QMetaObject::invokeMethod(
        relay,
        [relay, guard, answers] {
          if (guard)
            guard->probed(answers);
          relay->deleteLater();
        },
        Qt::QueuedConnection);
  });
}

void OfflineEdits::probed(bool answers) {
  probing_ = false;
  if (answers)
    sendSoon();
  else if (!journal_->isEmpty() && !retry_->isActive())
    retry_->start();
}

void OfflineEdits::sendSoon() {
  if (!journal_->isEmpty() && !slice_->isActive())
    slice_->start();
}

void OfflineEdits::sendSlice() {
  if (journal_->isEmpty())
    return;
  retry_->stop();
  store::ReplayResult r;
  try {
    r = store::replayJournal(*journal_, store_, std::numeric_limits<int>::max(), kSliceMs);
  } catch (const Error& e) {  // the journal file itself failed: try again later
    r.stopped = true;
    r.reason = e.full();
  }
  for (qint64 video : r.videos)
    emit sent(video);
  refusedNow_ += r.refused;
  if (r.refused > 0)
    lastRefusal_ = r.reason;
  if (r.stopped) {
    if (r.offline)
      connectionLost();
    else
      setStatus(tr("%n edit(s) kept on this computer; the server cannot take them yet (retrying): %1",
                   nullptr, waiting())
                    .arg(r.reason));
    retry_->start();
    return;
  }
  offline_ = false;
  if (!journal_->isEmpty()) {
    setStatus(tr("Sending %n kept edit(s)…", nullptr, waiting()));
    slice_->start();
    return;
  }
  if (refusedNow_ > 0) {
    setStatus(tr("All edits sent but %n the server refused; they are kept aside on this computer "
                 "(File › Edits the server refused…): %1",
                 nullptr, refusedNow_)
                  .arg(lastRefusal_));
  } else {
    setStatus(tr("All edits sent"));
    clear_->start();
  }
  refusedNow_ = 0;
  emit allSent();
}

void OfflineEdits::setStatus(const QString& text) {
  if (text == status_)
    return;
  status_ = text;
  if (label_) {
    label_->setText(text);
    label_->setVisible(!text.isEmpty());
  }
  emit statusChanged(text);
}

void OfflineEdits::overlay(qint64 videoId, std::optional<Evaluation>& evaluation, qint64 annotatorId) const {
  for (const store::EditJournal::Entry& e : journal_->pending()) {
    if (e.edit.videoId == videoId && e.edit.annotator == annotator_)
      store::applyEvaluationEdit(e.edit, evaluation, annotatorId);
  }
}

void OfflineEdits::overlay(const QVector<qint64>& candidates, qint64 promptId,
                           QVector<PreferenceRecord>& preferences, qint64 annotatorId) const {
  for (const store::EditJournal::Entry& e : journal_->pending()) {
    if (!e.preference || e.preference->annotator != annotator_ ||
        e.preference->kind != store::PreferenceEdit::Kind::Pair)
      continue;
    if (candidates.contains(e.preference->pair.leftVideoId) &&
        candidates.contains(e.preference->pair.rightVideoId))
      store::applyPreferenceEdit(*e.preference, preferences, annotatorId, promptId);
  }
}

void OfflineEdits::overlay(qint64 promptId, std::optional<BestOfNPick>& pick, qint64 annotatorId) const {
  for (const store::EditJournal::Entry& e : journal_->pending()) {
    if (e.preference && e.preference->annotator == annotator_ &&
        e.preference->kind == store::PreferenceEdit::Kind::Pick && e.preference->pick.promptId == promptId)
      store::applyPreferenceEdit(*e.preference, pick, annotatorId);
  }
}

bool OfflineEdits::refreshKept(QueueModel& queue, AnnotationSession& session, qint64 videoId) {
  QSet<qint64> videos;
  if (videoId != 0) {
    if (!offline_ && !journal_->hasPendingFor(videoId, annotator_)) {
      try {
        queue.refreshVideo(store_, videoId);
        return true;
      } catch (const store::ConnectionLost&) {
        connectionLost();  // gone since the last write: show what this window knows
      }
    }
    videos.insert(videoId);
  } else {
    for (const store::EditJournal::Entry& e : journal_->pending()) {
      if (!e.preference && e.edit.annotator == annotator_)
        videos.insert(e.edit.videoId);
    }
  }
  for (qint64 v : videos) {
    try {
      queue.setMine(v, session.mine(v));
    } catch (const Error&) {
      // shown as it was
    }
  }
  return true;
}

}  // namespace vs::ui
