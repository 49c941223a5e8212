// MainWindow's File menu and drop target: what to open or create, adding videos, import,
// export and relink. The questions are ProjectDialogs', the work ProjectExchange's; the window
// shows how it ended and reloads what changed.
#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStatusBar>
#include <QUrl>

#include "core/domain/error.h"
#include "core/library/relink.h"
#include "core/store/store.h"
#include "ui/dialogs/add_videos_dialog.h"
#include "ui/dialogs/exchange_dialogs.h"
#include "ui/dialogs/refused_edits_dialog.h"
#include "ui/project/offline_edits.h"
#include "ui/queue/queue_model.h"
#include "ui/window/action_registry.h"
#include "core/store/edit_journal.h"
#include "ui/window/main_window.h"
#include "ui/project/project_dialogs.h"
#include "ui/project/project_exchange.h"
#include "ui/window/report_box.h"
#include "ui/annotation/score_panel.h"

namespace vs::ui {

void MainWindow::openTeamDialog() {
  const QString uri = ProjectDialogs::askTeamProjectUri(this);
  if (!uri.isEmpty()) {
    openProject(uri);
  }
}

void MainWindow::openDialog() {
  const QString path = ProjectDialogs::askProjectToOpen(this);
  if (!path.isEmpty()) {
    openProject(path);
  }
}

bool MainWindow::newProject(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (QFileInfo::exists(absolute)) {
    // Replacing would throw away someone's scores: a new project never overwrites a file.
    report(tr("New project"),
           tr("%1 already exists; choose another name.").arg(QDir::toNativeSeparators(absolute)));
    return false;
  }
  try {
    store::Store created(absolute, store::OpenMode::CreateNew);
  } catch (const Error& e) {
    report(tr("New project"), e.full());
    return false;
  }
  return openProject(absolute, BusyPolicy::ReadOnly);
}

void MainWindow::newProjectDialog() {
  const QString path = ProjectDialogs::askNewProjectPath(this);
  if (!path.isEmpty() && newProject(path)) {
    statusBar()->showMessage(
        tr("New project: add your videos with File › Add videos… or by dropping them here."), 10000);
  }
}

AddVideosDialog* MainWindow::showAddVideos(const QStringList& paths) {
  if (!store_ || readOnly_) {
    statusBar()->showMessage(
        store_ ? tr("The project is read-only here.") : tr("Open or create a project first."), 8000);
    return nullptr;
  }
  auto* dialog = new AddVideosDialog(paths, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { addPlannedVideos(dialog->plan()); });
  dialog->open();
  return dialog;
}

bool MainWindow::addPlannedVideos(const library::IntakePlan& plan) {
  if (!store_ || readOnly_) {
    return false;
  }
  return showOutcome(ProjectExchange::addVideos(this, store_->path(), plan));
}

bool MainWindow::runImport(const ImportRequest& request) {
  if (!store_ || readOnly_) {
    return false;
  }
  return showOutcome(ProjectExchange::importItems(this, store_->path(), request));
}

bool MainWindow::runExport(const ExportRequest& request) {
  if (!store_) {
    return false;
  }
  scorePanel_->flushPendingText();
  return showOutcome(ProjectExchange::exportItems(this, store_->path(), request));
}

std::optional<library::RelinkResult> MainWindow::relinkTo(const QStringList& folders) {
  if (!store_ || readOnly_) {
    return std::nullopt;
  }
  library::RelinkResult result;
  if (!showOutcome(ProjectExchange::relink(this, store_->path(), folders, result))) {
    return std::nullopt;
  }
  return result;
}

bool MainWindow::showOutcome(const ExchangeOutcome& outcome) {
  if (outcome.end == ExchangeOutcome::End::Failed) {
    report(outcome.title, outcome.message, outcome.details);
    return false;
  }
  if (outcome.done() && outcome.contentChanged) {
    projectContentChanged();
  }
  if (!outcome.message.isEmpty()) {
    statusBar()->showMessage(outcome.message, outcome.messageMs);
  }
  return outcome.done();
}

void MainWindow::importDialog() {
  if (!store_ || readOnly_) {
    statusBar()->showMessage(
        store_ ? tr("The project is read-only here.") : tr("Open or create a project first."), 8000);
    return;
  }
  ImportDialog dialog(this);
  if (dialog.exec() == QDialog::Accepted) {
    runImport(dialog.request());
  }
}

void MainWindow::exportDialog() {
  if (!store_) {
    statusBar()->showMessage(tr("Open a project first."), 8000);
    return;
  }
  ExportDialog dialog(store_->annotators(), this);
  if (dialog.exec() == QDialog::Accepted) {
    runExport(dialog.request());
  }
}

void MainWindow::relinkDialog() {
  if (!store_ || readOnly_) {
    statusBar()->showMessage(
        store_ ? tr("The project is read-only here.") : tr("Open or create a project first."), 8000);
    return;
  }
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with the missing videos"),
                                                        QFileInfo(store_->path()).absolutePath());
  if (dir.isEmpty()) {
    return;
  }
  if (const std::optional<library::RelinkResult> r = relinkTo({dir})) {
    const ExchangeOutcome shown = ProjectExchange::relinkReport(*r);
    report(shown.title, shown.message, shown.details);
  }
}

