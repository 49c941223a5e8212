// vscore agreement on three VideoFeedback2 files and on the same annotators inside a project,
// against the restated cal_iaa.py (tests/data/analysis/make_fixtures.py).
#include <QTest>

#include "cli_runner.h"

using namespace vs;
using namespace vs::clitest;

namespace {

QStringList bootstrapArgs() {
  const QJsonObject b = fixture(QStringLiteral("expected_agreement.json")).object()["bootstrap"].toObject();
  return {QStringLiteral("--bootstrap"), QString::number(b["resamples"].toInt()), QStringLiteral("--seed"),
          QString::number(b["seed"].toInt())};
}

}  // namespace

class TestCmdAgreement : public QObject {
  Q_OBJECT
 private slots:
  void threeFiles() {
    const Run r = vscore(QStringList{QStringLiteral("agreement"), data(QStringLiteral("annotator_1.json")),
                                     data(QStringLiteral("annotator_2.json")),
                                     data(QStringLiteral("annotator_3.json")), QStringLiteral("--json")} +
                         bootstrapArgs());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    compareSubset(r.json(), fixture(QStringLiteral("expected_agreement.json")).object()["result"].toObject(),
                  QStringLiteral("files"));
    QCOMPARE(r.json()["visual"].toObject()["pairs"].toArray().size(), 3);
  }
  void projectAnnotators() {
    const QString path = scratch(QStringLiteral("agreement.vsproj"));
    {
      store::Store store(path, store::OpenMode::CreateNew);
      store.addAnnotator(QStringLiteral("model-x"), AnnotatorKind::Model);  // not a person: left out
      for (int a = 1; a <= 3; ++a) {
        const qint64 annotator =
            store.addAnnotator(QStringLiteral("annotator_%1").arg(a), AnnotatorKind::Human);
        for (const QJsonValue& v : fixture(QStringLiteral("annotator_%1.json").arg(a)).array()) {
          const QJsonObject o = v.toObject();
          Video video;
          video.name = o["video_name"].toString();
          const qint64 id = store.addVideo(video);
          store.upsertEvaluation(
              evaluation(id, annotator, {o["visual_score"], o["t2v_score"], o["phy_score"]}, Origin::Human));
        }
      }
    }
    const Run r =
        vscore(QStringList{QStringLiteral("agreement"), path, QStringLiteral("--json")} + bootstrapArgs());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    compareSubset(r.json(), fixture(QStringLiteral("expected_agreement.json")).object()["result"].toObject(),
                  QStringLiteral("project"));
    const Run two = vscore({QStringLiteral("agreement"), path, QStringLiteral("--annotators"),
                            QStringLiteral("annotator_1,annotator_3"), QStringLiteral("--json"),
                            QStringLiteral("--bootstrap"), QStringLiteral("0")});
    QCOMPARE(two.exitCode, 0);
    QCOMPARE(two.json()["annotators"].toArray().size(), 2);
    QVERIFY(two.json()["n"].toInt() > r.json()["n"].toInt());  // fewer annotators share more items
  }
  void usage() {
    QCOMPARE(vscore({QStringLiteral("agreement"), data(QStringLiteral("annotator_1.json"))}).exitCode, 2);
    QCOMPARE(vscore({QStringLiteral("agreement"), data(QStringLiteral("annotator_1.json")),
                     scratch(QStringLiteral("absent.json"))})
                 .exitCode,
             1);
  }
};

QTEST_GUILESS_MAIN(TestCmdAgreement)
#include "test_cmd_agreement.moc"
