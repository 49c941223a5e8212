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
    : QObject(parent),
      project_(project),
      ownSession_(ownSession),
      retry_(new QTimer(this)),
      giveUp_(new QTimer(this)) {
  retry_->setInterval(1000);
  retry_->setSingleShot(true);
  connect(retry_, &QTimer::timeout, this, &ChangeWatcher::startConnecting);
  giveUp_->setInterval(2000);
  giveUp_->setSingleShot(true);
  connect(giveUp_, &QTimer::timeout, this, &ChangeWatcher::connectFailed);
  // The first connection right away (the window's store has just reached the server), so the
  // watcher listens before the window reads; only the retries run in the background.
  if (!connectNow())
    retry_->start();
}

bool ChangeWatcher::connectNow() {
  const QByteArray uri = project_.toUtf8();
  const char* keys[] = {"dbname", "application_name", "connect_timeout", nullptr};
  const char* values[] = {uri.constData(), "vscore-watch", "2", nullptr};
  connecting_ = libpq().PQconnectdbParams(keys, values, 1);
  if (!connecting_ || libpq().PQstatus(connecting_) != CONNECTION_OK) {
    disconnectNow();
    return false;
  }
  return listen();
}

ChangeWatcher::~ChangeWatcher() {
  disconnectNow();
}

void ChangeWatcher::startConnecting() {
  if (conn_ || connecting_)
    return;
  const QByteArray uri = project_.toUtf8();
  const char* keys[] = {"dbname", "application_name", nullptr};
  const char* values[] = {uri.constData(), "vscore-watch", nullptr};
  connecting_ = libpq().PQconnectStartParams(keys, values, 1);
  if (!connecting_ || libpq().PQstatus(connecting_) == CONNECTION_BAD) {
    connectFailed();
    return;
  }
  giveUp_->start();
  watch(PGRES_POLLING_WRITING);  // as libpq's documentation starts the loop
}

void ChangeWatcher::continueConnecting() {
  if (!connecting_)
    return;
  const PostgresPollingStatusType status = libpq().PQconnectPoll(connecting_);
  if (status == PGRES_POLLING_OK) {
    connected();
  } else if (status == PGRES_POLLING_FAILED) {
    connectFailed();
  } else {
    watch(status);
  }
}

void ChangeWatcher::watch(int pollingStatus) {
  // The socket may change from one step to the next (another address of the host): a new
  // notifier each time.
  dropNotifier();
  const auto type = pollingStatus == PGRES_POLLING_READING ? QSocketNotifier::Read : QSocketNotifier::Write;
  notifier_ = new QSocketNotifier(libpq().PQsocket(connecting_), type, this);
  connect(notifier_, &QSocketNotifier::activated, this, &ChangeWatcher::continueConnecting);
}

void ChangeWatcher::connectFailed() {
  giveUp_->stop();
  disconnectNow();
  retry_->start();
}

void ChangeWatcher::connected() {
  giveUp_->stop();
  if (!listen()) {
    retry_->start();
    return;
  }
  emit online(true);
}

bool ChangeWatcher::listen() {
  pg_conn* conn = connecting_;
  connecting_ = nullptr;
  dropNotifier();
  // The server has just answered the start-up, so this one statement waits on a live server.
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

void ChangeWatcher::dropNotifier() {
  if (!notifier_)
    return;
  notifier_->setEnabled(false);
  notifier_->deleteLater();  // it may be the one whose signal is being handled
  notifier_ = nullptr;
}

void ChangeWatcher::disconnectNow() {
  dropNotifier();
  libpq().PQfinish(conn_);
  conn_ = nullptr;
  libpq().PQfinish(connecting_);
  connecting_ = nullptr;
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
