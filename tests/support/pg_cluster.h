#pragma once
// A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl from /usr/lib/postgresql/15/bin
// (or PG_BIN) into a fresh temporary folder, listening on a Unix socket there only (no TCP).
// Run as root, the server runs as the `postgres` user (initdb refuses root). Stopped and removed
// when the object goes.
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>

namespace vs::test {

class PgCluster {
 public:
  // The cluster, or null with `whyNot` set (server binaries absent, start failed).
  static std::unique_ptr<PgCluster> start(QString* whyNot);
  ~PgCluster();

  QString socketDir() const { return dir_; }
  QString uri(const QString& database) const;  // postgresql://postgres@/DB?host=DIR
  // A new empty database; its URI.
  QString createDatabase(const QString& prefix = QStringLiteral("t"));
  // Runs SQL with psql (what another program sees); the first value of the last result.
  QVariant sql(const QString& uri, const QString& statement, bool* ok = nullptr) const;
  void stop();
  // Stops the server (fast shutdown: sessions are cut) and starts it again on the same socket.
  bool restart();
  // Stops the server (fast shutdown: sessions are cut; the cluster is kept), and starts it again.
  bool stopServer();
  bool startServer();

 private:
  PgCluster() = default;
  bool pgCtl(const QString& action);  // pg_ctl ACTION -m fast -w with the cluster's options
  QString bin_;
  QString dir_;
  bool asPostgres_ = false;
  int databases_ = 0;
};

// Where the binaries are: PG_BIN, else /usr/lib/postgresql/15/bin (empty when absent).
QString pgBinDir();

// Which backend a parameterised test runs against: VS_TEST_BACKEND=postgres or sqlite (default).
bool testWantsPostgres();

}  // namespace vs::test
