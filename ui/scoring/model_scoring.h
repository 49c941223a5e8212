#pragma once
// The window's model scoring: one ScoringController per open project (made on the first run),
// the settings turned into job settings (the demo model's short budget included), and the tiny
// demo model written by `vscore demo-model` on demand without blocking the window.
#include <QObject>
#include <memory>

namespace vs::store {
class Store;
}
namespace vs::library {
class VideoLocator;
}

namespace vs::ui {

class JobsDock;
class ScoringController;

class ModelScoring : public QObject {
  Q_OBJECT
 public:
  enum class Budget { Settings, Demo };  // Demo: short outputs from the tiny random model

  // `jobs` shows the jobs; it outlives this.
  explicit ModelScoring(JobsDock& jobs, QObject* parent = nullptr);
  ~ModelScoring() override;

  // Queues the unscored items of `store` with the model in `modelDir`; the first call after
  // stop() makes the controller for this store (both must outlive it, until stop()).
  void start(store::Store& store, const library::VideoLocator& locator, const QString& modelDir,
             Budget budget);
  // Writes the demo model when it is not there yet, then asks for it with demoModelReady();
  // emits it at once when it is there.
  void prepareDemoModel();
  // Ends scoring for the current project (before its store goes).
  void stop();

  // Null until start().
  ScoringController* controller() const { return controller_.get(); }
  // True while the demo model is being written or jobs are queued or running.
  bool isBusy() const;

  static QString demoModelFolder();

 signals:
  void demoModelReady(const QString& modelDir);
  void resultStored(qint64 videoId);
  void message(const QString& text, int timeoutMs);

 private:
  JobsDock& jobs_;
  std::unique_ptr<ScoringController> controller_;
  bool preparingModel_ = false;
};

}  // namespace vs::ui
