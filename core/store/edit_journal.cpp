#include "core/store/edit_journal.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <algorithm>

#include "core/domain/error.h"

namespace vs::store {

namespace {

QAtomicInteger<int> journalsOpened;

QSqlDatabase database(const QString& connection) {
  return QSqlDatabase::database(connection, false);
}

}  // namespace

QString EditJournal::pathFor(const QString& project, const QString& annotator, const QString& folder) {
  const QString dir = folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                             QStringLiteral("/journals")
                                       : folder;
  const QByteArray key =
      QCryptographicHash::hash((project + QLatin1Char('\n') + annotator).toUtf8(), QCryptographicHash::Sha256)
          .toHex()
          .left(32);
  return dir + QStringLiteral("/edits-") + QString::fromLatin1(key) + QStringLiteral(".sqlite");
}

EditJournal::EditJournal(const QString& file, const QString& project)
    : file_(file),
      project_(project),
      connection_(QStringLiteral("vs_edit_journal_%1").arg(journalsOpened.fetchAndAddRelaxed(1))) {
  if (!QDir().mkpath(QFileInfo(file).absolutePath()))
    throw Error(Error::Kind::Io, file, QStringLiteral("cannot make the folder of the offline journal"));
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
    db.setDatabaseName(file);
    if (!db.open())
      throw Error(Error::Kind::Io, file, db.lastError().text());
  }
  // WAL with synchronous = FULL: each commit (an appended edit) is fsync'd before it returns, so
  // an edit reported as kept survives a crash or a power cut. Removing a sent edit is not synced
  // on its own (remove()).
  exec(QStringLiteral("PRAGMA journal_mode = WAL"));
  exec(QStringLiteral("PRAGMA synchronous = FULL"));
  exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
  exec(
      QStringLiteral("CREATE TABLE IF NOT EXISTS pending(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                     "edit_json TEXT NOT NULL, kept_at INTEGER NOT NULL)"));
  exec(
      QStringLiteral("CREATE TABLE IF NOT EXISTS refused(seq INTEGER PRIMARY KEY, edit_json TEXT NOT NULL, "
                     "reason TEXT NOT NULL, refused_at INTEGER NOT NULL)"));
  exec(QStringLiteral("INSERT OR IGNORE INTO meta(key, value) VALUES ('project', ?)"), {project});
  QSqlQuery q(database(connection_));
  if (!q.exec(QStringLiteral("SELECT seq, edit_json FROM pending ORDER BY seq")))
    throw Error(Error::Kind::Io, file_, q.lastError().text());
  while (q.next()) {
    Entry e;
    e.seq = q.value(0).toLongLong();
    try {
      e.preference = preferenceEditFromJson(q.value(1).toByteArray());
      if (!e.preference)
        e.edit = evaluationEditFromJson(q.value(1).toByteArray());
    } catch (const Error& bad) {
      // Unreadable entries are kept aside (with the text) rather than lost.
      exec(QStringLiteral("INSERT OR REPLACE INTO refused(seq, edit_json, reason, refused_at) "
                          "SELECT seq, edit_json, ?, ? FROM pending WHERE seq = ?"),
           {bad.message(), QDateTime::currentMSecsSinceEpoch(), e.seq});
      exec(QStringLiteral("DELETE FROM pending WHERE seq = ?"), {e.seq});
      continue;
    }
    pending_.append(e);
  }
}

EditJournal::~EditJournal() {
  database(connection_).close();
  QSqlDatabase::removeDatabase(connection_);
}

void EditJournal::exec(const QString& sql, const QVariantList& values) {
  QSqlQuery q(database(connection_));
  if (!q.prepare(sql))
    throw Error(Error::Kind::Io, file_, q.lastError().text());
  for (int i = 0; i < values.size(); ++i)
    q.bindValue(i, values[i]);
  if (!q.exec())
    throw Error(Error::Kind::Io, file_, q.lastError().text());
}

qint64 EditJournal::append(const EvaluationEdit& edit) {
  Entry entry;
  entry.edit = edit;
  return appendEntry(evaluationEditToJson(edit), entry);
}

qint64 EditJournal::append(const PreferenceEdit& edit) {
  Entry entry;
  entry.preference = edit;
  return appendEntry(preferenceEditToJson(edit), entry);
}

qint64 EditJournal::appendEntry(const QByteArray& json, Entry entry) {
  QSqlQuery q(database(connection_));
  q.prepare(QStringLiteral("INSERT INTO pending(edit_json, kept_at) VALUES (?, ?)"));
  q.bindValue(0, QString::fromUtf8(json));
  q.bindValue(1, QDateTime::currentMSecsSinceEpoch());
  if (!q.exec())
    throw Error(Error::Kind::Io, file_, QStringLiteral("cannot keep the edit: %1").arg(q.lastError().text()));
  entry.seq = q.lastInsertId().toLongLong();
  pending_.append(entry);
  return entry.seq;
}

bool EditJournal::hasPendingFor(qint64 videoId, const QString& annotator) const {
  return std::any_of(pending_.begin(), pending_.end(), [&](const Entry& e) {
    return !e.preference && e.edit.videoId == videoId && e.edit.annotator == annotator;
  });
}

void EditJournal::remove(qint64 seq) {
  // Not fsync'd: a removal lost to a power cut only sends that edit again, and its values are
  // absolute (the same evaluation results). The next append syncs it with the rest of the WAL,
  // and the removal that empties the journal is synced before it returns, so an edit sent
  // already can never come back after newer edits went straight to the server.
  exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
  exec(QStringLiteral("DELETE FROM pending WHERE seq = ?"), {seq});
  exec(QStringLiteral("PRAGMA synchronous = FULL"));
  pending_.erase(
      std::remove_if(pending_.begin(), pending_.end(), [&](const Entry& e) { return e.seq == seq; }),
      pending_.end());
  if (pending_.isEmpty())
    exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

void EditJournal::setAside(qint64 seq, const QString& reason) {
  QSqlDatabase db = database(connection_);
  if (!db.transaction())
    throw Error(Error::Kind::Io, file_, db.lastError().text());
  try {
    exec(QStringLiteral("INSERT OR REPLACE INTO refused(seq, edit_json, reason, refused_at) "
                        "SELECT seq, edit_json, ?, ? FROM pending WHERE seq = ?"),
         {reason, QDateTime::currentMSecsSinceEpoch(), seq});
    exec(QStringLiteral("DELETE FROM pending WHERE seq = ?"), {seq});
  } catch (...) {
    db.rollback();
    throw;
  }
  if (!db.commit())
    throw Error(Error::Kind::Io, file_, db.lastError().text());
  pending_.erase(
      std::remove_if(pending_.begin(), pending_.end(), [&](const Entry& e) { return e.seq == seq; }),
      pending_.end());
}

QVector<EditJournal::Refused> EditJournal::refused() const {
  QVector<Refused> all;
  QSqlQuery q(database(connection_));
  if (!q.exec(QStringLiteral("SELECT seq, edit_json, reason, refused_at FROM refused ORDER BY seq")))
    throw Error(Error::Kind::Io, file_, q.lastError().text());
  while (q.next()) {
    Refused r;
    r.seq = q.value(0).toLongLong();
    try {
      r.preference = preferenceEditFromJson(q.value(1).toByteArray());
      if (!r.preference)
        r.edit = evaluationEditFromJson(q.value(1).toByteArray());
    } catch (const Error&) {
      // kept as text in the file; shown without its content
    }
    r.reason = q.value(2).toString();
    r.at = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    all.append(r);
  }
  return all;
}

}  // namespace vs::store
