// The audit tab's numbers for a small project, counted by hand: confusion cells, agreement
// table, and a click on a cell selecting exactly its items.
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation_session.h"
#include "ui/audit_view.h"
#include "ui/queue_model.h"

using namespace vs;
using namespace vs::ui;

class TestAuditView : public QObject {
  Q_OBJECT
 private slots:
  void countsAndSelection() {
    const QString path = test::makeProject(qEnvironmentVariable("VS_TEST_TMP"), 1);
    store::Store store(path);
    QUndoStack undo;
    AnnotationSession session(store, QStringLiteral("dora"), undo);
    auto id = [&](const char* n) { return store.findVideoByName(QString::fromLatin1(n))->id; };
    auto score = [&](const char* n, int a, int b, int c) {
      session.setScore(id(n), Dimension::Visual, a);
      session.setScore(id(n), Dimension::T2V, b);
      session.setScore(id(n), Dimension::Phy, c);
    };
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
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("33.3"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("66.7"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("100.0"));
    QCOMPARE(table->item(2, 1)->text(), QStringLiteral("33.3"));
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("66.7"));

    QSignalSpy spy(&audit, &AuditView::videosSelected);
    heat->cellClicked(4, 1);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.front().front().value<QSet<qint64>>(), QSet<qint64>{id("v02")});
  }
};

QTEST_MAIN(TestAuditView)
#include "test_audit_view.moc"
