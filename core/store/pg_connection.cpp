// The PostgreSQL connection (libpq). Statements are written in the store's shared SQLite
// spelling and translated once, when prepared:
//   - `?N` and `?` parameters become $1..$m, numbered densely in order of first use (so a
//     statement may leave out parameters it does not need, as SQLite allows);
//   - `min(left_id, right_id)` / `max(left_id, right_id)` (SQLite's scalar min/max) become
//     least()/greatest().
// Everything else (ON CONFLICT upserts, RETURNING, coalesce, CASE) is the same in both.
// Values travel as text in both directions: doubles with 17 significant digits (exact), read
// back with PostgreSQL's shortest exact form, so a value reads back bit for bit.
// Passwords only come from libpq's own means (PGPASSWORD, PGPASSFILE, a service file): a URI
// that carries one is refused.
#include "core/store/libpq.h"
#include <QElapsedTimer>
#include <QUrl>
#include <QUrlQuery>
#include <vector>

#include "core/domain/error.h"
#include "core/store/connection.h"
#include "core/store/store.h"

namespace vs::store {
namespace {

// The project's writer lock (pg_advisory_xact_lock key): "VSP1".
constexpr qint64 kWriterLock = 0x56535031;

// Oids of the built-in types read back as numbers.
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

// Clears the result when the scope ends, a throw included.
struct ClearResult {
  PGresult* r;
  ~ClearResult() { libpq().PQclear(r); }
};

[[noreturn]] void throwPg(PGconn* conn, const PGresult* result, const QString& where) {
  const char* state = result ? libpq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  QString message =
      QString::fromUtf8(result ? libpq().PQresultErrorMessage(result) : libpq().PQerrorMessage(conn))
          .trimmed();
  if (message.isEmpty())
    message = QString::fromUtf8(libpq().PQerrorMessage(conn)).trimmed();
  const QByteArray code(state ? state : "");
  if (code == "55P03" || code == "40001" || code == "40P01") {
    throw Error(Error::Kind::Io, where,
                QStringLiteral("project is busy: another program is writing it (try again)"));
  }
  if (code.startsWith("23"))
    throw Error(Error::Kind::InvalidData, where, message);
  if (libpq().PQstatus(conn) != CONNECTION_OK) {
    throw ConnectionLost(where, QStringLiteral("connection to the server lost: %1").arg(message));
  }
  throw Error(Error::Kind::Io, where, message);
}

struct Translated {
  QByteArray sql;
  std::vector<int> slot;  // written index -> 1-based $n (0: unused)
  int count = 0;
};

Translated translate(const char* source) {
  Translated t;
  QByteArray in(source);
  in.replace("min(left_id, right_id)", "least(left_id, right_id)");
  in.replace("max(left_id, right_id)", "greatest(left_id, right_id)");
  int highest = 0;
  bool quoted = false;
  for (qsizetype i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\'')
      quoted = !quoted;
    if (quoted || c != '?') {
      t.sql += c;
      continue;
    }
    int index = 0;
    qsizetype j = i + 1;
    while (j < in.size() && in[j] >= '0' && in[j] <= '9')
      index = index * 10 + (in[j++] - '0');
    if (j == i + 1)
      index = highest + 1;
    highest = std::max(highest, index);
    if (static_cast<int>(t.slot.size()) <= index)
      t.slot.resize(static_cast<size_t>(index) + 1, 0);
    if (t.slot[static_cast<size_t>(index)] == 0)
      t.slot[static_cast<size_t>(index)] = ++t.count;
    t.sql += '$';
    t.sql += QByteArray::number(t.slot[static_cast<size_t>(index)]);
    i = j - 1;
  }
  return t;
}

class PgConnection;

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgConnection& c, const char* sql, const QString& where);
  ~PgStatement() override;

  void bindInt(int index, qint64 value) override { set(index, QByteArray::number(value)); }
  void bindReal(int index, double value) override { set(index, QByteArray::number(value, 'g', 17)); }
  // A deep copy: libpq reads a text parameter up to its NUL, and the caller's bytes may be a view
  // into a larger buffer.
  void bindText(int index, const QByteArray& utf8, bool) override {
    set(index, QByteArray(utf8.constData(), utf8.size()));
  }
  void bindNull(int index) override {
    const int n = slotOf(index);
    if (n > 0) {
      values_[static_cast<size_t>(n - 1)] = QByteArray();
      null_[static_cast<size_t>(n - 1)] = true;
    }
  }
  bool step() override;
  bool execute();
  void reset() override {
    clearResult();
    for (size_t i = 0; i < values_.size(); ++i) {
      values_[i] = QByteArray();
      null_[i] = true;
    }
  }
  bool isNull(int column) const override { return libpq().PQgetisnull(result_, row_, column) != 0; }
  qint64 int64(int column) const override {
    return QByteArray::fromRawData(libpq().PQgetvalue(result_, row_, column),
                                   libpq().PQgetlength(result_, row_, column))
        .toLongLong();
  }
  double real(int column) const override {
    return QByteArray::fromRawData(libpq().PQgetvalue(result_, row_, column),
                                   libpq().PQgetlength(result_, row_, column))
        .toDouble();
  }
  QByteArray bytes(int column) const override {
    return QByteArray(libpq().PQgetvalue(result_, row_, column), libpq().PQgetlength(result_, row_, column));
  }
  QVariant value(int column) const override {
    if (isNull(column))
      return {};
    switch (libpq().PQftype(result_, column)) {
      case kInt2:
      case kInt4:
      case kInt8:
        return QVariant(int64(column));
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return QVariant(real(column));
      default:
        return QVariant(QString::fromUtf8(bytes(column)));
    }
  }

 private:
  int slotOf(int index) const {
    return index >= 0 && static_cast<size_t>(index) < t_.slot.size() ? t_.slot[static_cast<size_t>(index)]
                                                                     : 0;
  }
  void set(int index, QByteArray value) {
    const int n = slotOf(index);
    if (n <= 0)
      return;  // not used by this statement (SQLite ignores it too)
    values_[static_cast<size_t>(n - 1)] = std::move(value);
    null_[static_cast<size_t>(n - 1)] = false;
  }
  void clearResult() {
    if (result_)
      libpq().PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    rows_ = 0;
  }

  PgConnection& c_;
  Translated t_;
  QByteArray name_;
  QString where_;
  bool prepared_ = false;
  quint64 generation_ = 0;  // the connection's generation it was prepared in
  std::vector<QByteArray> values_;
  std::vector<bool> null_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

