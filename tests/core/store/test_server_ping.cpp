// serverAnswers (core/store/server_ping.h) on a real throwaway PostgreSQL cluster: true while the
// server runs, false once it is stopped or when nothing listens, true again after a restart.
#include <QtTest>
#include <memory>

#include "core/store/server_ping.h"
#include "pg_cluster.h"

class TestServerPing : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString whyNot;
    cluster_ = vs::test::PgCluster::start(&whyNot);
    if (!cluster_)
      QSKIP(qPrintable(whyNot));
    uri_ = cluster_->createDatabase();
  }

  void followsTheServer() {
    QVERIFY(vs::store::serverAnswers(uri_, 2));
    QVERIFY(cluster_->stopServer());
    QVERIFY(!vs::store::serverAnswers(uri_, 2));
    QVERIFY(cluster_->startServer());
    QVERIFY(vs::store::serverAnswers(uri_, 2));
  }

  void nothingListening() {
    // A TCP port on this machine that nothing listens on (the cluster has no TCP).
    QVERIFY(!vs::store::serverAnswers(QStringLiteral("postgresql://postgres@127.0.0.1:1/none"), 1));
  }

 private:
  std::unique_ptr<vs::test::PgCluster> cluster_;
  QString uri_;
};

QTEST_GUILESS_MAIN(TestServerPing)
#include "test_server_ping.moc"
