// MainWindow's preference mode: the Prefer tab judges the current prompt's candidates against
// each other while the scoring keys rest, the Scores dock steps aside and the queue hides the
// generators; the queue and the comparison follow each other's prompt.
#include <QAction>
#include <QDockWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "ui/window/action_registry.h"
#include "ui/audit/audit_view.h"
#include "ui/window/main_window.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_session.h"
#include "ui/preference/preference_view.h"
#include "ui/queue/queue_model.h"
#include "ui/annotation/score_panel.h"

namespace vs::ui {

void MainWindow::connectPreferenceMode() {
  connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
    if ((tabs_->widget(index) == preference_) != preference_->isActive()) {
      setPreferenceMode(tabs_->widget(index) == preference_);
    }
  });
  connect(preference_, &PreferenceView::promptShown, this, [this](qint64 videoId) {
    if (const QueuePrompt* p = queueModel_->promptOf(current_);
        !p || !queueModel_->promptOf(videoId) || p->id != queueModel_->promptOf(videoId)->id) {
      goToVideo(videoId);
    }
  });
  // An item chosen in the queue while comparing brings its prompt's candidates.
  connect(this, &MainWindow::itemShown, this, [this](qint64 videoId) {
    const QueuePrompt* prompt = queueModel_->promptOf(videoId);
    if (preference_->isActive() && prompt && preference_->session() &&
        prompt->id != preference_->session()->promptId()) {
      preference_->enter(prompt->id);
    }
  });
  connect(preference_, &PreferenceView::preferencesChanged, audit_, &AuditView::markStale);
  connect(preference_, &PreferenceView::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(registry_.get(), &ActionRegistry::shortcutsChanged, this,
          [this] { preference_->copyPlayerShortcuts(*player_); });
}

bool MainWindow::preferenceMode() const {
  return preference_->isActive();
}

void MainWindow::setPreferenceMode(bool on) {
  if (QAction* a = registry_->action(QStringLiteral("view.preference"))) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  // Keys that would edit the current item's scores, or move the hidden player, rest meanwhile;
  // the preference view's player takes the player's keys.
  const QStringList resting{QStringLiteral("score."),        QStringLiteral("dim."),
                            QStringLiteral("flag."),         QStringLiteral("edit.rationale"),
                            QStringLiteral("edit.thinking"), QStringLiteral("nav.next"),
                            QStringLiteral("nav.prev"),      QStringLiteral("player.")};
  for (const QString& id : registry_->ids()) {
    for (const QString& prefix : resting) {
      if (id.startsWith(prefix)) {
        registry_->action(id)->setEnabled(!on);
      }
    }
  }
  // The Scores dock would show the current item's name, generator and model scores beside the
  // blind comparison; it steps aside, as do the generator names in the queue.
  if (auto* scores = findChild<QDockWidget*>(QStringLiteral("scoreDock"))) {
    if (on && !scoreDockHiddenByMode_ && scores->isVisible()) {
      scores->hide();
      scoreDockHiddenByMode_ = true;
    } else if (!on && scoreDockHiddenByMode_) {
      scores->show();
      scoreDockHiddenByMode_ = false;
    }
  }
  queueModel_->setHideGenerators(on || blind_);
  if (on) {
    scorePanel_->flushPendingText();
    player_->pause();
    preference_->copyPlayerShortcuts(*player_);
    const QueuePrompt* prompt = current_ ? queueModel_->promptOf(current_) : nullptr;
    preference_->enter(prompt ? prompt->id : 0);
    if (tabs_->currentWidget() != preference_) {
      tabs_->setCurrentWidget(preference_);
    }
  } else {
    preference_->leave();
    if (tabs_->currentWidget() == preference_) {
      tabs_->setCurrentWidget(player_);
    }
  }
}

}  // namespace vs::ui
