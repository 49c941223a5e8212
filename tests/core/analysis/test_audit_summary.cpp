// The numbers the audit tab and the HTML report show, from analysis::summarizeAudit, against
// values worked by hand for four rows (one dropped for a null prediction). Soft scores map to
// integers as get_acc_corr.py vs2_float does: round half to even, clamp 1..5.
#include <QTest>
#include <cmath>

#include "core/analysis/audit_summary.h"
#include "core/analysis/html_report.h"

using namespace vs::analysis;

namespace {

// reference (v, t, p), predicted (v, t, p); generators a, b, a, a.
//   r0: 4 4 3 | 3.8 4.1 2.5 -> integers 4 4 2 (2.5 half to even)
//   r1: 5 2 4 | 2.2 1.9 4.5 -> 2 2 4 (4.5 half to even)
//   r2: 1 1 1 | null 2 2    -> dropped
//   r3: 4 3 1 | 4.9 3.2 3.6 -> 5 3 4
std::vector<AuditRow> rows() {
  return {{{4, 4, 3}, {3.8, 4.1, 2.5}},
          {{5, 2, 4}, {2.2, 1.9, 4.5}},
          {{1, 1, 1}, {std::nullopt, 2.0, 2.0}},
          {{4, 3, 1}, {4.9, 3.2, 3.6}}};
}

const std::vector<std::string> kGenerators{"a", "b", "a", "a"};

}  // namespace

class TestAuditSummary : public QObject {
  Q_OBJECT
 private slots:
  void countsAndCells() {
    const AuditSummary s = summarizeAudit(rows(), kGenerators);
    QCOMPARE(s.audit.n, int64_t{3});
    QCOMPARE(s.audit.dropped, int64_t{1});
    QVERIFY(s.audit.scale == ScoreScale::Soft);
    QCOMPARE(s.cells.size(), size_t{4});
    QVERIFY(!s.cells[2]);
    // Cells (reference, predicted) by dimension.
    const int expected[4][3][2] = {
        {{4, 4}, {4, 4}, {3, 2}}, {{5, 2}, {2, 2}, {4, 4}}, {}, {{4, 5}, {3, 3}, {1, 4}}};
    for (size_t r : {0u, 1u, 3u}) {
      QVERIFY(s.cells[r]);
      for (size_t d = 0; d < 3; ++d) {
        QCOMPARE((*s.cells[r])[d].reference, expected[r][d][0]);
        QCOMPARE((*s.cells[r])[d].predicted, expected[r][d][1]);
      }
    }
    // Visual confusion: (4, 4), (5, 2), (4, 5), nothing else.
    const ConfusionMatrix& visual = s.audit.dimensions[0].confusion;
    QCOMPARE(visual.total(), int64_t{3});
    QCOMPARE(visual.at(4, 4), int64_t{1});
    QCOMPARE(visual.at(5, 2), int64_t{1});
    QCOMPARE(visual.at(4, 5), int64_t{1});
    // Every cell a row is listed in holds that row in the matrix.
    for (size_t d = 0; d < 3; ++d) {
      int64_t listed = 0;
      for (const auto& c : s.cells) {
        if (c) {
          QVERIFY(s.audit.dimensions[d].confusion.at((*c)[d].reference, (*c)[d].predicted) >= 1);
          ++listed;
        }
      }
      QCOMPARE(listed, s.audit.dimensions[d].confusion.total());
    }
    // Visual histograms: people 4 4 5, model 4 2 5.
    const ScoreHistogram& people = s.audit.dimensions[0].referenceHistogram;
    const ScoreHistogram& model = s.audit.dimensions[0].predictedHistogram;
    QCOMPARE(people.lowest, 1);
    QCOMPARE(people.counts, (std::vector<int64_t>{0, 0, 0, 2, 1}));
    QCOMPARE(model.counts, (std::vector<int64_t>{0, 1, 0, 1, 1}));
    // Phy histograms: people 3 4 1, model 2 4 4.
    QCOMPARE(s.audit.dimensions[2].referenceHistogram.counts, (std::vector<int64_t>{1, 0, 1, 1, 0}));
    QCOMPARE(s.audit.dimensions[2].predictedHistogram.counts, (std::vector<int64_t>{0, 1, 0, 2, 0}));
  }

