#pragma once
// The jobs dock: scoring jobs with live progress, the reasoning as it streams, cancel and
// retry, and the worker's status (device, model, memory). A view: ScoringController feeds it.
#include <QHash>
#include <QWidget>

class QTableWidget;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vs::ui {

enum class JobState { Queued, Running, Done, Failed, Cancelled };
enum class DemoModel { No, Yes };

class JobsDock : public QWidget {
  Q_OBJECT
 public:
  explicit JobsDock(QWidget* parent = nullptr);

  void addJob(qint64 jobId, const QString& title);
  void setJobState(qint64 jobId, JobState state, const QString& message = {});
  void setProgress(qint64 jobId, double fraction, const QString& stage);
  void setReasoning(qint64 jobId, const QString& fullText);  // the text so far
  QString reasoning(qint64 jobId) const { return reasoning_.value(jobId); }
  void setWorkerStatus(const QString& text);
  // The jobs run the demo's random-weight model: say so above their results.
  void setDemoModel(DemoModel demo);
  bool showsDemoNotice() const;
  int jobCount() const;
  int activeCount() const;  // queued or running
  JobState state(qint64 jobId) const { return states_.value(jobId, JobState::Queued); }

 signals:
  void cancelRequested(qint64 jobId);
  void retryRequested(qint64 jobId);

 private:
  int rowOf(qint64 jobId) const;
  qint64 selectedJob() const;
  void refreshButtons();
  QTableWidget* table_ = nullptr;
  QLabel* worker_ = nullptr;
  QLabel* demoNotice_ = nullptr;
  QPlainTextEdit* stream_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* retry_ = nullptr;
  QHash<qint64, JobState> states_;
  QHash<qint64, QString> reasoning_;
};

QString jobStateText(JobState s);

}  // namespace vs::ui
