#pragma once
// A window's edits while a team project's server is away: the person's writes that the server
// cannot take go to the offline journal on this computer (core/store/edit_journal.h), in order,
// and later edits queue behind them; the journal is sent when the server is back (the change
// watcher's reconnect, or a retry every few seconds), in slices between events so the window
// never freezes; a journal left by an earlier window is sent when the project is opened again.
// The status bar says how many edits wait, and when all were sent (pointing to the refused ones'
// dialog when the server refused some). File projects have none.
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <optional>

#include "core/domain/evaluation.h"
#include "core/domain/preference.h"

class QLabel;
class QStatusBar;
class QTimer;

namespace vs::store {
class ChangeWatcher;
class EditJournal;
struct EvaluationEdit;
struct PreferenceEdit;
class Store;
}  // namespace vs::store

namespace vs::ui {

class AnnotationSession;
class QueueModel;

class OfflineEdits : public QObject {
  Q_OBJECT
 public:
  // For a database project: the journal of `annotator` there, made known to `session`, following
  // `watcher` (may be null) and shown in `bar` (may be null); a journal left by an earlier window
  // starts to be sent at once. Null for a file project (its writes never wait), or when the
  // journal file cannot be opened (then `error` says why).
  static std::unique_ptr<OfflineEdits> attach(store::Store& store, const QString& annotator,
                                              AnnotationSession& session, store::ChangeWatcher* watcher,
                                              QStatusBar* bar, QString* error = nullptr);
  // `journalFile`: where the journal is (EditJournal::pathFor by default).
  OfflineEdits(store::Store& store, const QString& annotator, const QString& journalFile);
  ~OfflineEdits() override;

  store::EditJournal& journal() { return *journal_; }
  QString annotator() const { return annotator_; }
  // The server was found away and has not answered since.
  bool isOffline() const { return offline_; }
  // Must the next edit wait in the journal (older ones wait)?
  bool mustKeep() const;
  // Keeps `edit` on this computer (on disk when it returns; throws vs::Error when it cannot).
  void keep(const store::EvaluationEdit& edit);
  void keep(const store::PreferenceEdit& edit);
  // A read or write found the server away.
  void connectionLost();
  // The person's edits waiting for `videoId`, applied over `evaluation` (what the window shows).
  void overlay(qint64 videoId, std::optional<Evaluation>& evaluation, qint64 annotatorId) const;
  // The person's preference choices waiting for the pairs among `candidates` (of `promptId`),
  // and their Best-of-N pick of `promptId`, applied over what the server (or the window) knew.
  void overlay(const QVector<qint64>& candidates, qint64 promptId, QVector<PreferenceRecord>& preferences,
               qint64 annotatorId) const;
  void overlay(qint64 promptId, std::optional<BestOfNPick>& pick, qint64 annotatorId) const;
  // Refreshes the queue's row of `videoId` (every video with waiting edits when 0): from the
  // server, or what this window knows with the waiting edits over it while they wait or the
  // server is away. Always true (the row is refreshed).
  bool refreshKept(QueueModel& queue, AnnotationSession& session, qint64 videoId = 0);
  int waiting() const;
  QString statusText() const { return status_; }
  // Milliseconds between tries while edits wait (default 2000).
  void setRetryInterval(int ms);

 public slots:
  // Starts sending the waiting edits (oldest first, in slices between events).
  void sendSoon();
  void serverOnline(bool online);

 signals:
  void sent(qint64 videoId);  // an edit of this video reached the server (or was refused)
  void allSent();             // the journal is empty again after sending
  void statusChanged(const QString& text);

 private:
  void kept();  // after an append: retry soon, say how many wait
  // Asks the server off the window's thread whether it answers; sends only when it does, so a
  // server that does not answer never blocks the window for a connect timeout.
  void probe();
  void probed(bool answers);
  void sendSlice();
  void setStatus(const QString& text);

  store::Store& store_;
  QString annotator_;
  std::unique_ptr<store::EditJournal> journal_;
  QTimer* retry_ = nullptr;
  QTimer* slice_ = nullptr;
  QTimer* clear_ = nullptr;
  QPointer<QLabel> label_;  // owned by the status bar
  bool offline_ = false;
  bool probing_ = false;
  int refusedNow_ = 0;  // refused during the current sending
  QString lastRefusal_;
  QString status_;
};

}  // namespace vs::ui
