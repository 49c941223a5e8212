// vscore import/export of every exchange format, run as a separate process the way users run it
// (vscore_cli_fixture.h): exports equal the files Python writes (tests/data/interop/make_expected.py,
// make_labelstudio.py), and files read back export the same bytes, on either backend.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "vscore_cli_fixture.h"

using namespace vs::test::cli;

class TestVscoreFormats : public VscoreCliTest {
  Q_OBJECT

 private slots:
  void initTestCase() { setUp(QStringLiteral("vscore_formats")); }

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
};

QTEST_GUILESS_MAIN(TestVscoreFormats)
#include "test_vscore_formats.moc"
