#include "core/store/connection.h"

#include "core/domain/error.h"

namespace vs::store {

void Connection::copyIn(const char*, const QByteArray&, const QString& where) {
  throw Error(Error::Kind::Io, where, QStringLiteral("COPY needs a PostgreSQL project"));
}

qint64 Connection::lastInsertId(const QString& where) const {
  throw Error(Error::Kind::Io, where, QStringLiteral("the last inserted row id needs a SQLite project"));
}

Statement::Statement(Connection& db, const char* sql, const QString& where) : impl_(db.prepare(sql, where)) {}
Statement::~Statement() = default;

Statement& Statement::bind(int index, qint64 value) {
  impl_->bindInt(index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  impl_->bindReal(index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  if (value) {
    impl_->bindReal(index, *value);
  } else {
    impl_->bindNull(index);
  }
  return *this;
}

Statement& Statement::bind(int index, const QByteArray& utf8) {
  impl_->bindText(index, utf8, true);
  return *this;
}

Statement& Statement::bind(int index, const QString& text) {
  impl_->bindText(index, text.toUtf8(), false);
  return *this;
}

Statement& Statement::bindNull(int index) {
  impl_->bindNull(index);
  return *this;
}

bool Statement::step() {
  return impl_->step();
}
void Statement::reset() {
  impl_->reset();
}
bool Statement::isNull(int column) const {
  return impl_->isNull(column);
}
qint64 Statement::int64(int column) const {
  return impl_->int64(column);
}
double Statement::real(int column) const {
  return impl_->real(column);
}

std::optional<double> Statement::optionalReal(int column) const {
  if (impl_->isNull(column))
    return std::nullopt;
  return impl_->real(column);
}

QByteArray Statement::bytes(int column) const {
  return impl_->bytes(column);
}
QString Statement::text(int column) const {
  return QString::fromUtf8(impl_->bytes(column));
}
QVariant Statement::value(int column) const {
  return impl_->value(column);
}

Transaction::Transaction(Connection& db, const QString& where, int busyTimeoutMs, TransactionKind kind)
    : db_(db), where_(where) {
  db_.beginWrite(where_, busyTimeoutMs, kind);
  open_ = true;
}

Transaction::~Transaction() {
  if (open_)
    db_.rollback();
}

void Transaction::commit() {
  db_.commit(where_);
  open_ = false;
}

ReadTransaction::ReadTransaction(Connection& db, const QString& where) : db_(db), where_(where) {
  db_.beginRead(where_);
}

ReadTransaction::~ReadTransaction() {
  db_.rollback();
}

bool isPostgresUri(const QString& project) {
  return project.startsWith(QLatin1String("postgresql://")) ||
         project.startsWith(QLatin1String("postgres://"));
}

}  // namespace vs::store
