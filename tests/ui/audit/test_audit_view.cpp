// The audit tab's numbers for a small project, counted by hand: confusion cells, agreement
// table, and a click on a cell selecting exactly its items. Soft model scores are mapped to
// integers as eval/get_acc_corr.py does (vs2_float: round half to even, clamp 1..5).
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <cmath>

#include "core/analysis/audit_summary.h"
#include "core/analysis/html_report.h"
#include "core/analysis/project_sources.h"
#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"
#include "ui/audit/audit_view.h"
#include "ui/queue/queue_model.h"

using namespace vs;
using namespace vs::ui;

namespace {
// The reported value in front of its interval ("33.3 [0.0, 66.7]" -> "33.3").
QString valueOf(const QTableWidgetItem* item) {
  return item->text().section(QLatin1Char(' '), 0, 0);
}

qint64 videoId(store::Store& store, const char* name) {
  return store.findVideoByName(QString::fromLatin1(name))->id;
}

// The person's three scores for one video, one undoable edit each.
void scoreVideo(AnnotationSession& session, qint64 video, int visual, int t2v, int phy) {
  session.setScore(video, Dimension::Visual, visual);
  session.setScore(video, Dimension::T2V, t2v);
  session.setScore(video, Dimension::Phy, phy);
}
}  // namespace

class TestAuditView : public QObject {
  Q_OBJECT
 private slots:
  void countsAndSelection() {
    const QString path = test::makeProject(qEnvironmentVariable("VS_TEST_TMP"), 1);
    store::Store store(path);
    QUndoStack undo;
    AnnotationSession session(store, QStringLiteral("dora"), undo);
    auto id = [&](const char* n) { return videoId(store, n); };
    auto score = [&](const char* n, int a, int b, int c) { scoreVideo(session, videoId(store, n), a, b, c); };
    // Model integer scores (workstation_test_project.h): v01 4 4 3, v02 2 2 5, v03 5 3 4.
    score("v01", 4, 4, 3);
    score("v02", 5, 2, 4);
    score("v03", 4, 3, 1);
    QueueModel model;
    model.reload(store, session.annotatorId());
    AuditView audit(model);
    audit.refresh();
    QTableWidget* heat = audit.heatMap();
    // Visual: (person 4, model 4), (5, 2), (4, 5).
    QCOMPARE(heat->item(3, 3)->text(), QStringLiteral("1"));
    QCOMPARE(heat->item(4, 1)->text(), QStringLiteral("1"));
    QCOMPARE(heat->item(3, 4)->text(), QStringLiteral("1"));
    QCOMPARE(heat->item(0, 0)->text(), QStringLiteral("0"));
    QTableWidget* table = audit.agreementTable();
    // Visual: exact 1 of 3, within one 2 of 3. T2V: 4/4, 2/2, 3/3 -> 3 of 3. Phy: 3/3, 4/5, 1/4
    // -> exact 1, within one 2.
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("3"));
    QCOMPARE(valueOf(table->item(0, 1)), QStringLiteral("33.3"));
    QCOMPARE(valueOf(table->item(0, 2)), QStringLiteral("66.7"));
    QCOMPARE(valueOf(table->item(1, 1)), QStringLiteral("100.0"));
    QCOMPARE(valueOf(table->item(2, 1)), QStringLiteral("33.3"));
    QCOMPARE(valueOf(table->item(2, 2)), QStringLiteral("66.7"));

