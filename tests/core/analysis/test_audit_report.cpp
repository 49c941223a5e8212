// core/analysis/audit_report.cpp: what `vscore audit` reports on a prediction file (numbers from
// tests/data/analysis/expected_audit.json, made by make_fixtures.py), which inputs are projects,
// the errors of each kind, and the text layout of a preference report (written out by hand).
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/audit_report.h"
#include "core/domain/error.h"
#include "core/store/store.h"
#include "fixture.h"

using namespace vs;
using namespace vs::analysis;
using namespace vs::analysis::testing;

namespace {

AuditRequest request(const QString& input) {
  AuditRequest r;
  r.input = input;
  return r;
}

}  // namespace

class TestAuditReport : public QObject {
  Q_OBJECT
 private slots:
  void predictionFileText() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_audit.json"))
                                     .object()
                                     .value(QStringLiteral("predictions_int.json"))
                                     .toObject();
    const AuditReport report = auditReport(request(fixturePath(QStringLiteral("predictions_int.json"))));
    QCOMPARE(report.predicted, QStringLiteral("*_score_model"));
    QCOMPARE(report.reference, QStringLiteral("*_score_gt"));
    const QStringList lines = auditReportText(report).split(QLatin1Char('\n'));
    QCOMPARE(lines[0], QStringLiteral("predicted *_score_model vs reference *_score_gt"));
    QCOMPARE(lines[1], QStringLiteral("items %1 (dropped %2 with null predictions), scale %3")
                           .arg(expected.value(QStringLiteral("n")).toInt())
                           .arg(expected.value(QStringLiteral("dropped")).toInt())
                           .arg(expected.value(QStringLiteral("scale")).toString()));
    QCOMPARE(lines[3], QStringLiteral("metric                    visual       t2v       phy   average"));
    // The accuracy row: each dimension's value as the reference script rounds it, 3 decimals.
    QString accuracy = QStringLiteral("accuracy").leftJustified(22);
    for (const char* d : {"visual", "t2v", "phy"}) {
      accuracy +=
          QString::number(
              expected.value(QLatin1String(d)).toObject().value(QStringLiteral("accuracy")).toDouble(), 'f',
              3)
              .rightJustified(10);
    }
    QVERIFY2(lines[4].startsWith(accuracy), qPrintable(lines[4]));
    const QJsonObject json = auditReportJson(report);
    QCOMPARE(json.value(QStringLiteral("predicted")).toString(), QStringLiteral("*_score_model"));
    QVERIFY(!json.contains(QStringLiteral("preferences")));
  }

  void projectsAreKnownByExtensionOrHeader() {
    QTemporaryDir dir;
    QVERIFY(isProjectFile(dir.filePath(QStringLiteral("absent.VSPROJ"))));
    const QString plain = dir.filePath(QStringLiteral("project.db"));
    store::Store(plain, store::OpenMode::CreateNew);
    QVERIFY(isProjectFile(plain));
    QVERIFY(!isProjectFile(fixturePath(QStringLiteral("predictions_int.json"))));
  }

  void errorsSayWhatAndWhere() {
    auto kindOf = [](const AuditRequest& r) {
      try {
        auditReport(r);
      } catch (const Error& e) {
        return std::pair(e.kind(), e.full());
      }
      return std::pair(Error::Kind::Io, QStringLiteral("no error"));
    };
    AuditRequest sides = request(fixturePath(QStringLiteral("predictions_int.json")));
    sides.a = QStringLiteral("ann1");
    QCOMPARE(kindOf(sides), std::pair(Error::Kind::Usage, QStringLiteral("--a/--b apply to projects only")));
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    QCOMPARE(kindOf(request(missing)),
             std::pair(Error::Kind::Io, missing + QStringLiteral(": no such file")));
    const QString empty = dir.filePath(QStringLiteral("empty.vsproj"));
    store::Store(empty, store::OpenMode::CreateNew);
    QCOMPARE(
        kindOf(request(empty)),
        std::pair(Error::Kind::Usage,
                  empty + QStringLiteral(": name both sides with --a and --b (the project lacks a model or "
                                         "a person)")));
  }

  void preferenceText() {
    PreferenceReport r;
    r.model = QStringLiteral("model");
    r.pairs = 4;
    r.picks = 1;
    DimensionPreferenceAccuracy overall;
    overall.dimension = "overall";
    overall.accuracy.withTies = {3, 2, 0, 2.0 / 3 * 100};
    overall.accuracy.withoutTies = {2, 2, 1, 100.0};
    overall.accuracy.missing = 1;
    r.accuracy.push_back(overall);
    r.positionBias.left = 2;
    r.positionBias.right = 1;
    r.positionBias.leftShare = 2.0 / 3;
    r.bestOfN.picks = 1;
    r.bestOfN.agreement = 1.0;
    r.bestOfN.chanceAgreement = 0.25;
    r.bestOfN.meanRankRegret = 0.0;
    r.bestOfN.modelPicksWorst = 0.0;
    QCOMPARE(
        preferenceReportText(r),
        QStringLiteral("\npeople's preferences: 4 pairs, 1 Best-of-N picks; model: model (integer scores)\n"
                       "model preference accuracy, overall: 66.667 with ties (2 of 3), 100.000 without ties "
                       "(2 of 2); 1 pairs without model scores\n"
                       "agreement between people: — over 0 judge pairs on 0 shared pairs, — without ties\n"
                       "position bias: left chosen in 66.7% of decided pairs shown in random order (2 left, "
                       "1 right, 0 ties)\n"
                       "Best-of-N: the model's pick is the people's best in 100.0% of 1 picks (random pick: "
                       "25.0%), mean regret 0.000 places, model picks the people's worst in 0.0%\n"));
  }
};

QTEST_GUILESS_MAIN(TestAuditReport)
#include "test_audit_report.moc"