void MainWindow::updateRefusedEditsAction() {
  // Read from the journal file once for both.
  const QVector<store::EditJournal::Refused> refused =
      offline_ ? offline_->journal().refused() : QVector<store::EditJournal::Refused>();
  if (QAction* a = registry_->action(QStringLiteral("file.refusedEdits")))
    a->setEnabled(!refused.isEmpty());
  if (refusedDialog_)
    refusedDialog_->setEntries(refused);
}

void MainWindow::refusedEditsDialog() {
  const QVector<store::EditJournal::Refused> refused =
      offline_ ? offline_->journal().refused() : QVector<store::EditJournal::Refused>();
  if (refused.isEmpty()) {
    statusBar()->showMessage(tr("The server has refused none of your edits."), 8000);
    return;
  }
  // Names from what this window knows: the server may be away.
  const auto videoName = [this](qint64 id) {
    const QueueVideo* v = queueModel_->video(id);
    return v ? v->video.name : QString();
  };
  const auto promptText = [this](qint64 id) {
    for (const QueuePrompt& p : queueModel_->prompts()) {
      if (p.id == id)
        return p.text;
    }
    return QString();
  };
  refusedDialog_ = new RefusedEditsDialog(refused, videoName, promptText, this);
  refusedDialog_->setAttribute(Qt::WA_DeleteOnClose);
  refusedDialog_->open();
}

void MainWindow::report(const QString& title, const QString& text, const QString& details) {
  showReport(this, title, text, details);
}

namespace {

QStringList localPaths(const QMimeData* mime) {
  QStringList paths;
  if (mime == nullptr || !mime->hasUrls()) {
    return paths;
  }
  for (const QUrl& url : mime->urls()) {
    if (url.isLocalFile()) {
      paths << url.toLocalFile();
    }
  }
  return paths;
}

}  // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QStringList paths = localPaths(event->mimeData());
  const bool project = paths.size() == 1 && QFileInfo(paths[0]).suffix() == QLatin1String("vsproj");
  if (project || (store_ && !readOnly_ && !paths.isEmpty())) {
    event->acceptProposedAction();
  }
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QStringList paths = localPaths(event->mimeData());
  if (paths.isEmpty()) {
    return;
  }
  event->acceptProposedAction();
  // A dropped project file opens it; anything else is videos to add.
  if (paths.size() == 1 && QFileInfo(paths[0]).suffix() == QLatin1String("vsproj")) {
    openProject(paths[0]);
    return;
  }
  showAddVideos(paths);
}

}  // namespace vs::ui