    QSignalSpy spy(&audit, &AuditView::videosSelected);
    heat->cellClicked(4, 1);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.front().front().value<QSet<qint64>>(), QSet<qint64>{id("v02")});
  }

  // A soft 2.5 counts as 2 and 4.5 as 4 (half to even), not as the 3 and 5 of the model's score
  // lines or of rounding half up.
  void softScoresRoundHalfToEven() {
    const QString path = test::makeProject(qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/half"), 1);
    store::Store store(path);
    {
      // v01's model result replaced: soft 2.5 / 3.5 / 4.5, score lines 3 / 4 / 5.
      Evaluation e;
      e.videoId = store.findVideoByName(QStringLiteral("v01"))->id;
      e.annotatorId = store.findAnnotator(QStringLiteral("VideoScore2-test"))->id;
      e.origin = Origin::Model;
      e.modelId = QStringLiteral("VideoScore2-test");
      e.scores[Dimension::Visual] = 2.5;
      e.scores[Dimension::T2V] = 3.5;
      e.scores[Dimension::Phy] = 4.5;
      e.thinking = test::modelOutput({{2.5, 3.5, 4.5}, {3, 4, 5}});
      store.upsertEvaluation(e);
    }
    QUndoStack undo;
    AnnotationSession session(store, QStringLiteral("dora"), undo);
    auto score = [&](const char* n, int a, int b, int c) { scoreVideo(session, videoId(store, n), a, b, c); };
    // v01: person 2 4 5, model 2.5 3.5 4.5 -> 2 4 4. v02: person 3 2 5, model 2.2 1.9 4.7 -> 2 2 5.
    score("v01", 2, 4, 5);
    score("v02", 3, 2, 5);
    QueueModel model;
    model.reload(store, session.annotatorId());
    AuditView audit(model);
    audit.refresh();
    QTableWidget* heat = audit.heatMap();
    // Visual: (person 2, model 2) for v01, (3, 2) for v02; nothing at model 3.
    QCOMPARE(heat->item(1, 1)->text(), QStringLiteral("1"));
    QCOMPARE(heat->item(2, 1)->text(), QStringLiteral("1"));
    QCOMPARE(heat->item(1, 2)->text(), QStringLiteral("0"));
    QTableWidget* table = audit.agreementTable();
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2"));
    // Visual: 2 == 2, 3 vs 2 -> exact 1 of 2, within one 2 of 2 (half up would give 0 of 2).
    QCOMPARE(valueOf(table->item(0, 1)), QStringLiteral("50.0"));
    QCOMPARE(valueOf(table->item(0, 2)), QStringLiteral("100.0"));
    // T2V: 4 == 4, 2 == 2.
    QCOMPARE(valueOf(table->item(1, 1)), QStringLiteral("100.0"));
    // Phy: 4 vs 5, 5 == 5 -> exact 1 of 2 (half up would give 2 of 2).
    QCOMPARE(valueOf(table->item(2, 1)), QStringLiteral("50.0"));
    QCOMPARE(valueOf(table->item(2, 2)), QStringLiteral("100.0"));
    // Bootstrap over two items: a resample holds v01 twice, v02 twice (each 1/4) or both, so the
    // visual exact accuracy of the 1000 seeded resamples spans 0..100 and the central 95 % too.
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("50.0 [0.0, 100.0]"));
    // T2V exact in every resample.
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("100.0 [100.0, 100.0]"));
    // Spearman on the raw visual scores: person (2, 3) against model (2.5, 2.2) -> -1.
    QCOMPARE(valueOf(table->item(0, 3)), QStringLiteral("-100.0"));

    // Hidden, a new score waits for the next show.
    score("v03", 5, 3, 4);  // model 4.9 3.2 3.6 -> 5 3 4: exact everywhere
    model.reload(store, session.annotatorId());
    audit.markStale();
    QVERIFY(audit.isStale());
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2"));
    audit.show();
    QVERIFY(!audit.isStale());
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("3"));
    // Visual: 2 of 3 exact.
    QCOMPARE(valueOf(table->item(0, 1)), QStringLiteral("66.7"));
  }
  // The tab shows the figures of the HTML report (`vscore audit --report`) for the same project:
  // the report's rows come from the store (analysis::projectAuditRows), the tab's from the queue.
  void sameFiguresAsReport() {
    const QString path =
        test::makeProject(qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/report"), 2);
    store::Store store(path);
    QUndoStack undo;
    AnnotationSession session(store, QStringLiteral("dora"), undo);
    auto score = [&](const char* n, int a, int b, int c) { scoreVideo(session, videoId(store, n), a, b, c); };
    score("v01", 4, 4, 3);
    score("v02", 5, 2, 4);
    score("v03", 4, 3, 1);
    score("v05", 2, 5, 3);
    score("v06", 1, 2, 5);
    score("v08", 3, 3, 3);
    session.setScore(videoId(store, "v07"), Dimension::Visual, 2);  // incomplete: in neither
    QueueModel model;
    model.reload(store, session.annotatorId());
    AuditView audit(model);

    const analysis::ProjectRows project = analysis::projectAuditRows(
        store, analysis::ScoreSource::parse(QStringLiteral("model:VideoScore2-test")),
        analysis::ScoreSource::parse(QStringLiteral("dora")));
    analysis::AuditOptions options;
    options.bootstrap.resamples = AuditView::kBootstrapResamples;
    const analysis::AuditSummary report = analysis::summarizeAudit(project.rows, project.generators, options);
    QCOMPARE(report.audit.n, int64_t{6});
    QCOMPARE(report.generators.size(), size_t{4});
    analysis::ReportInfo info;
    const QString html = analysis::auditHtmlReport(report, info);

    auto* dimension = audit.findChild<QComboBox*>();
    QVERIFY(dimension);
    for (int d = 0; d < 3; ++d) {
      dimension->setCurrentIndex(d);
      audit.refresh();
      const analysis::DimensionAudit& da = report.audit.dimensions[static_cast<size_t>(d)];
      for (int r = 0; r < 5; ++r) {
        for (int c = 0; c < 5; ++c) {
          QCOMPARE(audit.heatMap()->item(r, c)->text(), QString::number(da.confusion.at(r + 1, c + 1)));
        }
      }
      QTableWidget* table = audit.agreementTable();
      QCOMPARE(table->item(d, 0)->text(), QString::number(report.audit.n));
      const analysis::Metric metrics[4] = {analysis::Metric::Accuracy, analysis::Metric::RelaxedAccuracy,
                                           analysis::Metric::Srcc, analysis::Metric::Plcc};
      for (int m = 0; m < 4; ++m) {
        const analysis::MetricValue& v = da[metrics[m]];
        QVERIFY(v.value);
        QCOMPARE(valueOf(table->item(d, m + 1)), QString::number(*v.value, 'f', 1));
        // The report prints the same value to three decimals.
        QVERIFY(html.contains(QStringLiteral("<td>%1").arg(QString::number(*v.value, 'f', 3))));
      }
      // Generator chart: one category per generator of the report, each dimension's mean; the
      // report's totals are the three means summed.
      QChart* chart = audit.generatorChart()->chart();
      QCOMPARE(chart->series().size(), 1);
      auto* bars = qobject_cast<QBarSeries*>(chart->series().front());
      QVERIFY(bars);
      QCOMPARE(bars->count(), 2);
      auto* axis = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Horizontal).front());
      QVERIFY(axis);
      QCOMPARE(axis->count(), static_cast<int>(report.generators.size()));
      for (size_t g = 0; g < report.generators.size(); ++g) {
        const analysis::GeneratorMeans& means = report.generators[g];
        QCOMPARE(axis->at(static_cast<int>(g)), QString::fromStdString(means.generator));
        QCOMPARE(bars->barSets()[0]->at(static_cast<int>(g)), *means.reference[static_cast<size_t>(d)]);
        QCOMPARE(bars->barSets()[1]->at(static_cast<int>(g)), *means.predicted[static_cast<size_t>(d)]);
      }
    }
    for (const analysis::GeneratorMeans& means : report.generators) {
      QVERIFY(std::fabs(*means.referenceTotal -
                        (*means.reference[0] + *means.reference[1] + *means.reference[2])) < 1e-9);
      QVERIFY(std::fabs(*means.predictedTotal -
                        (*means.predicted[0] + *means.predicted[1] + *means.predicted[2])) < 1e-9);
    }
  }
};

QTEST_MAIN(TestAuditView)
#include "test_audit_view.moc"
