#include "core/store/sqlite_statement.h"

#include <QElapsedTimer>
#include <QThread>
#include <sqlite3.h>

#include "core/domain/error.h"

namespace vs::store {

void throwSqlite(sqlite3* db, int rc, const QString& where) {
  const int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw Error(Error::Kind::Io, where,
                QStringLiteral("project is busy: another program is writing it (try again)"));
  }
  const QString message = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_CONSTRAINT) {
    throw Error(Error::Kind::InvalidData, where, message);
  }
  if (primary == SQLITE_NOTADB) {
    throw Error(Error::Kind::Io, where, QStringLiteral("not a VideoScore project (%1)").arg(message));
  }
  throw Error(Error::Kind::Io, where, message);
}

Statement::Statement(sqlite3* db, const char* sql, const QString& where) : db_(db), where_(where) {
  const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    throwSqlite(db, rc, where);
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, qint64 value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  if (value) {
    sqlite3_bind_double(stmt_, index, *value);
  } else {
    sqlite3_bind_null(stmt_, index);
  }
  return *this;
}

Statement& Statement::bind(int index, const QByteArray& utf8) {
  // SQLITE_STATIC: the caller's bytes outlive the step (bindings are cleared on reset).
  sqlite3_bind_text(stmt_, index, utf8.isNull() ? "" : utf8.constData(), static_cast<int>(utf8.size()),
                    SQLITE_STATIC);
  return *this;
}

Statement& Statement::bind(int index, const QString& text) {
  const QByteArray utf8 = text.toUtf8();
  sqlite3_bind_text(stmt_, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  throwSqlite(db_, rc, where_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
qint64 Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> Statement::optionalReal(int column) const {
  if (isNull(column)) return std::nullopt;
  return sqlite3_column_double(stmt_, column);
}

QByteArray Statement::bytes(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return text ? QByteArray(text, size) : QByteArray("");
}

QString Statement::text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return text ? QString::fromUtf8(text, size) : QString(QLatin1String(""));
}

void execSql(sqlite3* db, const char* sql, const QString& where) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) throwSqlite(db, rc, where);
}

void execSqlWaiting(sqlite3* db, const char* sql, const QString& where, int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  for (;;) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    const int primary = rc & 0xFF;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || timer.elapsed() >= timeoutMs) {
      throwSqlite(db, rc, where);
    }
    QThread::msleep(10);
  }
}

Transaction::Transaction(sqlite3* db, const QString& where, int busyTimeoutMs) : db_(db), where_(where) {
  execSqlWaiting(db_, "BEGIN IMMEDIATE", where_, busyTimeoutMs);
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  execSql(db_, "COMMIT", where_);
  open_ = false;
}

}  // namespace vs::store
