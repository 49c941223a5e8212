// Store::copy: a whole project from one backend to the other (or the same), rows and ids as they
// are, history included, in one transaction on the destination: whole or not at all.
#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/store/schema.h"
#include "core/store/store.h"
#include "core/store/store_impl.h"

namespace vs::store {
namespace {

struct TableCopy {
  const char* table;
  const char* columns;
  const char* order;
  bool serialId;  // a PostgreSQL bigserial id whose sequence must move past the copied ids
};

// Parents before children; every column of schema version 7 but videos.takers and videos.room
// (counted again once the rows are in).
constexpr TableCopy kTables[] = {
    {"prompts", "id, text", "id", true},
    {"videos", "id, name, prompt_id, url, path, content_hash, probe_json, generator, batch", "id", true},
    {"annotators", "id, name, kind", "id", true},
    {"evaluations",
     "id, video_id, annotator_id, visual, t2v, phy, thinking, origin, model_id, settings_json, "
     "time_spent_ms, "
     "created_at, updated_at, visual_rationale, t2v_rationale, phy_rationale, extra_json",
     "id", true},
    {"history", "id, evaluation_id, field, old_value, new_value, changed_at, origin", "id", true},
    {"imports", "id, source, format, annotator, items, imported_at", "id", true},
    {"query_templates", "name, text, updated_at, version", "name", false},
    {"media_folders", "position, path", "position", false},
    {"preferences",
     "id, annotator_id, prompt_id, left_id, right_id, dimension, choice, presentation, swapped, reason, "
     "time_spent_ms, created_at, updated_at",
     "id", true},
    {"preference_history", "id, preference_id, field, old_value, new_value, changed_at", "id", true},
    {"best_of_n_picks",
     "id, annotator_id, prompt_id, candidates_json, best_id, worst_id, time_spent_ms, created_at, updated_at",
     "id", true},
    {"pick_history", "id, pick_id, field, old_value, new_value, changed_at", "id", true},
    {"settings", "key, value", "key", false},
    {"leases", "video_id, annotator_id, expires_at", "video_id, annotator_id", false},
    {"rubric", "id, json, version, updated_at", "id", false},
    {"video_flags", "video_id, flags, version, updated_at", "video_id", false},
};

// Triggers that would write history for rows being copied (their history is copied as it is).
constexpr const char* kSqliteInsertTriggers[] = {"preferences_created", "best_of_n_picks_created"};
constexpr const char* kPgInsertTriggers[][2] = {{"preferences", "preferences_history"},
                                                {"best_of_n_picks", "best_of_n_picks_history"}};

void bindValue(Statement& s, int index, const QVariant& v) {
  if (v.isNull()) {
    s.bindNull(index);
  } else if (v.typeId() == QMetaType::LongLong) {
    s.bind(index, v.toLongLong());
  } else if (v.typeId() == QMetaType::Double) {
    s.bind(index, v.toDouble());
  } else {
    s.bind(index, v.toString());
  }
}

qint64 copyRows(Connection& from, Connection& to, const TableCopy& t, const QString& where) {
  const int columns = static_cast<int>(QByteArray(t.columns).count(',')) + 1;
  const QByteArray select = QByteArray("SELECT ") + t.columns + " FROM " + t.table + " ORDER BY " + t.order;
  QByteArray insert = QByteArray("INSERT INTO ") + t.table + "(" + t.columns + ") VALUES (";
  for (int i = 1; i <= columns; ++i)
    insert += (i > 1 ? ", ?" : "?") + QByteArray::number(i);
  insert += ")";
  Statement read(from, select.constData(), where);
  Statement write(to, insert.constData(), where);
  qint64 rows = 0;
  while (read.step()) {
    for (int c = 0; c < columns; ++c)
      bindValue(write, c + 1, read.value(c));
    write.run();
    ++rows;
  }
  return rows;
}

void removeFile(const QString& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    QFile::remove(path + QLatin1String(suffix));
}

}  // namespace

CopyResult Store::copy(const QString& source, const QString& destination) {
  if (isPostgresUri(destination) == false && QFileInfo::exists(destination)) {
    throw Error(Error::Kind::Io, destination, QStringLiteral("file already exists"));
  }
  Store from(source, OpenMode::OpenExisting);
  // A file is written under another name and renamed once complete; a database must be empty
  // and is emptied again when the copy fails.
  const bool toFile = !isPostgresUri(destination);
  const QString target =
      toFile ? QStringLiteral("%1.partial-%2").arg(destination).arg(::getpid()) : destination;
  if (toFile)
    removeFile(target);
  CopyResult result;
  bool created = false;
  try {
    Store to(target, OpenMode::CreateNew);
    created = true;
    Connection& src = *from.d_->db;
    Connection& dst = *to.d_->db;
    const QString where = QStringLiteral("%1 -> %2").arg(source, destination);
    const ReadTransaction snapshot(src, where);
    Transaction transaction(dst, where, to.d_->busyTimeoutMs);
    QStringList restore;
    if (dst.backend() == Backend::Sqlite) {
      for (const char* name : kSqliteInsertTriggers) {
        Statement s(dst, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", where);
        s.bind(1, QString::fromLatin1(name));
        if (s.step())
          restore << s.text(0);
        s.reset();
        execSql(dst, (QByteArray("DROP TRIGGER ") + name).constData(), where);
      }
    } else {
      for (const auto& trigger : kPgInsertTriggers) {
        execSql(dst, (QByteArray("ALTER TABLE ") + trigger[0] + " DISABLE TRIGGER " + trigger[1]).constData(),
                where);
      }
    }
    for (const TableCopy& t : kTables) {
      const qint64 rows = copyRows(src, dst, t, where);
      result.rows += rows;
      if (QLatin1String(t.table) == QLatin1String("evaluations"))
        result.evaluations = rows;
      if (QLatin1String(t.table) == QLatin1String("videos"))
        result.videos = rows;
      if (dst.backend() == Backend::Postgres && t.serialId) {
        const QByteArray sql = QByteArray("SELECT setval(pg_get_serial_sequence('") + t.table +
                               "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + t.table;
        execSql(dst, sql.constData(), where);
      }
    }
    recountLeaseRoom(dst, where);  // the triggers counted with settings not copied yet
    if (dst.backend() == Backend::Sqlite) {
      for (const QString& sql : restore)
        execSql(dst, sql.toUtf8().constData(), where);
    } else {
      for (const auto& trigger : kPgInsertTriggers) {
        execSql(dst, (QByteArray("ALTER TABLE ") + trigger[0] + " ENABLE TRIGGER " + trigger[1]).constData(),
                where);
      }
    }
    transaction.commit();
  } catch (...) {
    if (toFile) {
      removeFile(target);
    } else if (created) {
      dropProject(destination);
    }
    throw;
  }
  if (toFile && !QFile::rename(target, destination)) {
    removeFile(target);
    throw Error(Error::Kind::Io, destination, QStringLiteral("cannot move the finished copy into place"));
  }
  return result;
}

void Store::dropProject(const QString& uri) {
  if (!isPostgresUri(uri))
    throw Error(Error::Kind::Usage, uri, QStringLiteral("not a database project"));
  auto db = openPostgres(uri, OpenMode::OpenOrCreate, 5000);
  Transaction transaction(*db, uri);
  QStringList tables;
  {
    Statement s(*db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", uri);
    while (s.step())
      tables << s.text(0);
  }
  for (const QString& t : tables)
    execSql(*db, QStringLiteral("DROP TABLE IF EXISTS \"%1\" CASCADE").arg(t).toUtf8().constData(), uri);
  QStringList functions;
  {
    Statement s(
        *db,
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname LIKE 'vs\\_%'",
        uri);
    while (s.step())
      functions << s.text(0);
  }
  for (const QString& f : functions)
    execSql(*db, QStringLiteral("DROP FUNCTION IF EXISTS %1").arg(f).toUtf8().constData(), uri);
  transaction.commit();
}

}  // namespace vs::store
