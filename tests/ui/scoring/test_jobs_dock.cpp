// The jobs dock: states, progress, the streamed reasoning of the selected job, and cancel/retry
// offered only where they apply.
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "ui/scoring/jobs_dock.h"

using namespace vs::ui;

class TestJobsDock : public QObject {
  Q_OBJECT
 private:
  static QPushButton* button(JobsDock& dock, const QString& text) {
    for (QPushButton* b : dock.findChildren<QPushButton*>()) {
      if (b->text() == text) {
        return b;
      }
    }
    return nullptr;
  }

 private slots:
  void lifecycle() {
    JobsDock dock;
    dock.addJob(7, QStringLiteral("v01"));
    dock.addJob(8, QStringLiteral("v02"));
    QCOMPARE(dock.jobCount(), 2);
    QCOMPARE(dock.activeCount(), 2);
    dock.setJobState(7, JobState::Running);
    dock.setReasoning(7, QStringLiteral("The ball"));
    dock.setReasoning(7, QStringLiteral("The ball bounces"));
    auto* stream = dock.findChild<QPlainTextEdit*>(QStringLiteral("jobReasoning"));
    QCOMPARE(stream->toPlainText(), QStringLiteral("The ball bounces"));
    QPushButton* cancel = button(dock, QStringLiteral("Cancel"));
    QPushButton* retry = button(dock, QStringLiteral("Retry"));
    QVERIFY(cancel && retry);
    QVERIFY(cancel->isEnabled());
    QVERIFY(!retry->isEnabled());
    QSignalSpy cancelled(&dock, &JobsDock::cancelRequested);
    cancel->click();
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(cancelled.front().front().toLongLong(), 7);
    dock.setJobState(7, JobState::Cancelled);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(retry->isEnabled());
    QSignalSpy retried(&dock, &JobsDock::retryRequested);
    retry->click();
    QCOMPARE(retried.size(), 1);
    QCOMPARE(dock.activeCount(), 1);  // job 8 still queued
    dock.setJobState(8, JobState::Done);
    QCOMPARE(dock.activeCount(), 0);
    QCOMPARE(dock.findChild<QTableWidget*>(QStringLiteral("jobsTable"))->item(1, 1)->text(),
             QStringLiteral("done"));
  }
};

QTEST_MAIN(TestJobsDock)
#include "test_jobs_dock.moc"
