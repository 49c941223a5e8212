// The audit report is one self-contained file: inline SVG charts, nothing fetched from elsewhere.
#include <QTest>

#include "core/analysis/html_report.h"

using namespace vs::analysis;

class TestHtmlReport : public QObject {
  Q_OBJECT
 private slots:
  void selfContainedWithCharts() {
    std::vector<AuditRow> rows;
    for (int i = 0; i < 20; ++i) {
      rows.push_back(
          {{double(1 + i % 5), double(1 + i % 4), 3.0}, {double(1 + (i + 1) % 5), 2.0, 3.0 + (i % 2)}});
    }
    ReportInfo info;
    info.predictedSource = QStringLiteral("model:<VideoScore2>");
    info.referenceSource = QStringLiteral("alice");
    const QString html = auditHtmlReport(auditScores(rows), info);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QCOMPARE(html.count(QStringLiteral("<svg ")), 6);  // confusion matrix + histogram per dimension
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("src=")));
    QVERIFY(!html.contains(QStringLiteral("<link")));
    QCOMPARE(html.count(QStringLiteral("http")), html.count(QStringLiteral("http://www.w3.org/2000/svg")));
    QVERIFY(html.contains(QStringLiteral("model:&lt;VideoScore2&gt;")));  // escaped
    QVERIFY(html.contains(QStringLiteral("Whole-item accuracy")));
    QVERIFY(!html.contains(QStringLiteral("Mean total score per generator")));
    info.generators = generatorMeans(rows, std::vector<std::string>(rows.size(), "gen <a>"));
    const QString withGenerators = auditHtmlReport(auditScores(rows), info);
    QCOMPARE(withGenerators.count(QStringLiteral("<svg ")), 7);
    QVERIFY(withGenerators.contains(QStringLiteral("gen &lt;a&gt; (20)")));
  }
};

QTEST_GUILESS_MAIN(TestHtmlReport)
#include "test_html_report.moc"
