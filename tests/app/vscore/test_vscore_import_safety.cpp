// vscore import, run as a separate process the way users run it (vscore_cli_fixture.h): an update
// keeps history, a bad file leaves the project as it was with one line naming where, and busy
// projects, two writers at once and kill -9 during an import leave it whole.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include "vscore_cli_fixture.h"

using namespace vs::test::cli;

class TestVscoreImportSafety : public VscoreCliTest {
  Q_OBJECT

 private slots:
  void initTestCase() { setUp(QStringLiteral("vscore_import_safety")); }

  void reimportUpdatesSameVideo() {
    const QString project = hardTextProject();
    const QString file = path(QStringLiteral("update.json"));
    writeFile(file,
              "[{\"video_name\": \"cjk_rtl_emoji\", \"prompt\": \"new prompt\", \"visual_score\": 1, "
              "\"t2v_score\": 1, \"phy_score\": 1}]");
    const Run r = run({QStringLiteral("import"), project, file});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("0 evaluations created, 1 updated"));
    if (!onPostgres())
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(stats(project).value(QStringLiteral("evaluations")).toInt(), 3);
    QCOMPARE(sqlValue(project,
                      QStringLiteral("SELECT visual FROM evaluations e JOIN videos v ON v.id = e.video_id "
                                     "WHERE v.name = 'cjk_rtl_emoji'"))
                 .toDouble(),
             1.0);
    // The update left history rows holding the old values.
    QCOMPARE(
        sqlValue(project, QStringLiteral("SELECT old_value FROM history WHERE field = 'visual'")).toDouble(),
        4.0);
  }

  void badInputExitsThreeAndLeavesProjectUnchanged_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("where");  // expected start of the message after "vscore: error: <file>"
    QTest::newRow("syntax error") << "syntax.json"
                                  << QByteArray("[\n  {\"video_name\": \"a\",\n   \"visual_score\": ,\n")
                                  << "auto"
                                  << ":3: expected a value";
    QTest::newRow("trailing comma") << "trailing.json"
                                    << QByteArray(
                                           "[{\"video_name\": \"a\", \"prompt\": \"p\", \"visual_score\": 1, "
                                           "\"t2v_score\": 1, \"phy_score\": 1},\n]")
                                    << "auto"
                                    << ":2: ";
    QTest::newRow("wrong type")
        << "type.json"
        << QByteArray("[{\"video_name\": \"a\", \"visual_score\": [4], \"t2v_score\": 1, \"phy_score\": 1}]")
        << "auto"
        << ": item 1 (video_name \"a\"): visual_score: expected a number, got an array";
    QTest::newRow("score out of range")
        << "range.json"
        << (QByteArray("[") + vf2Item(QStringLiteral("ok"), 3) +
            ",\n{\"video_name\": \"x\", \"visual_score\": 1, \"t2v_score\": 2, \"phy_score\": 7}]")
        << "auto"
        << ": item 2 (video_name \"x\"): phy_score 7 is outside 1..5";
    QTest::newRow("bad label") << "label.json"
                               << QByteArray(
                                      "[{\"video_name\": \"a\", \"visual_score\": \"excellent\", "
                                      "\"t2v_score\": 1, \"phy_score\": 1}]")
                               << "auto"
                               << ": item 1 (video_name \"a\"): visual_score: \"excellent\" is not a score";
    QTest::newRow("missing key") << "missing.json"
                                 << QByteArray(
                                        "[{\"video_name\": \"a\", \"visual_score\": 1, \"phy_score\": 1}]")
                                 << "auto"
                                 << ": item 1 (video_name \"a\"): missing required key t2v_score";
    QTest::newRow("missing video_name")
        << "noname.json" << QByteArray("[{\"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 1}]")
        << "auto"
        << ": item 1: missing required key video_name";
    QTest::newRow("binary junk") << "junk.bin"
                                 << QByteArray(
                                        "\x7f"
                                        "ELF\x02\x01\x01\x00\x00\x00\xff\xfe\x00\x01",
                                        14)
                                 << "auto"
                                 << ": not a recognised format";
    QTest::newRow("binary junk as json")
        << "junk.json" << QByteArray("\x00\x01\x02\xff\xfe\x80", 6) << "vf2-json"
        << ":1: expected '['";
    QTest::newRow("invalid utf-8")
        << "utf8.json"
        << QByteArray(
               "[{\"video_name\": \"a\xff\xfe\", \"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 1}]")
        << "auto"
        << ":1: invalid UTF-8 in string";
    QTest::newRow("empty file") << "empty.json" << QByteArray() << "auto"
                                << ": file is empty";
    QTest::newRow("whitespace only") << "blank.jsonl" << QByteArray("\n \n") << "vf2-jsonl"
                                     << ": file is empty";
    QTest::newRow("jsonl bad line") << "bad.jsonl"
                                    << (vf2Item(QStringLiteral("a"), 1) + "\n" +
                                        vf2Item(QStringLiteral("b"), 2) + "\n{\"video_name\": \"c\"\n")
                                    << "auto"
                                    << ":3: ";
    QTest::newRow("csv field count")
        << "count.csv"
        << QByteArray("video_name,prompt,visual_score,t2v_score,phy_score\r\na,p,1,2,3\r\nb,p,1,2\r\n")
        << "auto"
        << ":3: expected 5 fields, found 4";
    QTest::newRow("csv unterminated quote")
        << "quote.csv" << QByteArray("video_name,prompt,visual_score,t2v_score,phy_score\r\n\"a,p,1,2,3\r\n")
        << "auto"
        << ":2: unterminated quoted field";
    QTest::newRow("csv missing column")
        << "col.csv" << QByteArray("video_name,visual_score,t2v_score\r\na,1,2\r\n") << "auto"
        << ":1: missing required column phy_score";
    QTest::newRow("predictions wrong type")
        << "pred.json"
        << QByteArray(
               "[{\"video_name\": \"a\", \"v_score_model\": \"x\", \"t_score_model\": 1, \"p_score_model\": "
               "1, \"output\": \"\"}]")
        << "predictions"
        << ": item 1 (video_name \"a\"): v_score_model: \"x\" is not a score";
    QTest::newRow("labelstudio partial")
        << "ls.json"
        << QByteArray(
               "[{\"data\": {\"video_name\": \"a\"}, \"annotations\": [{\"result\": [{\"from_name\": "
               "\"visual_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}]}]}]")
        << "labelstudio"
        << ": item 1 (video_name \"a\"): task has no ratings for all three dimensions";
    QTest::newRow("json without prompt")
        << "noprompt.json"
        << QByteArray("[{\"video_name\": \"a\", \"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 1}]")
        << "auto"
        << ": item 1 (video_name \"a\"): missing required key prompt";
    QTest::newRow("json null prompt") << "nullprompt.json"
                                      << QByteArray(
                                             "[{\"video_name\": \"a\", \"prompt\": null, \"visual_score\": "
                                             "1, \"t2v_score\": 1, \"phy_score\": 1}]")
                                      << "auto"
                                      << ": item 1 (video_name \"a\"): prompt is null";
    QTest::newRow("jsonl without prompt")
        << "noprompt.jsonl"
        << (vf2Item(QStringLiteral("a"), 1) +
            "\n{\"video_name\": \"b\", \"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 1}\n")
        << "auto"
        << ":2: item 2 (video_name \"b\"): missing required key prompt";
    QTest::newRow("csv without prompt")
        << "noprompt.csv" << QByteArray("video_name,visual_score,t2v_score,phy_score\r\na,1,2,3\r\n")
        << "auto"
        << ":1: missing required column prompt";
    QTest::newRow("predictions without prompt")
        << "noprompt_pred.json"
        << QByteArray(
               "[{\"video_name\": \"a\", \"v_score_gt\": 3, \"t_score_gt\": 3, \"p_score_gt\": 3, "
               "\"v_score_model\": 2, \"t_score_model\": 2, \"p_score_model\": 2, \"output\": \"\"}]")
        << "auto"
        << ": item 1 (video_name \"a\"): missing required key prompt";
    QTest::newRow("labelstudio without prompt")
        << "noprompt_ls.json"
        << (QByteArray("[{\"data\": {\"video\": \"/v/a.mp4\"}, \"annotations\": [") + lsAnnotation() + "]}]")
        << "auto"
        << ": item 1 (video_name \"a\"): missing required key prompt (data.prompt)";
    QTest::newRow("no known key") << "unknown.json" << QByteArray("[{\"name\": \"a\", \"score\": 3}]")
                                  << "auto"
                                  << ": item 1: none of the known keys (expected a VideoFeedback2 item: "
                                     "video_name, prompt, visual_score, t2v_score, phy_score)";
    QTest::newRow("labelstudio without data")
        << "nodata_ls.json" << (QByteArray("[{\"id\": 1, \"annotations\": [") + lsAnnotation() + "]}]")
        << "auto"
        << ": item 1: task has no data object (expected Label Studio tasks";
    QTest::newRow("empty array") << "empty_array.json" << QByteArray("[]\n") << "auto"
                                 << ": nothing to import (the file holds no items)";
    QTest::newRow("labelstudio only cancelled")
        << "cancelled_ls.json"
        << (QByteArray(
                "{\"id\": 3, \"data\": {\"video\": \"/v/a.mp4\", \"prompt\": \"p\"}, \"annotations\": [") +
            lsAnnotation(", \"was_cancelled\": true") + "]}")
        << "auto"
        << ": nothing to import (no task has a submitted annotation or a prediction)";
    QTest::newRow("missing file") << "" << QByteArray() << "auto"
                                  << ": no such file";
  }
  void badInputExitsThreeAndLeavesProjectUnchanged() {
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QString, where);
    const QString project = hardTextProject();
    QVERIFY(!project.isEmpty());
    const QByteArray before = fingerprint(project);
    QVERIFY(!QFile::exists(project + QStringLiteral("-wal")));
    const QString file = name.isEmpty() ? path(QStringLiteral("does_not_exist.json")) : path(name);
    if (!name.isEmpty())
      writeFile(file, content);
    const Run r = run({QStringLiteral("import"), project, file, QStringLiteral("--format"), format});
    QCOMPARE(r.code, 3);
    const QByteArray expected = "vscore: error: " + file.toUtf8() + where.toUtf8();
    QVERIFY2(r.err.startsWith(expected), (r.err + " does not start with " + expected).constData());
    QCOMPARE(r.err.count('\n'), 1);  // one line
    QCOMPARE(fingerprint(project), before);
    QCOMPARE(stats(project).value(QStringLiteral("evaluations")).toInt(), 3);
  }

  // The file is parsed while earlier items are already being written: an error far into a large
  // file rolls the transaction back.
  void lateBadItemRollsBackEverything() {
    const QString project = hardTextProject();
    const QString before = path(QStringLiteral("late_before.jsonl"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("vf2-jsonl"),
                  QStringLiteral("--out"), before})
                 .code,
             0);
    QByteArray bytes = manyItems(QStringLiteral("late"), 5000);
    bytes.chop(3);  // "\n]\n"
    bytes += ",\n{\"video_name\": \"last\", \"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 6}\n]\n";
    const QString file = path(QStringLiteral("late.json"));
    writeFile(file, bytes);
    const Run r = run({QStringLiteral("import"), project, file});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("item 5001 (video_name \"last\"): phy_score 6 is outside 1..5"),
             r.err.constData());
    const QString after = path(QStringLiteral("late_after.jsonl"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("vf2-jsonl"),
                  QStringLiteral("--out"), after})
                 .code,
             0);
    QCOMPARE(readFile(after), readFile(before));
    const QJsonObject s = stats(project);
    QCOMPARE(s.value(QStringLiteral("videos")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("prompts")).toInt(), 3);
    QCOMPARE(sqlValue(project, QStringLiteral("SELECT count(*) FROM imports")).toInt(), 1);
    // Bulk imports may write through a rollback journal; the project is left in WAL mode.
    if (!onPostgres())
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
  }

  void busyProjectFailsClearly() {
    const QString project = hardTextProject();
    const QString file = path(QStringLiteral("busy.json"));
    writeFile(file, manyItems(QStringLiteral("busy"), 10));
    if (onPostgres()) {
      // Another program holds the project's writer lock (an advisory transaction lock).
      QProcess holder;
      holder.start(vs::test::pgBinDir() + QStringLiteral("/psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                    QStringLiteral("-d"), project});
      QVERIFY(holder.waitForStarted());
      holder.write("BEGIN; SELECT pg_advisory_xact_lock(1448300593); SELECT 'held';\n");
      QByteArray seen;
      while (!seen.contains("held") && holder.waitForReadyRead(10000))
        seen += holder.readAllStandardOutput();
      QVERIFY2(seen.contains("held"), seen.constData());
      const Run r = run({QStringLiteral("import"), project, file, QStringLiteral("--busy-timeout-ms"),
                         QStringLiteral("300")});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("project is busy"), r.err.constData());
      holder.write("ROLLBACK;\n");
      holder.closeWriteChannel();
      QVERIFY(holder.waitForFinished(10000));
    } else {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
      db.setDatabaseName(project);
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));  // another program is writing
      const Run r = run({QStringLiteral("import"), project, file, QStringLiteral("--busy-timeout-ms"),
                         QStringLiteral("300")});
      QCOMPARE(r.code, 1);
      QVERIFY2(r.err.contains("project is busy"), r.err.constData());
      QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
      db.close();
      db = QSqlDatabase();
      QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }
    QCOMPARE(run({QStringLiteral("import"), project, file}).code, 0);
    QCOMPARE(stats(project).value(QStringLiteral("evaluations")).toInt(), 13);
  }

  void twoProcessesWriteOneProject() {
    const QString project = freshProject();
    const QString a = path(QStringLiteral("two_a.json"));
    const QString b = path(QStringLiteral("two_b.json"));
    writeFile(a, manyItems(QStringLiteral("a"), 3000));
    writeFile(b, manyItems(QStringLiteral("b"), 3000));
    for (int round = 0; round < 2; ++round) {
      QProcess pa;
      QProcess pb;
      pa.start(vscore_, {QStringLiteral("import"), project, a, QStringLiteral("--busy-timeout-ms"),
                         QStringLiteral("30000")});
      pb.start(vscore_, {QStringLiteral("import"), project, b, QStringLiteral("--busy-timeout-ms"),
                         QStringLiteral("30000")});
      QVERIFY(pa.waitForFinished(60000));
      QVERIFY(pb.waitForFinished(60000));
      QVERIFY2(pa.exitCode() == 0, pa.readAllStandardError().constData());
      QVERIFY2(pb.exitCode() == 0, pb.readAllStandardError().constData());
    }
    QCOMPARE(stats(project).value(QStringLiteral("evaluations")).toInt(), 6000);  // the second round updated
    if (!onPostgres())
      QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
  }

  void killDuringImportLeavesCompleteOrAbsent() {
    const int count = 20000;
    const QString file = path(QStringLiteral("kill.json"));
    writeFile(file, manyItems(QStringLiteral("k"), count));
    int absent = 0;
    int complete = 0;
    for (int delayMs : {20, 200, 600, 2500}) {
      const QString project = freshProject();
      QProcess p;
      p.start(vscore_, {QStringLiteral("import"), project, file});
      QVERIFY(p.waitForStarted());
      QThread::msleep(static_cast<unsigned long>(delayMs));
      p.kill();  // SIGKILL
      p.waitForFinished();
      const Run r = run({QStringLiteral("stats"), project, QStringLiteral("--json")});
      QVERIFY2(r.code == 0, r.err.constData());
      const int evaluations =
          QJsonDocument::fromJson(r.out).object().value(QStringLiteral("evaluations")).toInt(-1);
      QVERIFY2(evaluations == 0 || evaluations == count, QByteArray::number(evaluations).constData());
      (evaluations == 0 ? absent : complete) += 1;
      if (!onPostgres())
        QCOMPARE(sqlValue(project, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
      // The project still takes writes.
      QCOMPARE(run({QStringLiteral("import"), project, data_ + QStringLiteral("/hard_text.json")}).code, 0);
    }
    qInfo("kill -9 during import: %d absent, %d complete", absent, complete);
  }
};

QTEST_GUILESS_MAIN(TestVscoreImportSafety)
#include "test_vscore_import_safety.moc"
