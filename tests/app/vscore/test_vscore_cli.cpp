// vscore init/import/export/stats/list, run as a separate process the way users run it.
// Expected export files come from tests/data/interop/make_expected.py (Python json/csv).
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include "core/store/store.h"
#include "store_backend.h"

namespace {

struct Run {
  int code = -1;
  QByteArray out;
  QByteArray err;
};

QByteArray readFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  return f.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

vs::test::StoreBackend g_backend;

// Runs a statement on a project with the test's own connection (QSQLITE, or psql).
QVariant sqlValue(const QString& project, const QString& sql) {
  QString statement = sql;
  if (g_backend.postgres()) {  // the few SQLite spellings these checks use
    statement.replace(QStringLiteral("group_concat("), QStringLiteral("string_agg("));
    if (statement.contains(QStringLiteral("FROM (")) && statement.endsWith(QLatin1Char(')'))) {
      statement += QStringLiteral(" AS sub");
    }
  }
  return g_backend.sql(project, statement);
}

bool onPostgres() {
  return g_backend.postgres();
}

// What a project holds, as one hash: the file's bytes, or every row of a PostgreSQL project.
QByteArray fingerprint(const QString& project) {
  if (!onPostgres()) {
    QFile f(project);
    if (!f.open(QIODevice::ReadOnly))
      return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
  }
  QString sql = QStringLiteral("SELECT md5(concat(");
  const char* tables[] = {"prompts", "videos", "annotators", "evaluations", "history", "imports"};
  for (const char* t : tables) {
    sql += QStringLiteral("(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM %1 x),").arg(QLatin1String(t));
  }
  sql.chop(1);
  sql += QStringLiteral("))");
  return sqlValue(project, sql).toByteArray();
}

QByteArray vf2Item(const QString& name, int score) {
  return QStringLiteral(
             "{\"video_name\": \"%1\", \"prompt\": \"prompt of %1, with some text to make the row longer "
             "than "
             "a few bytes so that the import takes a moment\", \"visual_score\": %2, \"t2v_score\": %2, "
             "\"phy_score\": %2, \"thinking\": \"reasoning %1 lorem ipsum dolor sit amet consectetur "
             "adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua\"}")
      .arg(name)
      .arg(score)
      .toUtf8();
}

// One Label Studio annotation by user 1 rating every dimension 3; `more` adds members.
QByteArray lsAnnotation(const char* more = "") {
  return QByteArray("{\"completed_by\": 1, \"result\": [") +
         "{\"from_name\": \"visual_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}, "
         "{\"from_name\": \"t2v_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}, "
         "{\"from_name\": \"phy_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}]" +
         more + "}";
}

QByteArray manyItems(const QString& prefix, int count) {
  QByteArray bytes = "[\n";
  for (int i = 0; i < count; ++i) {
    bytes += vf2Item(QStringLiteral("%1_%2").arg(prefix).arg(i), 1 + i % 5);
    bytes += i + 1 < count ? ",\n" : "\n";
  }
  bytes += "]\n";
  return bytes;
}

}  // namespace

class TestVscoreCli : public QObject {
  Q_OBJECT

 private:
  QString vscore_;
  QString data_;
  QDir tmp_;
  int counter_ = 0;

