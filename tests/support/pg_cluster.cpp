#include "pg_cluster.h"

#include <unistd.h>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace vs::test {
namespace {

// Runs `program args` as the cluster's owner (via runuser when we are root).
bool runAs(bool asPostgres, const QString& program, const QStringList& args, QString* output,
           int timeoutMs = 60000) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  if (asPostgres) {
    p.start(
        QStringLiteral("runuser"),
        QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
  } else {
    p.start(program, args);
  }
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    if (output)
      *output = QStringLiteral("%1 timed out").arg(program);
    return false;
  }
  if (output)
    *output = QString::fromUtf8(p.readAll());
  return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace

QString pgBinDir() {
  const QString fromEnv = qEnvironmentVariable("PG_BIN");
  const QString dir = fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
  return QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() ? dir : QString();
}

bool testWantsPostgres() {
  return qEnvironmentVariable("VS_TEST_BACKEND") == QLatin1String("postgres");
}

std::unique_ptr<PgCluster> PgCluster::start(QString* whyNot) {
  const QString bin = pgBinDir();
  if (bin.isEmpty()) {
    *whyNot = QStringLiteral("PostgreSQL server binaries not found (/usr/lib/postgresql/15/bin or PG_BIN)");
    return nullptr;
  }
  std::unique_ptr<PgCluster> c(new PgCluster);
  c->bin_ = bin;
  c->asPostgres_ = geteuid() == 0;
  // A short path: a Unix socket path is limited to 107 bytes.
  QTemporaryDir dir(QStringLiteral("/tmp/vs_pg_XXXXXX"));
  if (!dir.isValid()) {
    *whyNot = QStringLiteral("cannot make a temporary folder");
    return nullptr;
  }
  dir.setAutoRemove(false);
  c->dir_ = dir.path();
  QString out;
  if (c->asPostgres_ && !runAs(false, QStringLiteral("chown"), {QStringLiteral("postgres"), c->dir_}, &out)) {
    *whyNot = QStringLiteral("chown postgres %1: %2").arg(c->dir_, out);
    return nullptr;
  }
  const QString data = c->dir_ + QStringLiteral("/data");
  if (!runAs(c->asPostgres_, bin + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
              QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             &out)) {
    *whyNot = QStringLiteral("initdb failed: %1").arg(out);
    return nullptr;
  }
  // fsync off: a test cluster never outlives the machine; a killed client is what tests look at.
  const QString options =
      QStringLiteral("-k %1 -c listen_addresses='' -c fsync=off -c max_connections=60").arg(c->dir_);
  if (!runAs(c->asPostgres_, bin + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
              c->dir_ + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("start")},
             &out)) {
    *whyNot = QStringLiteral("pg_ctl start failed: %1").arg(out);
    return nullptr;
  }
  return c;
}

PgCluster::~PgCluster() {
  stop();
}

void PgCluster::stop() {
  if (dir_.isEmpty())
    return;
  runAs(asPostgres_, bin_ + QStringLiteral("/pg_ctl"),
        {QStringLiteral("-D"), dir_ + QStringLiteral("/data"), QStringLiteral("-m"),
         QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
        nullptr);
  QDir(dir_).removeRecursively();
  dir_.clear();
}

QString PgCluster::uri(const QString& database) const {
  return QStringLiteral("postgresql://postgres@/%1?host=%2").arg(database, dir_);
}

QString PgCluster::createDatabase(const QString& prefix) {
  const QString name = QStringLiteral("%1%2").arg(prefix).arg(++databases_);
  bool ok = false;
  sql(uri(QStringLiteral("postgres")), QStringLiteral("CREATE DATABASE %1").arg(name), &ok);
  return ok ? uri(name) : QString();
}

QVariant PgCluster::sql(const QString& target, const QString& statement, bool* ok) const {
  QProcess p;
  p.start(bin_ + QStringLiteral("/psql"),
          {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
           QStringLiteral("-R"), QString(QChar(0x1e)), QStringLiteral("-v"),
           QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), target, QStringLiteral("-c"), statement});
  const bool finished = p.waitForFinished(60000);
  const bool success = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
  if (ok)
    *ok = success;
  if (!success)
    return {};
  const QString out = QString::fromUtf8(p.readAllStandardOutput());
  // Records end with U+001E (-R), so a value may hold newlines.
  QString first = out.section(QChar(0x1e), 0, 0);
  if (first.endsWith(QLatin1Char('\n')))
    first.chop(1);
  return out.isEmpty() ? QVariant() : QVariant(first);
}

}  // namespace vs::test

namespace vs::test {

bool PgCluster::pgCtl(const QString& action) {
  const QString options =
      QStringLiteral("-k %1 -c listen_addresses='' -c fsync=off -c max_connections=60").arg(dir_);
  QProcess p;
  const QStringList args{QStringLiteral("-D"), dir_ + QStringLiteral("/data"),
                         QStringLiteral("-m"), QStringLiteral("fast"),
                         QStringLiteral("-o"), options,
                         QStringLiteral("-l"), dir_ + QStringLiteral("/log"),
                         QStringLiteral("-w"), action};
  if (asPostgres_) {
    p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                   QStringLiteral("--"), bin_ + QStringLiteral("/pg_ctl")} +
                                           args);
  } else {
    p.start(bin_ + QStringLiteral("/pg_ctl"), args);
  }
  return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgCluster::restart() {
  return pgCtl(QStringLiteral("restart"));
}

bool PgCluster::stopServer() {
  return pgCtl(QStringLiteral("stop"));
}

bool PgCluster::startServer() {
  return pgCtl(QStringLiteral("start"));
}

}  // namespace vs::test
