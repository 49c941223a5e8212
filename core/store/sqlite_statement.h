#pragma once
// RAII over the sqlite3 C API, used on the connection QSQLITE opened (QSqlDriver::handle()).
// Prepared statements are kept for the life of the Store, so an edit costs one step, not a
// parse; bulk import binds UTF-8 bytes straight from the parsed file.
#include <QByteArray>
#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace vs::store {

// Throws vs::Error for a failed sqlite call: busy/locked -> Io "project is busy ...",
// constraint -> InvalidData, everything else -> Io with SQLite's message.
[[noreturn]] void throwSqlite(sqlite3* db, int rc, const QString& where);

class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const QString& where);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, qint64 value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind(int index, const QByteArray& utf8);  // bound as TEXT (empty stays "")
  Statement& bind(int index, const QString& text);
  Statement& bindNull(int index);

  bool step();   // true: a row is ready; false: done. Throws on error.
  void reset();  // ready to bind and step again (bindings cleared)
  void run() { step(); reset(); }

  bool isNull(int column) const;
  qint64 int64(int column) const;
  double real(int column) const;
  std::optional<double> optionalReal(int column) const;
  QByteArray bytes(int column) const;  // UTF-8 copy
  QString text(int column) const;
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  QString where_;
};

// BEGIN IMMEDIATE (takes the write lock up front so a busy project fails before any work);
// rolls back unless commit() was called.
class Transaction {
 public:
  // `busyTimeoutMs`: how long to keep retrying while another connection holds the lock.
  Transaction(sqlite3* db, const QString& where, int busyTimeoutMs = 5000);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  sqlite3* db_;
  QString where_;
  bool open_ = false;
};

void execSql(sqlite3* db, const char* sql, const QString& where);
// execSql that retries for up to `timeoutMs` while the database is busy. SQLite skips its busy
// handler in some lock upgrades (and while another connection switches the journal mode), so
// waiting for another writer cannot be left to sqlite3_busy_timeout alone.
void execSqlWaiting(sqlite3* db, const char* sql, const QString& where, int timeoutMs);

}  // namespace vs::store
