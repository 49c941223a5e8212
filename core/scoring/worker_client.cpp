#include "core/scoring/worker_client.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace vs::scoring {

WorkerClient::WorkerClient(QString program, QObject* parent)
    : QObject(parent), program_(std::move(program)) {}

WorkerClient::~WorkerClient() {
  if (process_ != nullptr && process_->state() != QProcess::NotRunning) {
    process_->disconnect(this);
    process_->kill();
    process_->waitForFinished(2000);
  }
}

void WorkerClient::start() {
  if (process_ != nullptr) {
    process_->disconnect(this);
    process_->deleteLater();
  }
  process_ = new QProcess(this);
  stdout_buffer_.clear();
  stderr_buffer_.clear();
  exit_reported_ = false;
  connect(process_, &QProcess::started, this, &WorkerClient::started);
  connect(process_, &QProcess::readyReadStandardOutput, this, &WorkerClient::readStdout);
  connect(process_, &QProcess::readyReadStandardError, this, &WorkerClient::readStderr);
  connect(process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
    readStdout();
    if (!exit_reported_) {
      exit_reported_ = true;
      Q_EMIT workerExited(code, status == QProcess::CrashExit);
    }
  });
  connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart && !exit_reported_) {
      exit_reported_ = true;
      stderr_tail_ = QStringLiteral("cannot start %1: %2").arg(program_, process_->errorString());
      Q_EMIT workerExited(-1, true);
    }
  });
  process_->start(program_, QStringList{});
}

bool WorkerClient::isRunning() const {
  return process_ != nullptr && process_->state() == QProcess::Running;
}

qint64 WorkerClient::processId() const {
  return process_ != nullptr ? process_->processId() : 0;
}

qint64 WorkerClient::request(const QString& method, const QJsonObject& params) {
  if (process_ == nullptr || process_->state() == QProcess::NotRunning) {
    return -1;
  }
  const qint64 id = next_id_++;
  const QJsonObject message{
      {QStringLiteral("id"), id}, {QStringLiteral("method"), method}, {QStringLiteral("params"), params}};
  sendRawLine(QJsonDocument(message).toJson(QJsonDocument::Compact));
  return id;
}

void WorkerClient::sendRawLine(const QByteArray& line) {
  if (process_ == nullptr || process_->state() == QProcess::NotRunning) {
    return;
  }
  process_->write(line + '\n');
}

void WorkerClient::stop(int grace_ms) {
  if (!isRunning()) {
    return;
  }
  request(QStringLiteral("shutdown"));
  process_->closeWriteChannel();
  QPointer<QProcess> p = process_;
  QTimer::singleShot(grace_ms, this, [p] {
    if (p && p->state() != QProcess::NotRunning) {
      p->kill();
    }
  });
}

void WorkerClient::kill() {
  if (process_ != nullptr && process_->state() != QProcess::NotRunning) {
    process_->kill();
  }
}

void WorkerClient::readStdout() {
  if (process_ == nullptr) {
    return;
  }
  stdout_buffer_ += process_->readAllStandardOutput();
  qsizetype nl;
  while ((nl = stdout_buffer_.indexOf('\n')) >= 0) {
    const QByteArray line = stdout_buffer_.left(nl);
    stdout_buffer_.remove(0, nl + 1);
    if (!line.trimmed().isEmpty()) {
      handleLine(line);
    }
  }
}

void WorkerClient::readStderr() {
  if (process_ == nullptr) {
    return;
  }
  stderr_buffer_ += process_->readAllStandardError();
  qsizetype nl;
  while ((nl = stderr_buffer_.indexOf('\n')) >= 0) {
    const QString line = QString::fromUtf8(stderr_buffer_.left(nl));
    stderr_buffer_.remove(0, nl + 1);
    stderr_tail_ = line;
    Q_EMIT stderrLine(line);
  }
}

void WorkerClient::handleLine(const QByteArray& line) {
  QJsonParseError parse_error{};
  const QJsonDocument doc = QJsonDocument::fromJson(line, &parse_error);
  if (!doc.isObject()) {
    Q_EMIT error(-1, QStringLiteral("protocol"),
                 QStringLiteral("worker wrote a line that is not a JSON object: %1")
                     .arg(QString::fromUtf8(line.left(200))));
    return;
  }
  const QJsonObject o = doc.object();
  const QJsonValue idValue = o.value(QStringLiteral("id"));
  const qint64 id = idValue.isDouble() ? idValue.toInteger() : -1;
  if (o.contains(QStringLiteral("event"))) {
    Q_EMIT progress(id, o);
  } else if (o.contains(QStringLiteral("result"))) {
    Q_EMIT result(id, o.value(QStringLiteral("result")).toObject());
  } else if (o.contains(QStringLiteral("error"))) {
    const QJsonObject e = o.value(QStringLiteral("error")).toObject();
    Q_EMIT error(id, e.value(QStringLiteral("code")).toString(),
                 e.value(QStringLiteral("message")).toString());
  } else {
    Q_EMIT error(id, QStringLiteral("protocol"), QStringLiteral("worker line without event/result/error"));
  }
}

}  // namespace vs::scoring
