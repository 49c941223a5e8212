// The SQLite connection: the `.vsproj` file opened through Qt Sql's QSQLITE driver, statements on
// its sqlite3 handle. WAL journal, foreign keys on, schema version in PRAGMA user_version.
#include <sqlite3.h>
#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include "core/domain/error.h"
#include "core/store/connection.h"
#include "core/store/schema.h"
#include "core/store/store.h"

namespace vs::store {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

// busy/locked -> Io "project is busy ...", constraint -> InvalidData, everything else -> Io.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const QString& where) {
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

void execSqlite(sqlite3* db, const char* sql, const QString& where) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK)
    throwSqlite(db, rc, where);
}

// sqlite3_exec that retries for up to `timeoutMs` while the database is busy. SQLite skips its
// busy handler in some lock upgrades (and while another connection switches the journal mode),
// so waiting for another writer cannot be left to sqlite3_busy_timeout alone.
void execWaiting(sqlite3* db, const char* sql, const QString& where, int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  for (;;) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
      return;
    const int primary = rc & 0xFF;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || timer.elapsed() >= timeoutMs) {
      throwSqlite(db, rc, where);
    }
    QThread::msleep(10);
  }
}

qint64 queryInt(sqlite3* db, const char* sql, const QString& where) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    throwSqlite(db, rc, where);
  }
  const qint64 value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  return value;
}

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3* db, const char* sql, const QString& where) : db_(db), where_(where) {
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt_);
      stmt_ = nullptr;
      throwSqlite(db, rc, where);
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bindInt(int index, qint64 value) override { sqlite3_bind_int64(stmt_, index, value); }
  void bindReal(int index, double value) override { sqlite3_bind_double(stmt_, index, value); }
  void bindText(int index, const QByteArray& utf8, bool stable) override {
    // SQLITE_STATIC: the caller's bytes outlive the step (bindings are cleared on reset).
    sqlite3_bind_text(stmt_, index, utf8.isNull() ? "" : utf8.constData(), static_cast<int>(utf8.size()),
                      stable ? SQLITE_STATIC : SQLITE_TRANSIENT);
  }
  void bindNull(int index) override { sqlite3_bind_null(stmt_, index); }

  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
      return true;
    if (rc == SQLITE_DONE)
      return false;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    throwSqlite(db_, rc, where_);
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool isNull(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  qint64 int64(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const override { return sqlite3_column_double(stmt_, column); }
  QByteArray bytes(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return text ? QByteArray(text, size) : QByteArray("");
  }
  QVariant value(int column) const override {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_NULL:
        return {};
      case SQLITE_INTEGER:
        return QVariant(int64(column));
      case SQLITE_FLOAT:
        return QVariant(real(column));
      default:
        return QVariant(QString::fromUtf8(bytes(column)));
    }
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  QString where_;
};

// While no other connection has the project open, a bulk import runs with a rollback journal:
// new pages go straight into the file once, instead of into the WAL and again into the file at
// the checkpoint (measured: about a fifth of the import's CPU time for 27k items). Atomicity is
// the same (a hot journal is rolled back by the next open). With other connections open the
// switch is refused and the import stays in WAL mode. The WAL is restored afterwards.
// Every id a bulk import writes comes from its own transaction, so the per-row foreign key
// lookups only cost time there (they stay on for every other write).
class SqliteBulkScope final : public Connection::BulkScope {
 public:
  explicit SqliteBulkScope(sqlite3* db, const QString& where) : db_(db) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode = TRUNCATE", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      switched_ = qstricmp(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "truncate") == 0;
    }
    sqlite3_finalize(stmt);
    execSqlite(db_, "PRAGMA foreign_keys = OFF", where);
  }
  ~SqliteBulkScope() override {
    sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    if (switched_)
      sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_;
  bool switched_ = false;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const QString& path, int busyTimeoutMs) : path_(path), busyTimeoutMs_(busyTimeoutMs) {
    connectionName_ = QStringLiteral("vs_store_%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
    if (!database.isValid()) {
      throw Error(Error::Kind::Io, path, QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    }
    database.setDatabaseName(path);
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!database.open()) {
      throw Error(Error::Kind::Io, path, database.lastError().text());
    }
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
      throw Error(Error::Kind::Io, path, QStringLiteral("unexpected SQLite driver handle"));
    }
    db_ = *static_cast<sqlite3* const*>(handle.constData());
    sqlite3_busy_timeout(db_, busyTimeoutMs);
  }
  ~SqliteConnection() override {
    {
      QSqlDatabase database = QSqlDatabase::database(connectionName_, false);
      database.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
  }

  void configure() {
    const int version = static_cast<int>(queryInt(db_, "PRAGMA user_version", path_));
    const int applicationId = static_cast<int>(queryInt(db_, "PRAGMA application_id", path_));
    const qint64 tables = queryInt(db_, "SELECT count(*) FROM sqlite_schema", path_);
    if ((version == 0 && tables > 0) || (version > 0 && applicationId != kApplicationId)) {
      throw Error(Error::Kind::Io, path_, QStringLiteral("not a VideoScore project"));
    }
    if (version == 0 && tables == 0)
      execSqlite(db_, "PRAGMA page_size = 8192", path_);
    // WAL: readers never block the writer; synchronous=NORMAL keeps every committed transaction
    // across a killed process (only a power loss can drop the last ones).
    execWaiting(db_, "PRAGMA journal_mode = WAL", path_, busyTimeoutMs_);
    execSqlite(db_, "PRAGMA synchronous = NORMAL", path_);
    execSqlite(db_, "PRAGMA foreign_keys = ON", path_);
    // A bulk import touches several B-trees at once; with SQLite's 2 MB default the page cache
    // spills the same pages to the WAL again and again (measured: 400k writes for 27k items).
    // The cache grows only as needed.
    execSqlite(db_, "PRAGMA cache_size = -262144", path_);
    // Statement journals in memory: an insert that fires triggers inside a longer transaction
    // keeps one, and past 64 KB SQLite moves it to a temporary file, so a bulk import wrote two
    // pages to /var/tmp per row (measured: 460k pwrite calls, 0.64 s of system time, 27k items).
    execSqlite(db_, "PRAGMA temp_store = MEMORY", path_);
  }

  Backend backend() const override { return Backend::Sqlite; }
  std::unique_ptr<StatementBackend> prepare(const char* sql, const QString& where) override {
    return std::make_unique<SqliteStatement>(db_, sql, where);
  }
  void exec(const char* sql, const QString& where) override { execSqlite(db_, sql, where); }
  void beginWrite(const QString& where, int busyTimeoutMs, TransactionKind) override {
    execWaiting(db_, "BEGIN IMMEDIATE", where, busyTimeoutMs);
  }
  void beginRead(const QString& where) override { execSqlite(db_, "BEGIN", where); }
  void commit(const QString& where) override { execSqlite(db_, "COMMIT", where); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_))
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  qint64 changes() const override { return sqlite3_changes64(db_); }
  qint64 lastInsertId(const QString&) const override { return sqlite3_last_insert_rowid(db_); }
  int schemaVersion(const QString& where) override {
    return static_cast<int>(queryInt(db_, "PRAGMA user_version", where));
  }
  void setSchemaVersion(int version, const QString& where) override {
    if (version >= 1) {
      execSqlite(db_, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId).toUtf8().constData(),
                 where);
    }
    execSqlite(db_, QStringLiteral("PRAGMA user_version = %1").arg(version).toUtf8().constData(), where);
  }
  std::unique_ptr<BulkScope> bulkScope() override { return std::make_unique<SqliteBulkScope>(db_, path_); }

 private:
  QString path_;
  QString connectionName_;
  sqlite3* db_ = nullptr;  // owned by the QSqlDatabase connection
  int busyTimeoutMs_;
};

}  // namespace

std::unique_ptr<Connection> openSqlite(const QString& path, OpenMode mode, int busyTimeoutMs) {
  const bool exists = QFileInfo::exists(path);
  if (mode == OpenMode::OpenExisting && !exists) {
    throw Error(Error::Kind::Io, path, QStringLiteral("no such project file"));
  }
  if (mode == OpenMode::CreateNew && exists) {
    throw Error(Error::Kind::Io, path, QStringLiteral("file already exists"));
  }
  auto connection = std::make_unique<SqliteConnection>(path, busyTimeoutMs);
  connection->configure();
  return connection;
}

}  // namespace vs::store
