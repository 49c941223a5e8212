// core/analysis/agreement_report.cpp: agreement of three annotator files against
// tests/data/analysis/expected_agreement.json (made by make_fixtures.py with cal_iaa.py's rules),
// the inputs it refuses, and the text table (header written out by hand).
#include <QtTest>

#include "core/analysis/agreement_report.h"
#include "core/domain/error.h"
#include "fixture.h"

using namespace vs;
using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestAgreementReport : public QObject {
  Q_OBJECT
 private slots:
  void threeFiles() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_agreement.json")).object();
    const QStringList files{fixturePath(QStringLiteral("annotator_1.json")),
                            fixturePath(QStringLiteral("annotator_2.json")),
                            fixturePath(QStringLiteral("annotator_3.json"))};
    const AgreementReport r = agreementReport(files, std::nullopt, BootstrapOptions{0});
    const QJsonObject result = expected.value(QStringLiteral("result")).toObject();
    QCOMPARE(r.n, result.value(QStringLiteral("n")).toInteger());
    const QStringList lines = agreementText(r).split(QLatin1Char('\n'));
    QCOMPARE(lines[2], QStringLiteral("dimension   agreement     spcc  alpha_ord  alpha_int  mean_qwk"));
    const QJsonObject visual = result.value(QStringLiteral("visual")).toObject();
    QCOMPARE(
        lines[3],
        QStringLiteral("visual").leftJustified(10) +
            QString::number(visual.value(QStringLiteral("agreement_ratio")).toDouble(), 'f', 4)
                .rightJustified(11) +
            QString::number(visual.value(QStringLiteral("spcc")).toDouble(), 'f', 4).rightJustified(9) +
            QString::number(visual.value(QStringLiteral("alpha_ordinal")).toDouble(), 'f', 4)
                .rightJustified(11) +
            QString::number(visual.value(QStringLiteral("alpha_interval")).toDouble(), 'f', 4)
                .rightJustified(11) +
            QString::number(visual.value(QStringLiteral("mean_qwk")).toDouble(), 'f', 4).rightJustified(10));
    QCOMPARE(agreementJson(r).value(QStringLiteral("n")).toInteger(), r.n);
  }

  void refusedInputs() {
    auto message = [](const QStringList& inputs, const std::optional<QStringList>& names) {
      try {
        agreementReport(inputs, names, BootstrapOptions{0});
      } catch (const Error& e) {
        return e.kind() == Error::Kind::Usage ? e.full() : QStringLiteral("wrong kind");
      }
      return QStringLiteral("no error");
    };
    const QString a = fixturePath(QStringLiteral("annotator_1.json")),
                  b = fixturePath(QStringLiteral("annotator_2.json"));
    QCOMPARE(message({a, b}, QStringList{QStringLiteral("x")}),
             QStringLiteral("--annotators applies to projects only"));
    QVERIFY(message({a}, std::nullopt).startsWith(QStringLiteral("usage: vscore agreement")));
    QVERIFY(message({}, std::nullopt).startsWith(QStringLiteral("usage: vscore agreement")));
  }
};

QTEST_GUILESS_MAIN(TestAgreementReport)
#include "test_agreement_report.moc"
