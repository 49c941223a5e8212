#include "ui/project/project_task.h"

#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <climits>
#include <memory>

#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::ui {

TaskOutcome runProjectTask(QWidget* parent, const QString& label, const QString& projectPath,
                           const ProjectWork& work) {
  std::atomic<bool> cancel{false};
  std::atomic<qint64> done{0};
  std::atomic<qint64> total{0};
  TaskOutcome outcome;
  std::unique_ptr<QThread> thread(QThread::create([&] {
    // A cancel that came before the work began: nothing to undo.
    if (cancel.load()) {
      outcome.end = TaskEnd::Cancelled;
      return;
    }
    try {
      store::Store store(projectPath, store::OpenMode::OpenExisting);
      const bool finished = work(store, [&](qint64 d, qint64 t) {
        done = d;
        total = t;
        return !cancel.load();
      });
      outcome.end = finished ? TaskEnd::Done : TaskEnd::Cancelled;
    } catch (const Error& e) {
      outcome = {TaskEnd::Failed, e.full()};
    } catch (const std::exception& e) {
      outcome = {TaskEnd::Failed, QString::fromLocal8Bit(e.what())};
    }
  }));

  QProgressDialog dialog(label, QProgressDialog::tr("Cancel"), 0, 0, parent);
  dialog.setObjectName(QStringLiteral("projectTaskProgress"));
  dialog.setWindowTitle(label);
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setAutoClose(false);
  dialog.setAutoReset(false);
  dialog.setMinimumDuration(0);
  QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] {
    cancel = true;
    dialog.setLabelText(QProgressDialog::tr("Cancelling…"));
  });
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
    const qint64 t = total.load();
    if (t > 0 && !cancel.load()) {
      dialog.setMaximum(int(std::min<qint64>(t, INT_MAX)));
      dialog.setValue(int(std::min<qint64>(done.load(), t)));
    }
  });
  poll.start(100);

  QEventLoop loop;
  QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
  // Started from the loop, so a cancel already queued (the person's, or a test's) is seen first.
  QTimer::singleShot(0, thread.get(), [&] {
    if (dialog.wasCanceled()) {  // cancel() called without the button's canceled() signal
      cancel = true;
    }
    thread->start();
  });
  // Shown at once: only a visible window-modal dialog keeps keys away from the project meanwhile.
  dialog.show();
  loop.exec();
  thread->wait();
  return outcome;
}

}  // namespace vs::ui
