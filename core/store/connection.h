#pragma once
// The store's one seam to a database: a Connection (SQLite file or PostgreSQL server) prepares
// Statements and runs transactions; Store's operations are written once against it. SQL is
// written in the SQLite spelling shared by both (`?` / `?N` parameters, RETURNING for new ids,
// ON CONFLICT upserts); the PostgreSQL connection translates parameters to $n and the few
// spelled-out differences listed in pg_connection.cpp. Schema DDL and triggers differ per
// backend and live in schema.cpp / schema_pg.cpp.
#include <QByteArray>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

namespace vs::store {

enum class Backend { Sqlite, Postgres };

// One prepared statement of a backend. Parameter indexes are 1-based as written in the SQL.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void bindInt(int index, qint64 value) = 0;
  virtual void bindReal(int index, double value) = 0;
  // `stable`: the bytes outlive the step (no copy needed).
  virtual void bindText(int index, const QByteArray& utf8, bool stable) = 0;
  virtual void bindNull(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;  // bindings cleared
  virtual bool isNull(int column) const = 0;
  virtual qint64 int64(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual QByteArray bytes(int column) const = 0;  // "" for NULL
  virtual QVariant value(int column) const = 0;    // null, qint64, double or QString
};

// What a write transaction locks. Exclusive: every writer of the project waits for the others
// (the store's default: its read-then-write steps rely on it). RowLocks: on PostgreSQL only the
// rows the statements lock (FOR UPDATE SKIP LOCKED leases); SQLite has one writer either way.
enum class TransactionKind { Exclusive, RowLocks };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  virtual std::unique_ptr<StatementBackend> prepare(const char* sql, const QString& where) = 0;
  virtual void exec(const char* sql, const QString& where) = 0;  // one or more statements, no parameters
  virtual void beginWrite(const QString& where, int busyTimeoutMs, TransactionKind kind) = 0;
  virtual void beginRead(const QString& where) = 0;  // one consistent snapshot
  virtual void commit(const QString& where) = 0;
  virtual void rollback() noexcept = 0;
  virtual qint64 changes() const = 0;  // rows written by the last statement run
  // SQLite: the rowid of the last row inserted (not counting triggers). PostgreSQL has none: throws.
  virtual qint64 lastInsertId(const QString& where) const;
  virtual qint64 sessionId() const { return 0; }        // PostgreSQL: the server process of this connection
  virtual int schemaVersion(const QString& where) = 0;  // 0: empty database
  // PostgreSQL: runs `sql` (a COPY ... FROM STDIN) sending `data`, rows in COPY's text format.
  // SQLite has no COPY: throws.
  virtual void copyIn(const char* sql, const QByteArray& data, const QString& where);
  virtual void setSchemaVersion(int version, const QString& where) = 0;
  // Held for the length of a bulk import (SQLite: rollback journal, no per-row foreign key checks).
  class BulkScope {
   public:
    virtual ~BulkScope() = default;
  };
  virtual std::unique_ptr<BulkScope> bulkScope() { return std::make_unique<BulkScope>(); }
};

class Statement {
 public:
  Statement(Connection& db, const char* sql, const QString& where);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, qint64 value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind(int index,
                  const QByteArray& utf8);  // bound as TEXT (empty stays ""); must outlive the step
  Statement& bind(int index, const QString& text);
  Statement& bindNull(int index);

  bool step();   // true: a row is ready; false: done. Throws on error.
  void reset();  // ready to bind and step again (bindings cleared)
  void run() {
    step();
    reset();
  }

  bool isNull(int column) const;
  qint64 int64(int column) const;
  double real(int column) const;
  std::optional<double> optionalReal(int column) const;
  QByteArray bytes(int column) const;  // UTF-8 copy
  QString text(int column) const;
  QVariant value(int column) const;

 private:
  std::unique_ptr<StatementBackend> impl_;
};

// A write transaction; rolls back unless commit() was called. SQLite: BEGIN IMMEDIATE (the write
// lock up front, so a busy project fails before any work). PostgreSQL: BEGIN and, for Exclusive,
// the project's writer lock. Either waits up to `busyTimeoutMs`, then throws "project is busy".
class Transaction {
 public:
  Transaction(Connection& db, const QString& where, int busyTimeoutMs = 5000,
              TransactionKind kind = TransactionKind::Exclusive);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& db_;
  QString where_;
  bool open_ = false;
};

// A read transaction: one snapshot for several statements; ends (commit) on destruction.
class ReadTransaction {
 public:
  ReadTransaction(Connection& db, const QString& where);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Connection& db_;
  QString where_;
};

inline void execSql(Connection& db, const char* sql, const QString& where) {
  db.exec(sql, where);
}

// Is `project` a PostgreSQL connection URI (postgresql:// or postgres://) rather than a file?
bool isPostgresUri(const QString& project);

enum class OpenMode;
// Opens the project's connection (checks existence per `mode`; no schema work).
std::unique_ptr<Connection> openSqlite(const QString& path, OpenMode mode, int busyTimeoutMs);
std::unique_ptr<Connection> openPostgres(const QString& uri, OpenMode mode, int busyTimeoutMs);

}  // namespace vs::store