  void agreement() {
    const AuditSummary s = summarizeAudit(rows(), kGenerators);
    // Visual exact 1 of 3, within one 2 of 3 (|5 - 2| = 3 misses); T2V all exact; Phy exact 1
    // (4 == 4), within one 2 (|4 - 1| misses).
    QCOMPARE(*s.audit.dimensions[0][Metric::Accuracy].value, 33.333);
    QCOMPARE(*s.audit.dimensions[0][Metric::RelaxedAccuracy].value, 66.667);
    QCOMPARE(*s.audit.dimensions[1][Metric::Accuracy].value, 100.0);
    QCOMPARE(*s.audit.dimensions[2][Metric::Accuracy].value, 33.333);
    QCOMPARE(*s.audit.dimensions[2][Metric::RelaxedAccuracy].value, 66.667);
    // Visual Spearman: ranks of 3.8 2.2 4.9 are 2 1 3, of 4 5 4 are 1.5 3 1.5; Pearson of the
    // ranks = -1.5 / sqrt(2 * 1.5) = -0.8660254 -> -86.603.
    QCOMPARE(*s.audit.dimensions[0][Metric::Srcc].value, -86.603);
  }

  void generatorMeansOfAuditedRows() {
    const AuditSummary s = summarizeAudit(rows(), kGenerators);
    QCOMPARE(s.generators.size(), size_t{2});
    const GeneratorMeans& a = s.generators[0];
    QCOMPARE(a.generator, std::string("a"));
    QCOMPARE(a.videos, int64_t{2});  // r2 is dropped
    // a: r0 and r3. People (4 + 4) / 2, (4 + 3) / 2, (3 + 1) / 2; model (3.8 + 4.9) / 2,
    // (4.1 + 3.2) / 2, (2.5 + 3.6) / 2.
    QCOMPARE(*a.reference[0], 4.0);
    QCOMPARE(*a.reference[1], 3.5);
    QCOMPARE(*a.reference[2], 2.0);
    QVERIFY(std::fabs(*a.predicted[0] - 4.35) < 1e-12);
    QVERIFY(std::fabs(*a.predicted[1] - 3.65) < 1e-12);
    QVERIFY(std::fabs(*a.predicted[2] - 3.05) < 1e-12);
    QCOMPARE(*a.referenceTotal, 9.5);
    QVERIFY(std::fabs(*a.predictedTotal - 11.05) < 1e-12);
    const GeneratorMeans& b = s.generators[1];
    QCOMPARE(b.videos, int64_t{1});
    QCOMPARE(*b.reference[0], 5.0);
    QCOMPARE(*b.referenceTotal, 11.0);
    QVERIFY(std::fabs(*b.predictedTotal - 8.6) < 1e-12);
    QVERIFY(std::fabs(*b.predicted[2] - 4.5) < 1e-12);
  }

  void noGeneratorsNamed() {
    QVERIFY(summarizeAudit(rows(), {"", "", "", ""}).generators.empty());
    QVERIFY(summarizeAudit(rows(), {}).generators.empty());
  }

  // The report of a summary charts the summary's generators.
  void reportShowsSummaryGenerators() {
    const AuditSummary s = summarizeAudit(rows(), kGenerators);
    ReportInfo info;
    const QString html = auditHtmlReport(s, info);
    QVERIFY(html.contains(QStringLiteral("<h2>Generators</h2>")));
    QVERIFY(html.contains(QStringLiteral(">11.050<")));  // a, model total
    QVERIFY(html.contains(QStringLiteral(">9.500<")));   // a, people total
    QVERIFY(html.contains(QStringLiteral(">8.600<")));   // b, model total
    QCOMPARE(html, [&] {
      ReportInfo withGenerators;
      withGenerators.generators = s.generators;
      return auditHtmlReport(s.audit, withGenerators);
    }());
  }
};

QTEST_GUILESS_MAIN(TestAuditSummary)
#include "test_audit_summary.moc"