  Run run(const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.start(vscore_, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
      p.kill();
      p.waitForFinished();
      return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
  }

  QString path(const QString& name) { return tmp_.filePath(name); }

  // A fresh project holding hard_text.json, imported as annotator "default".
  QString hardTextProject() {
    const QString project = g_backend.fresh(QStringLiteral("p"));
    if (run({QStringLiteral("init"), project}).code != 0)
      return {};
    if (run({QStringLiteral("import"), project, data_ + QStringLiteral("/hard_text.json")}).code != 0)
      return {};
    return project;
  }

  QString freshProject() {
    const QString project = g_backend.fresh(QStringLiteral("p"));
    if (run({QStringLiteral("init"), project}).code != 0)
      return {};
    return project;
  }

  QJsonObject stats(const QString& project) {
    const Run r = run({QStringLiteral("stats"), project, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out).object();
  }

 private slots:
  void initTestCase() {
    vscore_ = qEnvironmentVariable("VSCORE");
    QVERIFY2(QFileInfo(vscore_).isExecutable(), "set VSCORE to the vscore binary");
    data_ = QStringLiteral(VS_TEST_DATA_DIR "/interop");
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vscore_cli"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
  }

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

  void exportMatchesReference_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("vf2-json") << "vf2-json"
                              << "hard_text.expected.json";
    QTest::newRow("vf2-jsonl") << "vf2-jsonl"
                               << "hard_text.expected.jsonl";
    QTest::newRow("csv") << "csv"
                         << "hard_text.expected.csv";
  }
  void exportMatchesReference() {
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QString project = hardTextProject();
    QVERIFY(!project.isEmpty());
    const QString out = path(QStringLiteral("export.") + format);
    const Run r = run({QStringLiteral("export"), project, QStringLiteral("--format"), format,
                       QStringLiteral("--out"), out});
    QCOMPARE(r.code, 0);
    QCOMPARE(readFile(out), readFile(data_ + QLatin1Char('/') + expected));
  }

  // Each format read back into a new project gives the same canonical export.
  void importRoundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("compareFormat");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jsonl->json") << "hard_text.expected.jsonl"
                                 << "vf2-json"
                                 << "hard_text.expected.json";
    QTest::newRow("json->jsonl") << "hard_text.expected.json"
                                 << "vf2-jsonl"
                                 << "hard_text.expected.jsonl";
    // CSV keeps every kept value as text, so CSV goes back to CSV.
    QTest::newRow("csv->csv") << "hard_text.expected.csv"
                              << "csv"
                              << "hard_text.expected.csv";
  }
  void importRoundTrip() {
    QFETCH(QString, file);
    QFETCH(QString, compareFormat);
    QFETCH(QString, expected);
    const QString project = freshProject();
    const Run imported = run({QStringLiteral("import"), project, data_ + QLatin1Char('/') + file});
    QVERIFY2(imported.code == 0, imported.err.constData());
    const QString out = path(QStringLiteral("roundtrip.out"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"), compareFormat,
                  QStringLiteral("--out"), out})
                 .code,
             0);
    QCOMPARE(readFile(out), readFile(data_ + QLatin1Char('/') + expected));
  }

  void labelStudioRoundTrip() {
    const QString project = hardTextProject();
    const QString tasks = path(QStringLiteral("tasks.json"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"),
                  QStringLiteral("labelstudio"), QStringLiteral("--out"), tasks})
                 .code,
             0);
    // Label Studio's own layout: data + annotations[].result with rating controls.
    const QJsonArray array = QJsonDocument::fromJson(readFile(tasks)).array();
    QCOMPARE(array.size(), 3);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("data")).toObject().value(QStringLiteral("video_name")).toString(),
             QStringLiteral("cjk_rtl_emoji"));
    const QJsonArray result = first.value(QStringLiteral("annotations"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("result"))
                                  .toArray();
    QCOMPARE(result.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("rating"));
    QCOMPARE(result.at(0)
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toObject()
                 .value(QStringLiteral("rating"))
                 .toInt(),
             4);

    const QString back = freshProject();
    const Run imported = run({QStringLiteral("import"), back, tasks});
    QVERIFY2(imported.code == 0, imported.err.constData());
    const QString out = path(QStringLiteral("ls.json"));
    QCOMPARE(run({QStringLiteral("export"), back, QStringLiteral("--format"), QStringLiteral("vf2-json"),
                  QStringLiteral("--out"), out})
                 .code,
             0);
    QCOMPARE(readFile(out), readFile(data_ + QStringLiteral("/hard_text.expected.json")));
  }

  void labelStudioChoiceLabels() {
    // A hand-written Label Studio export using choices with annotation-UI labels and the
    // Chinese field names of the raw annotation tool; the second task has no annotation.
    const QString file = data_ + QStringLiteral("/labelstudio_choices.json");
    const QString project = freshProject();
    const Run r = run({QStringLiteral("import"), project, file});
    QVERIFY2(r.code == 0, r.err.constData());
    const Run list = run({QStringLiteral("list"), project, QStringLiteral("--json")});
    const QJsonArray items = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(items.size(), 1);
    const QJsonObject e =
        items.at(0).toObject().value(QStringLiteral("evaluations")).toArray().at(0).toObject();
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("video_name")).toString(),
             QStringLiteral("clip_01"));
    QCOMPARE(e.value(QStringLiteral("visual_score")).toDouble(), 4.0);
    QCOMPARE(e.value(QStringLiteral("t2v_score")).toDouble(), 5.0);
    QCOMPARE(e.value(QStringLiteral("phy_score")).toDouble(), 2.0);
  }

  // A Label Studio export made the way Label Studio writes it (make_labelstudio.py): every
  // annotation is its own evaluation, predictions are model evaluations, and exporting again
  // gives back every annotation, prediction and kept control.
  void labelStudioTeamRoundTrip() {
    const QString project = freshProject();
    const Run r = run({QStringLiteral("import"), project, data_ + QStringLiteral("/labelstudio_team.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.startsWith("imported 5 items"), r.out.constData());
    QCOMPARE(
        sqlValue(project, QStringLiteral("SELECT group_concat(name || ':' || kind, ' ') FROM "
                                         "(SELECT name, kind FROM annotators ORDER BY id)"))
            .toString(),
        QStringLiteral("ana@lab.example:human ls-user-7:human VideoScore2-rev7:model bo@lab.example:human"));
    // Bo skipped clip_a (was_cancelled): only Ana, user 7 and the model evaluated it.
    QCOMPARE(sqlValue(project,
                      QStringLiteral("SELECT count(*) FROM evaluations e JOIN videos v ON v.id = e.video_id "
                                     "WHERE v.name = 'clip_a'"))
                 .toInt(),
             3);
    QCOMPARE(sqlValue(project,
                      QStringLiteral(
                          "SELECT group_concat(e.origin || ' ' || e.model_id || ' ' || e.extra_json, '|') "
                          "FROM evaluations e JOIN annotators a ON a.id = e.annotator_id "
                          "WHERE a.kind = 'model'"))
                 .toString(),
             QStringLiteral("model VideoScore2-rev7 {\"generator\":\"gen_A\",\"score\":0.71}|"
                            "model VideoScore2-rev7 {\"generator\":\"gen_B\",\"score\":0.5}"));
    QCOMPARE(sqlValue(project,
                      QStringLiteral(
                          "SELECT e.thinking FROM evaluations e JOIN annotators a ON a.id = e.annotator_id "
                          "WHERE a.name = 'ana@lab.example'"))
                 .toString(),
             QStringLiteral("The kite string bends naturally.\nSky banding near the top."));

    const QJsonDocument expected =
        QJsonDocument::fromJson(readFile(data_ + QStringLiteral("/labelstudio_team.expected.json")));
    QVERIFY(expected.isArray() && expected.array().size() == 2);
    const QString tasks = path(QStringLiteral("team_tasks.json"));
    const Run exported = run({QStringLiteral("export"), project, QStringLiteral("--format"),
                              QStringLiteral("labelstudio"), QStringLiteral("--out"), tasks});
    QVERIFY2(exported.code == 0, exported.err.constData());
    const QJsonDocument got = QJsonDocument::fromJson(readFile(tasks));
    QVERIFY2(got == expected, got.toJson(QJsonDocument::Compact).constData());

    // The exported file is a Label Studio export too: through a second project it comes back
    // unchanged.
    const QString again = freshProject();
    const Run reimported = run({QStringLiteral("import"), again, tasks});
    QVERIFY2(reimported.code == 0, reimported.err.constData());
    const QString tasks2 = path(QStringLiteral("team_tasks2.json"));
    QCOMPARE(run({QStringLiteral("export"), again, QStringLiteral("--format"), QStringLiteral("labelstudio"),
                  QStringLiteral("--out"), tasks2})
                 .code,
             0);
    QCOMPARE(QJsonDocument::fromJson(readFile(tasks2)), expected);
  }

  void labelStudioSingleTaskObject() {
    const QString project = freshProject();
    const Run r =
        run({QStringLiteral("import"), project, data_ + QStringLiteral("/labelstudio_single_task.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("(labelstudio): 2 evaluations created"), r.out.constData());
    const Run list = run({QStringLiteral("list"), project});
    QVERIFY2(list.out.contains(
                 "solo\ta paper boat in the rain\tana@lab.example 3/4/2 (human)\tls-user-9 4/4/3 (human)"),
             list.out.constData());
    QCOMPARE(sqlValue(project, QStringLiteral("SELECT phy_rationale FROM evaluations e JOIN annotators a ON "
                                              "a.id = e.annotator_id WHERE a.name = 'ana@lab.example'"))
                 .toString(),
             QStringLiteral("the boat floats upstream\nagainst the current"));
    QCOMPARE(
        sqlValue(project, QStringLiteral("SELECT count(*) FROM annotators WHERE name = 'default'")).toInt(),
        0);
  }

  void predictionsRoundTrip() {
    const QString project = freshProject();
    const Run r = run({QStringLiteral("import"), project, data_ + QStringLiteral("/predictions.json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject s = stats(project);
    QCOMPARE(s.value(QStringLiteral("annotators")).toInt(), 2);  // "gt" and "VideoScore2"
    QCOMPARE(s.value(QStringLiteral("evaluations")).toInt(), 6);
    const QString out = path(QStringLiteral("pred.json"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"),
                  QStringLiteral("predictions"), QStringLiteral("--out"), out})
                 .code,
             0);
    QCOMPARE(readFile(out), readFile(data_ + QStringLiteral("/predictions.expected.json")));
  }

  void sftExport() {
    const QString project = hardTextProject();
    const QString out = path(QStringLiteral("sft.json"));
    QCOMPARE(run({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("sft"),
                  QStringLiteral("--out"), out})
                 .code,
             0);
    const QJsonArray array = QJsonDocument::fromJson(readFile(out)).array();
    QCOMPARE(array.size(), 3);
    const QJsonObject first = array.at(0).toObject();
    const QJsonArray conv = first.value(QStringLiteral("conversations")).toArray();
    QCOMPARE(conv.size(), 2);
    QCOMPARE(conv.at(0).toObject().value(QStringLiteral("from")).toString(), QStringLiteral("human"));
    const QString human = conv.at(0).toObject().value(QStringLiteral("value")).toString();
    QVERIFY(human.startsWith(
        QStringLiteral("<video>\n    You are an expert for evaluating AI-generated videos")));
    QVERIFY(human.contains(QStringLiteral("Video prompt: 一只猫在东京")));
    QCOMPARE(
        conv.at(1).toObject().value(QStringLiteral("value")).toString(),
        QStringLiteral(
            "### Thinking Process:\nLine one, with a comma.\nLine \"two\" with quotes;\r\nthree\twith a tab "
            "and a backslash \\ and C:\\path\\to\\file\x01 and / slash and 😀\n\n### Score:\n"
            "(1) visual quality: 4\n(2) text-to-video alignment: 3\n(3) physical consistency: 5"));
    QCOMPARE(first.value(QStringLiteral("videos")).toArray().at(0).toString(),
             QStringLiteral("videos/cjk_rtl_emoji.mp4"));
  }

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

  // The same files imported into a .vsproj and into a PostgreSQL project, and a .vsproj copied
  // to PostgreSQL and back with vscore copy, export the same bytes in every format.
  void postgresExportsEqualSqliteExports() {
    if (!onPostgres())
      QSKIP("compares with PostgreSQL (runs in test_vscore_cli_pg)");
    const QString file = path(QStringLiteral("same.vsproj"));
    QFile::remove(file);
    const QString db = freshProject();
    QCOMPARE(run({QStringLiteral("init"), file}).code, 0);
    for (const char* input : {"hard_text.json", "predictions.json", "labelstudio_team.json"}) {
      for (const QString& project : {file, db}) {
        const Run r =
            run({QStringLiteral("import"), project, data_ + QLatin1Char('/') + QLatin1String(input)});
        QVERIFY2(r.code == 0, r.err.constData());
      }
    }
    const QString copied = g_backend.fresh(QStringLiteral("copied"));
    const Run copy = run({QStringLiteral("copy"), file, copied});
    QVERIFY2(copy.code == 0, copy.err.constData());
    const QString back = path(QStringLiteral("same_back.vsproj"));
    QFile::remove(back);
    QCOMPARE(run({QStringLiteral("copy"), copied, back}).code, 0);
    QCOMPARE(run({QStringLiteral("copy"), file, copied}).code, 1);  // not an empty database
    QCOMPARE(run({QStringLiteral("copy"), copied, back}).code, 1);  // the file exists
    int compared = 0;
    for (const char* format : {"vf2-json", "vf2-jsonl", "csv", "sft", "labelstudio", "pairs"}) {
      const QString reference = path(QStringLiteral("same_file.%1").arg(QLatin1String(format)));
      QCOMPARE(run({QStringLiteral("export"), file, QStringLiteral("--format"), QLatin1String(format),
                    QStringLiteral("--out"), reference})
                   .code,
               0);
      QVERIFY(!readFile(reference).isEmpty());
      for (const QString& other : {db, copied, back}) {
        const QString out = path(QStringLiteral("same_other.%1").arg(QLatin1String(format)));
        const Run r = run({QStringLiteral("export"), other, QStringLiteral("--format"), QLatin1String(format),
                           QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(readFile(out) == readFile(reference),
                 qPrintable(QStringLiteral("%1 of %2").arg(QLatin1String(format), other)));
        ++compared;
      }
    }
    QCOMPARE(compared, 18);
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
