#pragma once
// The offline journal: a person's edits to a database project that the server could not take
// (it was away), kept in order in a small SQLite file on this computer until they are sent
// (journal_replay.h). One journal per project URI and person; a window that closes or crashes
// leaves it for the next one. append() returns only once the entry is on disk (SQLite,
// synchronous = FULL: fsync'd before commit returns). Entries the server refused for a reason
// other than the connection are set aside in the same file, with the reason, never dropped.
// Belongs to the thread that opened it; throws vs::Error (Kind::Io) when the file fails.
#include <QDateTime>
#include <QString>
#include <QVector>

#include "core/store/evaluation_edit.h"
#include "core/store/preference_edit.h"

namespace vs::store {

class EditJournal {
 public:
  struct Entry {
    qint64 seq = 0;       // order of arrival (increasing)
    EvaluationEdit edit;  // empty (no video) when the entry is a preference choice
    std::optional<PreferenceEdit> preference;
  };
  struct Refused {
    qint64 seq = 0;
    EvaluationEdit edit;
    std::optional<PreferenceEdit> preference;
    QString reason;
    QDateTime at;  // UTC, when it was set aside
  };

  // Where the journal of `project` for `annotator` lives: `folder` (default: the application's
  // data folder, QStandardPaths::AppDataLocation, + "/journals") + a name made from both.
  static QString pathFor(const QString& project, const QString& annotator, const QString& folder = QString());
  // Opens the journal file (made when missing) of `project`.
  EditJournal(const QString& file, const QString& project);
  ~EditJournal();
  EditJournal(const EditJournal&) = delete;
  EditJournal& operator=(const EditJournal&) = delete;

  QString path() const { return file_; }
  QString project() const { return project_; }

  // Appends `edit` after every pending one; on disk when it returns. Returns its seq.
  qint64 append(const EvaluationEdit& edit);
  qint64 append(const PreferenceEdit& edit);
  const QVector<Entry>& pending() const { return pending_; }  // oldest first
  bool isEmpty() const { return pending_.isEmpty(); }
  int pendingCount() const { return int(pending_.size()); }
  bool hasPendingFor(qint64 videoId, const QString& annotator) const;
  // Removes a pending entry (it was committed on the server).
  void remove(qint64 seq);
  // Moves a pending entry aside with the server's reason.
  void setAside(qint64 seq, const QString& reason);
  QVector<Refused> refused() const;  // oldest first

 private:
  qint64 appendEntry(const QByteArray& json, Entry entry);
  void exec(const QString& sql, const QVariantList& values = {});

  QString file_;
  QString project_;
  QString connection_;
  QVector<Entry> pending_;
};

}  // namespace vs::store
