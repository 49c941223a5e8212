// `vscore import` into a PostgreSQL project (core/store/store_bulk_pg.cpp: COPY into a staging
// table, then set-based statements) killed with SIGKILL while each of its statements runs on the
// server (seen in pg_stat_activity): the project holds all of the import or none of it, nothing
// is left behind, and it takes the same import again; watched while it runs, none of it is seen
// before all of it. A throwaway PostgreSQL cluster; skips
// without the server binaries.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "pg_cluster.h"

namespace {

constexpr int kItems = 30000;

QByteArray items() {
  QByteArray out = "[\n";
  for (int i = 0; i < kItems; ++i) {
    out += "{\"video_name\": \"k" + QByteArray::number(i) + "\", \"video_url\": \"http://v/" +
           QByteArray::number(i) + "\", \"prompt\": \"prompt\\t" + QByteArray::number(i) +
           " with a backslash \\\\ and a line\\nbreak\", \"visual_score\": " + QByteArray::number(1 + i % 5) +
           ", \"t2v_score\": 2, \"phy_score\": 3, \"thinking\": \"" + QByteArray(200, 'x') + "\"}";
    out += i + 1 < kItems ? ",\n" : "\n]\n";
  }
  return out;
}

}  // namespace

class TestVscoreImportPg : public QObject {
  Q_OBJECT
  std::unique_ptr<vs::test::PgCluster> cluster_;
  QTemporaryDir dir_;
  QString vscore_, file_;

  int run(const QStringList& args, QByteArray* out = nullptr) {
    QProcess p;
    p.start(vscore_, args);
    p.waitForFinished(300000);
    if (out)
      *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  }
  qint64 count(const QString& uri, const char* table) {
    return cluster_->sql(uri, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
        .toLongLong();
  }

 private slots:
  void initTestCase() {
    QString whyNot;
    cluster_ = vs::test::PgCluster::start(&whyNot);
    if (!cluster_)
      QSKIP(qPrintable(whyNot));
    vscore_ = qEnvironmentVariable("VSCORE");
    QVERIFY(QFileInfo(vscore_).isExecutable());
    file_ = dir_.filePath(QStringLiteral("items.json"));
    QFile f(file_);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(items());
  }

  // Watched from another connection for the whole import: nothing of it is visible before all of
  // it is (one transaction, whatever the batches).
  void neverSeenHalfDone() {
    const QString uri = cluster_->createDatabase(QStringLiteral("watch"));
    QCOMPARE(run({QStringLiteral("init"), uri}), 0);
    QProcess p;
    p.start(vscore_, {QStringLiteral("import"), uri, file_});
    QVERIFY(p.waitForStarted());
    QSet<qint64> seen;
    while (!p.waitForFinished(1))
      seen.insert(count(uri, "evaluations"));
    QCOMPARE(p.exitCode(), 0);
    seen.remove(0);
    seen.remove(kItems);
    QVERIFY2(seen.isEmpty(), qPrintable(QStringLiteral("%1 partial counts seen").arg(seen.size())));
    QCOMPARE(count(uri, "evaluations"), kItems);
  }

  void killedInEachStatement_data() {
    QTest::addColumn<QString>("statement");
    QTest::newRow("copy") << QStringLiteral("COPY vs_import");
    QTest::newRow("prompts") << QStringLiteral("INSERT INTO prompts");
    QTest::newRow("videos") << QStringLiteral("INSERT INTO videos");
    QTest::newRow("evaluations") << QStringLiteral("INSERT INTO evaluations");
  }

  void killedInEachStatement() {
    QFETCH(QString, statement);
    const QString uri = cluster_->createDatabase(QStringLiteral("kill"));
    QCOMPARE(run({QStringLiteral("init"), uri}), 0);
    QProcess p;
    p.start(vscore_, {QStringLiteral("import"), uri, file_});
    QVERIFY(p.waitForStarted());
    // Watched from another connection; killed as soon as the statement is seen running.
    const QString active = QStringLiteral(
                               "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vscore' AND "
                               "state = 'active' AND query LIKE '%1%'")
                               .arg(statement);
    bool seen = false;
    QElapsedTimer t;
    t.start();
    while (!seen && !p.waitForFinished(1) && t.elapsed() < 120000)
      seen = cluster_->sql(uri, active).toInt() > 0;
    p.kill();  // SIGKILL
    p.waitForFinished();
    if (!seen)
      QSKIP("the import finished before the statement was seen running (machine too fast or too busy)");
    // The server ends the session once it notices the client is gone (after the statement).
    const QString left = QStringLiteral(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vscore' AND datname = "
        "current_database()");
    t.restart();
    while (cluster_->sql(uri, left).toInt() > 0 && t.elapsed() < 60000)
      QTest::qWait(20);
    const qint64 evaluations = count(uri, "evaluations");
    QVERIFY2(evaluations == 0 || evaluations == kItems, QByteArray::number(evaluations).constData());
    if (evaluations == 0) {  // absent: nothing else of it either
      QCOMPARE(count(uri, "videos"), 0);
      QCOMPARE(count(uri, "prompts"), 0);
      QCOMPARE(count(uri, "imports"), 0);
    }
    // The killed session's staging table went with it; the project takes the import again.
    QCOMPARE(cluster_->sql(uri, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'vs_import'"))
                 .toInt(),
             0);
    QByteArray out;
    QCOMPARE(run({QStringLiteral("import"), uri, file_}), 0);
    QCOMPARE(run({QStringLiteral("stats"), uri, QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("evaluations")).toInt(), kItems);
    QCOMPARE(count(uri, "videos"), kItems);
  }
};

QTEST_GUILESS_MAIN(TestVscoreImportPg)
#include "test_vscore_import_pg.moc"
