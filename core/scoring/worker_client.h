#pragma once
// The client side of one vscore-worker process (inference/worker/protocol.h): starts it, sends
// JSON Lines requests, and turns its stdout into signals. Never blocks the caller's event loop.
// A worker that exits or crashes emits workerExited() once; every request still open gets no
// reply from it (the owner decides what to retry).
#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vs::scoring {

class WorkerClient : public QObject {
  Q_OBJECT
 public:
  explicit WorkerClient(QString program, QObject* parent = nullptr);
  ~WorkerClient() override;

  // Starts the process (asynchronously); started() or workerExited() follows.
  void start();
  bool isRunning() const;
  // Sends {"id":…, "method":…, "params":…}; returns the id. Lines to a stopped worker are dropped
  // (returns -1).
  qint64 request(const QString& method, const QJsonObject& params = {});
  // Sends a raw line as is (protocol tests).
  void sendRawLine(const QByteArray& line);
  // Asks the worker to stop; kills it if it has not exited after `grace_ms`.
  void stop(int grace_ms = 3000);
  // Kills the process at once (crash simulation, stall recovery).
  void kill();
  qint64 processId() const;
  QString lastStderr() const { return stderr_tail_; }

 Q_SIGNALS:
  void started();
  void progress(qint64 id, const QJsonObject& event);
  void result(qint64 id, const QJsonObject& result);
  void error(qint64 id, const QString& code, const QString& message);  // id -1: no/null id
  void workerExited(int exitCode, bool crashed);
  void stderrLine(const QString& line);

 private:
  void readStdout();
  void readStderr();
  void handleLine(const QByteArray& line);

  QString program_;
  QProcess* process_ = nullptr;
  QByteArray stdout_buffer_;
  QByteArray stderr_buffer_;
  QString stderr_tail_;
  qint64 next_id_ = 1;
  bool exit_reported_ = false;
};

}  // namespace vs::scoring
