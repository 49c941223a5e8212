#include "ui/scoring/jobs_dock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/annotation/model_view.h"

namespace vs::ui {

QString jobStateText(JobState s) {
  switch (s) {
    case JobState::Queued:
      return JobsDock::tr("queued");
    case JobState::Running:
      return JobsDock::tr("running");
    case JobState::Done:
      return JobsDock::tr("done");
    case JobState::Failed:
      return JobsDock::tr("failed");
    case JobState::Cancelled:
      return JobsDock::tr("cancelled");
  }
  return {};
}

JobsDock::JobsDock(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("jobsDock"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* top = new QHBoxLayout;
  worker_ = new QLabel(tr("Worker: not started"), this);
  worker_->setObjectName(QStringLiteral("workerStatus"));
  top->addWidget(worker_, 1);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setAccessibleName(tr("Cancel the selected job"));
  retry_ = new QPushButton(tr("Retry"), this);
  retry_->setAccessibleName(tr("Retry the selected job"));
  top->addWidget(cancel_);
  top->addWidget(retry_);
  layout->addLayout(top);
  demoNotice_ = new QLabel(demoModelNotice(), this);
  demoNotice_->setObjectName(QStringLiteral("demoModelNotice"));
  demoNotice_->setStyleSheet(QStringLiteral("QLabel { color: #b26a00; font-weight: bold; }"));
  demoNotice_->hide();
  layout->addWidget(demoNotice_);
  auto* split = new QSplitter(Qt::Horizontal, this);
  table_ = new QTableWidget(0, 4, split);
  table_->setObjectName(QStringLiteral("jobsTable"));
  table_->setAccessibleName(tr("Scoring jobs"));
  table_->setHorizontalHeaderLabels({tr("Job"), tr("State"), tr("Progress"), tr("Served by")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  stream_ = new QPlainTextEdit(split);
  stream_->setObjectName(QStringLiteral("jobReasoning"));
  stream_->setReadOnly(true);
  stream_->setAccessibleName(tr("Reasoning of the selected job"));
  stream_->setPlaceholderText(tr("The model's reasoning appears here as it is generated."));
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    stream_->setPlainText(reasoning_.value(selectedJob()));
    refreshButtons();
  });
  connect(cancel_, &QPushButton::clicked, this, [this] {
    if (const qint64 id = selectedJob()) {
      emit cancelRequested(id);
    }
  });
  connect(retry_, &QPushButton::clicked, this, [this] {
    if (const qint64 id = selectedJob()) {
      emit retryRequested(id);
    }
  });
  refreshButtons();
}

int JobsDock::rowOf(qint64 jobId) const {
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (table_->item(r, 0)->data(Qt::UserRole).toLongLong() == jobId) {
      return r;
    }
  }
  return -1;
}

qint64 JobsDock::selectedJob() const {
  const int r = table_->currentRow();
  return r >= 0 && table_->item(r, 0) ? table_->item(r, 0)->data(Qt::UserRole).toLongLong() : 0;
}

void JobsDock::refreshButtons() {
  const qint64 id = selectedJob();
  const JobState s = states_.value(id, JobState::Done);
  cancel_->setEnabled(id != 0 && (s == JobState::Queued || s == JobState::Running));
  retry_->setEnabled(id != 0 && (s == JobState::Failed || s == JobState::Cancelled));
}

void JobsDock::addJob(qint64 jobId, const QString& title) {
  int r = rowOf(jobId);
  if (r < 0) {
    r = table_->rowCount();
    table_->insertRow(r);
    auto* item = new QTableWidgetItem(title);
    item->setData(Qt::UserRole, jobId);
    table_->setItem(r, 0, item);
    table_->setItem(r, 1, new QTableWidgetItem);
    auto* bar = new QProgressBar(table_);
    bar->setRange(0, 1000);
    bar->setTextVisible(true);
    table_->setCellWidget(r, 2, bar);
    table_->setItem(r, 3, new QTableWidgetItem);
  }
  reasoning_.remove(jobId);
  runs_.remove(jobId);
  refreshServedBy(jobId);
  setJobState(jobId, JobState::Queued);
  setProgress(jobId, 0, QString());
}

void JobsDock::setJobState(qint64 jobId, JobState state, const QString& message) {
  states_.insert(jobId, state);
  const int r = rowOf(jobId);
  if (r < 0) {
    return;
  }
  table_->item(r, 1)->setText(message.isEmpty() ? jobStateText(state)
                                                : jobStateText(state) + QStringLiteral(": ") + message);
  if (state == JobState::Done) {
    setProgress(jobId, 1.0, QString());
  }
  refreshButtons();
}

void JobsDock::setProgress(qint64 jobId, double fraction, const QString& stage) {
  const int r = rowOf(jobId);
  if (r < 0) {
    return;
  }
  auto* bar = qobject_cast<QProgressBar*>(table_->cellWidget(r, 2));
  bar->setValue(static_cast<int>(qBound(0.0, fraction, 1.0) * 1000));
  bar->setFormat(stage.isEmpty() ? QStringLiteral("%p%") : stage + QStringLiteral(" %p%"));
}

void JobsDock::setReasoning(qint64 jobId, const QString& fullText) {
  reasoning_[jobId] = fullText;
  if (table_->currentRow() < 0 || states_.value(selectedJob()) != JobState::Running) {
    table_->selectRow(rowOf(jobId));  // follow the running job unless the person picked another
  }
  if (selectedJob() == jobId) {
    stream_->setPlainText(fullText);
    stream_->moveCursor(QTextCursor::End);
  }
}

void JobsDock::setServedBy(qint64 jobId, const QString& server) {
  QList<Run>& runs = runs_[jobId];
  if (runs.isEmpty() || !runs.back().failure.isEmpty() || runs.back().server != server) {
    runs.push_back(Run{server, {}});
  }
  refreshServedBy(jobId);
}

void JobsDock::addFailedAttempt(qint64 jobId, const QString& server, const QString& message) {
  QList<Run>& runs = runs_[jobId];
  if (server.isEmpty() && (runs.isEmpty() || !runs.back().failure.isEmpty())) {
    return;  // "the current run", and none is open
  }
  if (!server.isEmpty() &&
      (runs.isEmpty() || runs.back().server != server || !runs.back().failure.isEmpty())) {
    runs.push_back(Run{server, {}});
  }
  runs.back().failure = message;
  refreshServedBy(jobId);
}

QString JobsDock::servedBy(qint64 jobId) const {
  QStringList parts;
  for (const Run& run : runs_.value(jobId)) {
    parts << (run.failure.isEmpty() ? run.server : run.server + QStringLiteral(" ✗"));
  }
  return parts.join(QStringLiteral(" → "));
}

void JobsDock::refreshServedBy(qint64 jobId) {
  const int r = rowOf(jobId);
  if (r < 0) {
    return;
  }
  QStringList history;
  for (const Run& run : runs_.value(jobId)) {
    history << (run.failure.isEmpty() ? run.server : tr("%1 failed: %2").arg(run.server, run.failure));
  }
  QTableWidgetItem* item = table_->item(r, 3);
  item->setText(servedBy(jobId));
  item->setToolTip(history.join(QLatin1Char('\n')));
  item->setData(Qt::AccessibleDescriptionRole, history.join(QStringLiteral("; ")));
}

void JobsDock::setWorkerStatus(const QString& text) {
  worker_->setText(text);
}

void JobsDock::setDemoModel(DemoModel demo) {
  demoNotice_->setVisible(demo == DemoModel::Yes);
}

bool JobsDock::showsDemoNotice() const {
  return !demoNotice_->isHidden();
}

int JobsDock::jobCount() const {
  return table_->rowCount();
}

int JobsDock::activeCount() const {
  int n = 0;
  for (JobState s : states_) {
    n += (s == JobState::Queued || s == JobState::Running) ? 1 : 0;
  }
  return n;
}

}  // namespace vs::ui
