#pragma once
// The jobs dock: scoring jobs with live progress, the reasoning as it streams, cancel and
// retry, which engine served each job (the local worker or a server, with the runs that failed
// before), and the worker's status (device, model, memory). A view: ScoringController feeds it.
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
  // The engine now running the job ("local" or a server's URL); appended to its history.
  void setServedBy(qint64 jobId, const QString& server);
  // A run on `server` (empty: the job's current one) failed.
  void addFailedAttempt(qint64 jobId, const QString& server, const QString& message);
  // The job's engines in order, e.g. "http://a:8000 ✗ → http://b:8000".
  QString servedBy(qint64 jobId) const;
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
  struct Run {
    QString server;
    QString failure;  // empty: running or the run that ended the job
  };
  QHash<qint64, QList<Run>> runs_;
  void refreshServedBy(qint64 jobId);
};

QString jobStateText(JobState s);

}  // namespace vs::ui
