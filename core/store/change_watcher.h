#pragma once
// Tells an open window that someone else changed a team project: a separate PostgreSQL
// connection LISTENs on the project's "vs_changes" channel (notified by statement triggers on the
// shared tables, on commit). Changes made through the window's own Store session are not
// reported. A dropped connection is retried every second; when it is back, `online(true)` says
// so and the window refreshes everything (notifications sent meanwhile are lost). Connecting
// never blocks the thread: libpq's non-blocking connect is driven by socket notifications, and
// an attempt the server does not answer within two seconds is given up and tried again. Only
// the first connection, made with the window's store, waits (at most two seconds).
#include <QObject>
#include <QString>
#include <memory>

class QSocketNotifier;
class QTimer;
struct pg_conn;

namespace vs::store {

class ChangeWatcher : public QObject {
  Q_OBJECT

 public:
  // A watcher for a team project (nullptr for a .vsproj file). `ownSession`: Store::sessionId()
  // of the window's store, whose own changes are not reported.
  static std::unique_ptr<ChangeWatcher> create(const QString& project, qint64 ownSession,
                                               QObject* parent = nullptr);
  ~ChangeWatcher() override;
  bool isOnline() const { return conn_ != nullptr; }

 signals:
  void changed(const QString& table);  // another session committed a change to `table`
  void online(bool online);            // the connection was lost (false) or is back (true)

 private:
  ChangeWatcher(const QString& project, qint64 ownSession, QObject* parent);
  bool connectNow();              // blocking, with a 2 s timeout: the first connection
  void startConnecting();         // when no attempt is under way
  void continueConnecting();      // libpq's next step, when its socket is ready
  void watch(int pollingStatus);  // waits for the socket the way libpq asks
  void connectFailed();           // gives the attempt up; tries again later
  void connected();               // LISTEN, then notifications; online(true)
  bool listen();                  // LISTEN on the new connection
  void dropNotifier();
  void disconnectNow();
  void readNotifications();

  QString project_;
  qint64 ownSession_;
  pg_conn* conn_ = nullptr;        // listening
  pg_conn* connecting_ = nullptr;  // an attempt under way
  QSocketNotifier* notifier_ = nullptr;
  QTimer* retry_ = nullptr;
  QTimer* giveUp_ = nullptr;  // ends an attempt the server does not answer
};

}  // namespace vs::store