class PgConnection final : public Connection {
 public:
  PgConnection(const QString& uri, int busyTimeoutMs) : uri_(uri), busyTimeoutMs_(busyTimeoutMs) {
    const QByteArray dbname = uri.toUtf8();
    // connect_timeout before dbname: a URI that names its own wins. Without one, libpq waits on a
    // TCP server that does not answer for as long as the system's connect does (minutes).
    const char* keys[] = {"connect_timeout", "dbname", "client_encoding", "application_name", nullptr};
    const char* values[] = {"10", dbname.constData(), "UTF8", "vscore", nullptr};
    conn_ = libpq().PQconnectdbParams(keys, values, 1);
    if (!conn_ || libpq().PQstatus(conn_) != CONNECTION_OK) {
      const QString message =
          QString::fromUtf8(conn_ ? libpq().PQerrorMessage(conn_) : "out of memory").trimmed();
      libpq().PQfinish(conn_);
      conn_ = nullptr;
      throw Error(Error::Kind::Io, uri, QStringLiteral("cannot connect: %1").arg(message));
    }
    libpq().PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    run("SET TIME ZONE 'UTC'", uri_);
  }
  ~PgConnection() override { libpq().PQfinish(conn_); }

  PGconn* raw() const { return conn_; }
  // Bumped by each reconnection: statements prepared before it are gone from the server.
  quint64 generation() const { return generation_; }
  // After the server went away (restarted, network back): a new session, between transactions
  // only (a transaction in flight is lost with its session and reported as such). True when
  // connected again.
  bool reconnect() {
    if (libpq().PQstatus(conn_) == CONNECTION_OK)
      return false;
    libpq().PQreset(conn_);
    if (libpq().PQstatus(conn_) != CONNECTION_OK)
      return false;
    ++generation_;
    libpq().PQclear(libpq().PQexec(conn_, "SET TIME ZONE 'UTC'"));
    return true;
  }
  // Starts a transaction; a session the server dropped since the last one is opened again first.
  void begin(const QByteArray& sql, const QString& where) {
    try {
      run(sql.constData(), where);
    } catch (const Error&) {
      rollback();
      if (!reconnect())
        throw;
      run(sql.constData(), where);
    }
    inTransaction_ = true;
  }
  // Between begin() and commit()/rollback(). Kept here because a session the server cut reports
  // no transaction status at all.
  bool inTransaction() const { return inTransaction_; }
  QByteArray nextName() { return "vs_s" + QByteArray::number(++statements_); }
  void setChanges(qint64 n) { changes_ = n; }

