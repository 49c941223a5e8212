#include "ui/scoring/model_scoring.h"

#include <QFileInfo>
#include <QProcess>

#include "core/cli/sibling_program.h"
#include "core/domain/error.h"
#include "ui/project/demo_project.h"
#include "ui/scoring/job_settings.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/scoring_controller.h"
#include "ui/settings/settings_dialog.h"

namespace vs::ui {

ModelScoring::ModelScoring(JobsDock& jobs, QObject* parent) : QObject(parent), jobs_(jobs) {}

ModelScoring::~ModelScoring() = default;

QString ModelScoring::demoModelFolder() {
  return DemoProject::defaultFolder() + QStringLiteral("/model");
}

void ModelScoring::start(store::Store& store, const library::VideoLocator& locator, const QString& modelDir,
                         Budget budget) {
  if (!controller_) {
    controller_ = std::make_unique<ScoringController>(store, locator, jobs_);
    connect(controller_.get(), &ScoringController::resultStored, this, &ModelScoring::resultStored);
  }
  const ScoringSettings s = ScoringSettings::load();
  scoring::ScoreSettings settings;
  try {
    settings = jobSettings(s, &store);
  } catch (const Error& e) {
    emit message(tr("Prompt template: %1").arg(QString::fromStdString(e.what())), 8000);
    return;
  }
  if (budget == Budget::Demo) {
    // The demo model is tiny and random: its reasoning is noise, so keep it short; the
    // constrained score block still yields parsed scores.
    settings.maxNewTokens = 96;
    settings.format = scoring::ScoreFormat::Constrained;
  }
  // The demo model always runs here; other scoring goes where Settings › Scoring says.
  const bool servers = budget != Budget::Demo && s.engine == ScoringEngine::Servers;
  controller_->configure(modelDir, s.device, settings, servers ? s.servers : QList<ScoringServer>{});
  const int n = controller_->scoreUnscored();
  emit message(tr("%n item(s) queued for the model.", nullptr, n), 5000);
}

void ModelScoring::prepareDemoModel() {
  const QString modelDir = demoModelFolder();
  if (QFileInfo::exists(modelDir + QStringLiteral("/config.json"))) {
    emit demoModelReady(modelDir);
    return;
  }
  // The tiny demo model is written by `vscore demo-model`, without blocking the window.
  auto* process = new QProcess(this);
  preparingModel_ = true;
  jobs_.setWorkerStatus(tr("Worker: writing the demo model…"));
  connect(
      process, &QProcess::finished, this, [this, process, modelDir](int code, QProcess::ExitStatus status) {
        preparingModel_ = false;
        process->deleteLater();
        if (status != QProcess::NormalExit || code != 0) {
          jobs_.setWorkerStatus(tr("Worker: cannot write the demo model: %1")
                                    .arg(QString::fromLocal8Bit(process->readAllStandardError()).trimmed()));
          return;
        }
        emit demoModelReady(modelDir);
      });
  connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart) {
      preparingModel_ = false;
      jobs_.setWorkerStatus(tr("Worker: cannot run vscore to write the demo model"));
      process->deleteLater();
    }
  });
  process->start(cli::siblingProgram(QStringLiteral("vscore")),
                 {QStringLiteral("demo-model"), QStringLiteral("--out"), modelDir});
}

void ModelScoring::stop() {
  controller_.reset();
}

bool ModelScoring::isBusy() const {
  return preparingModel_ || (controller_ && controller_->isActive());
}

}  // namespace vs::ui
