#include "core/store/change_watcher.h"

#include "core/store/libpq.h"
#include <QSocketNotifier>
#include <QTimer>

#include "core/store/connection.h"

namespace vs::store {

std::unique_ptr<ChangeWatcher> ChangeWatcher::create(const QString& project, qint64 ownSession,
                                                     QObject* parent) {
  if (!isPostgresUri(project))
    return nullptr;
  return std::unique_ptr<ChangeWatcher>(new ChangeWatcher(project, ownSession, parent));
}

ChangeWatcher::ChangeWatcher(const QString& project, qint64 ownSession, QObject* parent)
    : QObject(parent), project_(project), ownSession_(ownSession), retry_(new QTimer(this)) {
  retry_->setInterval(1000);
  connect(retry_, &QTimer::timeout, this, [this] {
    if (connectNow()) {
      retry_->stop();
      emit online(true);
    }
  });
  if (!connectNow())
    retry_->start();
}

ChangeWatcher::~ChangeWatcher() {
  disconnectNow();
}

bool ChangeWatcher::connectNow() {
  const QByteArray uri = project_.toUtf8();
  const char* keys[] = {"dbname", "application_name", "connect_timeout", nullptr};
  const char* values[] = {uri.constData(), "vscore-watch", "2", nullptr};
  pg_conn* conn = libpq().PQconnectdbParams(keys, values, 1);
  if (!conn || libpq().PQstatus(conn) != CONNECTION_OK) {
    libpq().PQfinish(conn);
    return false;
  }
  PGresult* r = libpq().PQexec(conn, "LISTEN vs_changes");
  const bool listening = libpq().PQresultStatus(r) == PGRES_COMMAND_OK;
  libpq().PQclear(r);
  if (!listening || libpq().PQsetnonblocking(conn, 1) != 0) {
    libpq().PQfinish(conn);
    return false;
  }
  conn_ = conn;
  notifier_ = new QSocketNotifier(libpq().PQsocket(conn_), QSocketNotifier::Read, this);
  connect(notifier_, &QSocketNotifier::activated, this, &ChangeWatcher::readNotifications);
  return true;
}

void ChangeWatcher::disconnectNow() {
  if (notifier_) {
    notifier_->setEnabled(false);
    notifier_->deleteLater();
    notifier_ = nullptr;
  }
  libpq().PQfinish(conn_);
  conn_ = nullptr;
}

void ChangeWatcher::readNotifications() {
  if (!conn_)
    return;
  if (libpq().PQconsumeInput(conn_) == 0 || libpq().PQstatus(conn_) != CONNECTION_OK) {
    disconnectNow();
    emit online(false);
    retry_->start();
    return;
  }
  while (PGnotify* n = libpq().PQnotifies(conn_)) {
    // Payload: "<table> <backend pid of the writer>".
    const QString payload = QString::fromUtf8(n->extra);
    libpq().PQfreemem(n);
    const QString table = payload.section(QLatin1Char(' '), 0, 0);
    const qint64 writer = payload.section(QLatin1Char(' '), 1, 1).toLongLong();
    if (writer != ownSession_)
      emit changed(table);
  }
}

}  // namespace vs::store