  // Runs parameterless SQL; returns the result of the last statement (caller clears).
  PGresult* query(const char* sql, const QString& where) {
    PGresult* r = libpq().PQexec(conn_, sql);
    const ExecStatusType status = libpq().PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const ClearResult clear{r};
      throwPg(conn_, r, where);
    }
    return r;
  }
  void run(const char* sql, const QString& where) { libpq().PQclear(query(sql, where)); }
  QByteArray scalar(const char* sql, const QString& where) {
    PGresult* r = query(sql, where);
    QByteArray v = libpq().PQntuples(r) > 0 && !libpq().PQgetisnull(r, 0, 0)
                       ? QByteArray(libpq().PQgetvalue(r, 0, 0))
                       : QByteArray();
    libpq().PQclear(r);
    return v;
  }

  Backend backend() const override { return Backend::Postgres; }
  std::unique_ptr<StatementBackend> prepare(const char* sql, const QString& where) override {
    return std::make_unique<PgStatement>(*this, sql, where);
  }
  void exec(const char* sql, const QString& where) override { run(sql, where); }
  void beginWrite(const QString& where, int busyTimeoutMs, TransactionKind kind) override {
    const QByteArray sql = QByteArray("BEGIN; SET LOCAL lock_timeout = ") +
                           QByteArray::number(std::max(1, busyTimeoutMs)) +
                           (kind == TransactionKind::Exclusive
                                ? "; SELECT pg_advisory_xact_lock(" + QByteArray::number(kWriterLock) + ")"
                                : QByteArray());
    try {
      begin(sql, where);
    } catch (...) {
      rollback();
      throw;
    }
  }
  void beginRead(const QString& where) override {
    begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", where);
  }
  void commit(const QString& where) override {
    inTransaction_ = false;
    run("COMMIT", where);
  }
  void copyIn(const char* sql, const QByteArray& data, const QString& where) override {
    PGresult* r = libpq().PQexec(conn_, sql);
    if (libpq().PQresultStatus(r) != PGRES_COPY_IN) {
      const ClearResult clear{r};
      throwPg(conn_, r, where);
    }
    libpq().PQclear(r);
    // Sent in pieces of 1 MiB; a refused send ends the COPY with an error message instead.
    constexpr qsizetype kPiece = 1 << 20;
    const char* failed = nullptr;
    for (qsizetype at = 0; at < data.size() && !failed; at += kPiece) {
      const int n = static_cast<int>(std::min(kPiece, data.size() - at));
      if (libpq().PQputCopyData(conn_, data.constData() + at, n) != 1)
        failed = "sending rows failed";
    }
    if (libpq().PQputCopyEnd(conn_, failed) != 1 && !failed)
      failed = "ending COPY failed";
    PGresult* last = nullptr;
    while (PGresult* next = libpq().PQgetResult(conn_)) {
      libpq().PQclear(last);
      last = next;
    }
    const ClearResult clear{last};
    if (!last || libpq().PQresultStatus(last) != PGRES_COMMAND_OK)
      throwPg(conn_, last, where);
    changes_ = QByteArray(libpq().PQcmdTuples(last)).toLongLong();
  }
  void rollback() noexcept override {
    inTransaction_ = false;
    const PGTransactionStatusType s = libpq().PQtransactionStatus(conn_);
    if (s == PQTRANS_INTRANS || s == PQTRANS_INERROR)
      libpq().PQclear(libpq().PQexec(conn_, "ROLLBACK"));
  }
  qint64 changes() const override { return changes_; }
  qint64 sessionId() const override { return libpq().PQbackendPID(conn_); }
  int schemaVersion(const QString& where) override {
    if (scalar("SELECT to_regclass('vs_meta') IS NOT NULL", where) != "t")
      return 0;
    return scalar("SELECT value FROM vs_meta WHERE key = 'schema_version'", where).toInt();
  }
  void setSchemaVersion(int version, const QString& where) override {
    const QByteArray sql = "INSERT INTO vs_meta(key, value) VALUES ('schema_version', '" +
                           QByteArray::number(version) +
                           "') ON CONFLICT(key) DO UPDATE SET value = excluded.value";
    run(sql.constData(), where);
  }

  void check(OpenMode mode) {
    const bool isProject = scalar("SELECT to_regclass('vs_meta') IS NOT NULL", uri_) == "t";
    const qint64 tables =
        scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", uri_).toLongLong();
    if (isProject) {
      if (scalar("SELECT value FROM vs_meta WHERE key = 'application'", uri_) != "VideoScore") {
        throw Error(Error::Kind::Io, uri_, QStringLiteral("not a VideoScore project"));
      }
      if (mode == OpenMode::CreateNew) {
        throw Error(Error::Kind::Io, uri_, QStringLiteral("database already holds a project"));
      }
      return;
    }
    if (tables > 0)
      throw Error(Error::Kind::Io, uri_, QStringLiteral("not a VideoScore project (database is not empty)"));
    if (mode == OpenMode::OpenExisting) {
      throw Error(Error::Kind::Io, uri_,
                  QStringLiteral("empty database, not a project yet (vscore init creates one)"));
    }
  }

 private:
  QString uri_;
  PGconn* conn_ = nullptr;
  int busyTimeoutMs_;
  qint64 changes_ = 0;
  quint64 statements_ = 0;
  quint64 generation_ = 0;
  bool inTransaction_ = false;
};

