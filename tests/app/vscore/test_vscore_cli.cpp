// vscore init/stats/list/next and the refusals of every command, run as a separate process the way
// users run it (vscore_cli_fixture.h). Formats are test_vscore_formats.cpp, the safety of imports
// test_vscore_import_safety.cpp.
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "core/store/store.h"

#include "vscore_cli_fixture.h"

using namespace vs::test::cli;

class TestVscoreCli : public VscoreCliTest {
  Q_OBJECT

 private slots:
  void initTestCase() { setUp(QStringLiteral("vscore_cli")); }

  void initCreatesEmptyProject() {
    const QString project =
        onPostgres() ? g_backend.fresh(QStringLiteral("init")) : path(QStringLiteral("init.vsproj"));
    QFile::remove(project);
    QCOMPARE(run({QStringLiteral("init"), project}).code, 0);
    const QJsonObject s = stats(project);
    for (const char* key : {"prompts", "videos", "evaluations", "annotators"}) {
      QVERIFY2(s.contains(QLatin1String(key)), key);
      QCOMPARE(s.value(QLatin1String(key)).toInt(-1), 0);
    }
    if (onPostgres()) {
      QCOMPARE(
          sqlValue(project, QStringLiteral("SELECT value FROM vs_meta WHERE key = 'schema_version'")).toInt(),
          vs::store::Store::kSchemaVersion);
    } else {
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA user_version")).toInt(),
               vs::store::Store::kSchemaVersion);
    }
    const Run again = run({QStringLiteral("init"), project});
    QCOMPARE(again.code, 1);
    QVERIFY(again.err.startsWith("vscore: error: "));
  }

  void usageErrorsExitTwo() {
    const QString project = freshProject();
    QCOMPARE(run({QStringLiteral("import"), project}).code, 2);
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("nope"),
                  QStringLiteral("--out"), path(QStringLiteral("x"))})
                 .code,
             2);
    QCOMPARE(run({QStringLiteral("import"), project, data_ + QStringLiteral("/hard_text.json"),
                  QStringLiteral("--format"), QStringLiteral("sft")})
                 .code,
             2);
  }

  void newerSchemaIsRefused() {
    const QString project = freshProject();
    if (onPostgres()) {
      sqlValue(project, QStringLiteral("UPDATE vs_meta SET value = '99' WHERE key = 'schema_version'"));
    } else {
      sqlValue(project, QStringLiteral("PRAGMA user_version = 99"));
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA user_version")).toInt(), 99);
    }
    const Run r = run({QStringLiteral("stats"), project});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QByteArray("schema version 99 is newer than this program supports (") +
                            QByteArray::number(vs::store::Store::kSchemaVersion) + ")"),
             r.err.constData());
  }

  void notAProjectIsRefused() {
    QString file = path(QStringLiteral("not_a_project.vsproj"));
    if (onPostgres()) {  // a database holding something else
      file = g_backend.fresh(QStringLiteral("other"));
      sqlValue(file, QStringLiteral("CREATE TABLE orders(id int)"));
    } else {
      writeFile(file, "hello, I am text\n");
    }
    const Run r = run({QStringLiteral("stats"), file});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("not a VideoScore project"), r.err.constData());
  }

  void nextLeasesOneVideoAtATime() {
    const QString project = hardTextProject();  // every video judged by "default" already
    auto next = [&](const char* who) {
      const Run r = run({QStringLiteral("next"), project, QStringLiteral("--annotator"), QLatin1String(who),
                         QStringLiteral("--json")});
      return r.code == 0 ? QJsonDocument::fromJson(r.out).object()
                         : QJsonObject{{QStringLiteral("error"), r.code}};
    };
    QVERIFY(next("ana").value(QStringLiteral("video_name")).isNull());  // k = 1: nothing left
    QCOMPARE(
        run({QStringLiteral("team"), project, QStringLiteral("--judgements-per-video"), QStringLiteral("2")})
            .code,
        0);
    const QJsonObject lease = next("ana");
    QVERIFY(lease.value(QStringLiteral("video_name")).isString());
    QVERIFY(QDateTime::fromString(lease.value(QStringLiteral("lease_expires")).toString(), Qt::ISODateWithMs)
                .isValid());
    QCOMPARE(next("ana").value(QStringLiteral("video_name")),
             lease.value(QStringLiteral("video_name")));  // renewed
    const QJsonObject other = next("bo");
    QVERIFY(other.value(QStringLiteral("video_name")).isString());
    QVERIFY(other.value(QStringLiteral("video_name")) != lease.value(QStringLiteral("video_name")));
    QCOMPARE(run({QStringLiteral("next"), project, QStringLiteral("--json")}).code, 2);  // no --annotator
  }

  void listShowsEveryAnnotator() {
    const QString project = freshProject();
    QCOMPARE(run({QStringLiteral("import"), project, data_ + QStringLiteral("/predictions.json")}).code, 0);
    const Run r = run({QStringLiteral("list"), project});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("p1\ta red ball bounces\tgt 4/3/5 (human)\tVideoScore2 3.8721/3/4.5 (model)"),
             r.out.constData());
    const Run text = run({QStringLiteral("stats"), project});
    QVERIFY2(text.out.contains("evaluations  6"), text.out.constData());
  }
};

QTEST_GUILESS_MAIN(TestVscoreCli)
#include "test_vscore_cli.moc"
