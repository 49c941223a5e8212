// MainWindow's layout: the centre tabs (Judge, Audit, Prefer) and the docks around them (queue
// left, scores right, jobs and history below).
#include <QDockWidget>
#include <QTabWidget>
#include <QUndoView>

#include "ui/audit/audit_view.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/window/main_window.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_view.h"
#include "ui/queue/queue_panel.h"
#include "ui/annotation/score_panel.h"

namespace vs::ui {

void MainWindow::createTabs() {
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("centreTabs"));
  tabs_->setDocumentMode(true);
  player_ = new PlayerGrid(tabs_);
  player_->setObjectName(QStringLiteral("playerGrid"));
  player_->setAccessibleName(tr("Video player"));
  tabs_->addTab(player_, tr("Judge"));
  audit_ = new AuditView(*queueModel_, tabs_);
  tabs_->addTab(audit_, tr("Audit"));
  preference_ = new PreferenceView(*locator_, *queueModel_, tabs_);
  tabs_->addTab(preference_, tr("Prefer"));
  setCentralWidget(tabs_);
}

void MainWindow::createDocks() {
  setDockNestingEnabled(true);
  queuePanel_ = new QueuePanel(*queueModel_, *queueFilter_, this);
  auto* queueDock = new QDockWidget(tr("Queue"), this);
  queueDock->setObjectName(QStringLiteral("queueDock"));
  queueDock->setWidget(queuePanel_);
  addDockWidget(Qt::LeftDockWidgetArea, queueDock);

  scorePanel_ = new ScorePanel(this);
  auto* scoreDock = new QDockWidget(tr("Scores"), this);
  scoreDock->setObjectName(QStringLiteral("scoreDock"));
  scoreDock->setWidget(scorePanel_);
  addDockWidget(Qt::RightDockWidgetArea, scoreDock);

  jobs_ = new JobsDock(this);
  auto* jobsDock = new QDockWidget(tr("Jobs"), this);
  jobsDock->setObjectName(QStringLiteral("jobsDockWidget"));
  jobsDock->setWidget(jobs_);
  addDockWidget(Qt::BottomDockWidgetArea, jobsDock);

  history_ = new QUndoView(undo_, this);
  history_->setObjectName(QStringLiteral("historyView"));
  history_->setAccessibleName(tr("Edit history"));
  history_->setEmptyLabel(tr("<opened>"));
  auto* historyDock = new QDockWidget(tr("History"), this);
  historyDock->setObjectName(QStringLiteral("historyDock"));
  historyDock->setWidget(history_);
  addDockWidget(Qt::BottomDockWidgetArea, historyDock);
  tabifyDockWidget(jobsDock, historyDock);
  jobsDock->raise();
  resizeDocks({queueDock, scoreDock}, {330, 420}, Qt::Horizontal);
  resizeDocks({jobsDock}, {170}, Qt::Vertical);
}

}  // namespace vs::ui
