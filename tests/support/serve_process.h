#pragma once
// `vscore serve` as a child process on loopback for tests: started on a free port (or the one
// given, to restart a server where it was), its URL read from its first stderr line.
#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <memory>

namespace vs::test {

struct ServeProcess {
  std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
  QUrl url;
  quint16 port = 0;

  bool start(const QString& vscore, const QString& model, quint16 wantedPort = 0, int parallel = 1) {
    process = std::make_unique<QProcess>();
    process->start(vscore,
                   {QStringLiteral("serve"), QStringLiteral("--model"), model, QStringLiteral("--port"),
                    QString::number(wantedPort), QStringLiteral("--parallel"), QString::number(parallel)});
    process->setReadChannel(QProcess::StandardError);
    QByteArray seen;
    static const QRegularExpression re(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)"));
    while (process->waitForReadyRead(60000) || process->state() == QProcess::Running) {
      seen += process->readAllStandardError();
      const auto m = re.match(QString::fromUtf8(seen));
      if (m.hasMatch()) {
        port = static_cast<quint16>(m.captured(1).toUInt());
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        // The access log keeps coming on stderr: drop it rather than let the pipe fill.
        QObject::connect(process.get(), &QProcess::readyReadStandardError, process.get(),
                         [p = process.get()] { p->readAllStandardError(); });
        return true;
      }
      if (process->state() != QProcess::Running)
        break;
    }
    qWarning("vscore serve did not start: %s", seen.constData());
    return false;
  }
  void kill() {
    if (process && process->state() != QProcess::NotRunning) {
      process->kill();
      process->waitForFinished(5000);
    }
  }
  ~ServeProcess() { kill(); }
};

}  // namespace vs::test