PgStatement::PgStatement(PgConnection& c, const char* sql, const QString& where)
    : c_(c), t_(translate(sql)), name_(c.nextName()), where_(where) {
  values_.resize(static_cast<size_t>(t_.count));
  null_.assign(static_cast<size_t>(t_.count), true);
}

PgStatement::~PgStatement() {
  clearResult();
  if (prepared_ && generation_ == c_.generation() && libpq().PQstatus(c_.raw()) == CONNECTION_OK &&
      libpq().PQtransactionStatus(c_.raw()) != PQTRANS_INERROR) {
    libpq().PQclear(libpq().PQexec(c_.raw(), ("DEALLOCATE " + name_).constData()));
  }
}

bool PgStatement::step() {
  if (result_)
    return ++row_ < rows_;
  // A statement outside a transaction that finds the session gone runs again on a new one.
  const bool idle = !c_.inTransaction();
  try {
    return execute();
  } catch (const Error&) {
    if (!idle || !c_.reconnect()) {
      reset();
      throw;
    }
  }
  try {
    return execute();
  } catch (...) {
    reset();
    throw;
  }
}

bool PgStatement::execute() {
  PGconn* conn = c_.raw();
  if (prepared_ && generation_ != c_.generation())
    prepared_ = false;
  if (!prepared_) {
    PGresult* r = libpq().PQprepare(conn, name_.constData(), t_.sql.constData(), t_.count, nullptr);
    if (libpq().PQresultStatus(r) != PGRES_COMMAND_OK) {
      const QString where = where_;
      const ClearResult clear{r};
      throwPg(conn, r, where);
    }
    libpq().PQclear(r);
    prepared_ = true;
    generation_ = c_.generation();
  }
  std::vector<const char*> params(values_.size());
  std::vector<int> lengths(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    params[i] = null_[i] ? nullptr : values_[i].constData();
    lengths[i] = static_cast<int>(values_[i].size());
  }
  PGresult* r =
      libpq().PQexecPrepared(conn, name_.constData(), t_.count, params.data(), lengths.data(), nullptr, 0);
  const ExecStatusType status = libpq().PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const ClearResult clear{r};
    throwPg(conn, r, where_);
  }
  if (qstrncmp(libpq().PQcmdStatus(r), "SELECT", 6) != 0)
    c_.setChanges(QByteArray(libpq().PQcmdTuples(r)).toLongLong());
  result_ = r;
  rows_ = status == PGRES_TUPLES_OK ? libpq().PQntuples(r) : 0;
  row_ = 0;
  return rows_ > 0;
}

// A password in the URI would end up in shell history, recent lists and error messages.
void refusePassword(const QString& uri) {
  char* error = nullptr;
  PQconninfoOption* options = libpq().PQconninfoParse(uri.toUtf8().constData(), &error);
  if (!options) {
    const QString message = QString::fromUtf8(error ? error : "invalid URI").trimmed();
    libpq().PQfreemem(error);
    throw Error(Error::Kind::Usage, uri, message);
  }
  bool hasPassword = false;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (qstrcmp(o->keyword, "password") == 0 && o->val && *o->val)
      hasPassword = true;
  }
  libpq().PQconninfoFree(options);
  if (hasPassword) {
    throw Error(Error::Kind::Usage, QStringLiteral("postgresql URI"),
                QStringLiteral("a password in the project URI is refused: use PGPASSWORD, a password file "
                               "(PGPASSFILE, ~/.pgpass) or a service file"));
  }
}

}  // namespace

std::unique_ptr<Connection> openPostgres(const QString& uri, OpenMode mode, int busyTimeoutMs) {
  refusePassword(uri);
  auto connection = std::make_unique<PgConnection>(uri, busyTimeoutMs);
  connection->check(mode);
  return connection;
}

}  // namespace vs::store
