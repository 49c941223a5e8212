// vscore audit on prediction files and on a project holding the same scores: the JSON numbers
// equal those of the restated get_acc_corr.py (tests/data/analysis/make_fixtures.py).
#include <QTest>

#include "cli_runner.h"

using namespace vs;
using namespace vs::clitest;

class TestCmdAudit : public QObject {
  Q_OBJECT
 private slots:
  void softPredictionsWithIntervals() {
    const QJsonObject expected = fixture(QStringLiteral("expected_audit.json")).object();
    const Run r = vscore({QStringLiteral("audit"), data(QStringLiteral("predictions_soft.json")),
                          QStringLiteral("--json"), QStringLiteral("--bootstrap"), QStringLiteral("200"),
                          QStringLiteral("--seed"), QStringLiteral("7")});
    QCOMPARE(r.exitCode, 0);
    compareSubset(r.json(), expected["predictions_soft.json"].toObject(), QStringLiteral("soft"));
  }
  void integerAndReparsedPredictions() {
    const QJsonObject expected = fixture(QStringLiteral("expected_audit.json")).object();
    for (const QString& name :
         {QStringLiteral("predictions_int.json"), QStringLiteral("predictions_reparse.json")}) {
      const Run r = vscore({QStringLiteral("audit"), data(name), QStringLiteral("--json"),
                            QStringLiteral("--bootstrap"), QStringLiteral("0")});
      QCOMPARE(r.exitCode, 0);
      compareSubset(r.json(), expected[name].toObject(), name);
      QVERIFY(!r.json()["visual"].toObject().contains(QStringLiteral("ci")));
    }
  }
  void projectAuditEqualsFileAudit() {
    // The integer prediction file imported as a project: model "vs2" vs person "alice".
    const QString path = scratch(QStringLiteral("audit.vsproj"));
    {
      store::Store store(path, store::OpenMode::CreateNew);
      const qint64 model = store.addAnnotator(QStringLiteral("vs2"), AnnotatorKind::Model);
      const qint64 person = store.addAnnotator(QStringLiteral("alice"), AnnotatorKind::Human);
      for (const QJsonValue& v : fixture(QStringLiteral("predictions_int.json")).array()) {
        const QJsonObject o = v.toObject();
        Video video;
        video.name = o["video_name"].toString();
        video.generator = QStringLiteral("gen-%1").arg(video.name.back());
        video.promptId = store.addPrompt(o["prompt"].toString());
        const qint64 id = store.addVideo(video);
        Evaluation m = evaluation(id, model, {o["v_score_model"], o["t_score_model"], o["p_score_model"]},
                                  Origin::Model);
        m.modelId = QStringLiteral("VideoScore2");
        store.upsertEvaluation(m);
        store.upsertEvaluation(
            evaluation(id, person, {o["v_score_gt"], o["t_score_gt"], o["p_score_gt"]}, Origin::Human));
      }
    }
    const QJsonObject expected =
        fixture(QStringLiteral("expected_audit.json")).object()["predictions_int.json"].toObject();
    const QString report = scratch(QStringLiteral("audit.html"));
    Run r = vscore({QStringLiteral("audit"), path, QStringLiteral("--json"), QStringLiteral("--bootstrap"),
                    QStringLiteral("0"), QStringLiteral("--report"), report});
    QCOMPARE(r.exitCode, 0);
    compareSubset(r.json(), expected, QStringLiteral("project"));
    QCOMPARE(r.json()["predicted"].toString(), QStringLiteral("model:vs2"));
    QCOMPARE(r.json()["reference"].toString(), QStringLiteral("alice"));
    QFile html(report);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray page = html.readAll();
    QCOMPARE(page.count("<svg "), 7);  // confusion matrix and histogram per dimension, generators
    QVERIFY(page.contains("gen-0 ("));
    QVERIFY(!page.contains("<script") && !page.contains("src="));
    // The sides named explicitly (model id instead of annotator name) give the same numbers.
    r = vscore({QStringLiteral("audit"), path, QStringLiteral("--a"), QStringLiteral("model:VideoScore2"),
                QStringLiteral("--b"), QStringLiteral("alice"), QStringLiteral("--json"),
                QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 0);
    compareSubset(r.json(), expected, QStringLiteral("project explicit"));
    r = vscore({QStringLiteral("audit"), path, QStringLiteral("--b"), QStringLiteral("bob")});
    QCOMPARE(r.exitCode, 2);
    r = vscore(
        {QStringLiteral("audit"), path, QStringLiteral("--a"), QStringLiteral("model:other-checkpoint")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no evaluations from 'model:other-checkpoint'"), r.err.constData());
  }
  void textOutput() {
    const Run r = vscore({QStringLiteral("audit"), data(QStringLiteral("predictions_int.json")),
                          QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject e =
        fixture(QStringLiteral("expected_audit.json")).object()["predictions_int.json"].toObject();
    QVERIFY(r.out.contains(QByteArray::number(e["visual"].toObject()["accuracy"].toDouble(), 'f', 3)));
  }
  void errorsAndExitCodes() {
    const QString broken = scratch(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[\n{\"video_name\": \"a\",\n \"v_score_gt\": 3,,\n}]\n");
    f.close();
    Run r = vscore({QStringLiteral("audit"), broken});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.startsWith("vscore: error: " + broken.toUtf8() + ":3"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);

    const QString noGt = scratch(QStringLiteral("nogt.json"));
    QFile g(noGt);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(R"([{"video_name": "a", "v_score_gt": 3, "t_score_gt": 3, "v_score_model": 2, "t_score_model": 2,
                "p_score_model": 2}])");
    g.close();
    r = vscore({QStringLiteral("audit"), noGt});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("item 1 (video_name \"a\")") && r.err.contains("p_score_gt"), r.err.constData());

    // Any finite number is a score, as in the scripts; the charts clamp what is off the scale.
    const QString odd = scratch(QStringLiteral("odd.json"));
    QFile h(odd);
    QVERIFY(h.open(QIODevice::WriteOnly));
    h.write(R"([{"video_name": "a", "v_score_gt": 3, "t_score_gt": 3, "p_score_gt": 3, "v_score_model": 1e300,
                "t_score_model": -7, "p_score_model": 3},
               {"video_name": "b", "v_score_gt": 4, "t_score_gt": 2, "p_score_gt": 1, "v_score_model": 4,
                "t_score_model": 2, "p_score_model": 1}])");
    h.close();
    r = vscore({QStringLiteral("audit"), odd, QStringLiteral("--json"), QStringLiteral("--bootstrap"),
                QStringLiteral("0")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()["visual"].toObject()["accuracy"].toDouble(),
             50.0);  // 1e300 -> clamped to 5 (soft rule)
    QCOMPARE(r.json()["visual"].toObject()["confusion"].toObject()["lowest"].toInt(), 1);

    QCOMPARE(vscore({QStringLiteral("audit"), scratch(QStringLiteral("absent.json"))}).exitCode, 1);
    QCOMPARE(vscore({QStringLiteral("audit")}).exitCode, 2);
    QCOMPARE(vscore({QStringLiteral("audit"), data(QStringLiteral("predictions_int.json")),
                     QStringLiteral("--scale"), QStringLiteral("half")})
                 .exitCode,
             2);
  }
};

QTEST_GUILESS_MAIN(TestCmdAudit)
#include "test_cmd_audit.moc"
