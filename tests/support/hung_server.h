#pragma once
// A PostgreSQL server that takes connections and never answers, for tests of what a window does
// meanwhile: the cluster's server is stopped and a listener that accepts nothing takes its socket
// (libpq connects, sends its start-up packet and waits for a reply that never comes). Needs
// Qt6::Network. Also: how long the calling thread's event loop stood still over a wait.
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QTimer>
#include <QtTest>
#include <algorithm>

#include "pg_cluster.h"

namespace vs::test {

class HungServer {
 public:
  explicit HungServer(PgCluster& cluster)
      : cluster_(cluster), socket_(cluster.socketDir() + QStringLiteral("/.s.PGSQL.5432")) {}

  // Stops the real server and takes its socket; false (with `error()`) when either fails.
  bool hang() { return cluster_.stopServer() && listener_.listen(socket_); }
  QString error() const { return listener_.errorString(); }
  // Gives the socket back and starts the real server again.
  bool answerAgain() {
    listener_.close();
    QFile::remove(socket_);
    return cluster_.startServer();
  }

 private:
  PgCluster& cluster_;
  QString socket_;
  QLocalServer listener_;
};

// Runs the event loop for `ms` with a 50 ms timer and returns the longest time between its ticks,
// counting the last gap too (a stop that outlasts the wait ends it without a tick).
inline qint64 longestStopDuring(int ms) {
  QElapsedTimer clock;
  clock.start();
  qint64 last = 0, longest = 0;
  QTimer tick;
  QObject::connect(&tick, &QTimer::timeout, [&] {
    longest = std::max(longest, clock.elapsed() - last);
    last = clock.elapsed();
  });
  tick.start(50);
  QTest::qWait(ms);
  tick.stop();
  return std::max(longest, clock.elapsed() - last);
}

}  // namespace vs::test
