// MainWindow's commands: every action in the registry with its default key, the player's
// actions joining it, and the menus that mirror it (with Open recent and the theme choice).
#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>

#include "ui/window/action_registry.h"
#include "ui/annotation/annotation_session.h"
#include "ui/audit/audit_view.h"
#include "ui/window/cheat_sheet_overlay.h"
#include "ui/annotation/edit_commands.h"
#include "ui/window/main_window.h"
#include "ui/scoring/model_scoring.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_view.h"
#include "ui/project/project_dialogs.h"
#include "ui/queue/queue_filter_model.h"
#include "ui/queue/queue_panel.h"
#include "ui/annotation/project_rubric.h"
#include "ui/annotation/rubric_editing.h"
#include "ui/annotation/score_panel.h"
#include "ui/scoring/scoring_controller.h"
#include "ui/settings/settings_dialog.h"
#include "ui/window/theme.h"
#include "core/store/store.h"

namespace vs::ui {

void MainWindow::createActions() {
  ActionRegistry& r = *registry_;
  auto make = [this, &r](const QString& id, const QString& category, const QString& text,
                         const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setShortcutContext(Qt::WindowShortcut);
    addAction(a);
    connect(a, &QAction::triggered, this, slot);
    r.add(id, category, a, key);
    return a;
  };
  const QString scoring = tr("Scoring");
  const QString nav = tr("Navigation");
  const QString edit = tr("Editing");
  const QString view = tr("View");
  const QString file = tr("File");
  const QString player = tr("Player");
  const QString jobs = tr("Model");
  const QString prefs = tr("Preferences");

  for (int s = 1; s <= 5; ++s) {
    make(QStringLiteral("score.%1").arg(s), scoring, tr("Score %1 for the current dimension").arg(s),
         QKeySequence(Qt::Key_0 + s), [this, s] { scorePanel_->chooseForCurrent(s); });
  }
  make(QStringLiteral("score.clear"), scoring, tr("Clear the current dimension"),
       QKeySequence(Qt::Key_Delete), [this] { scorePanel_->chooseForCurrent(std::nullopt); });
  make(QStringLiteral("dim.visual"), scoring, tr("Go to visual quality"), QKeySequence(Qt::Key_V), [this] {
    scorePanel_->setCurrentDimension(Dimension::Visual);
    scorePanel_->focusCurrentDimension();
  });
  make(QStringLiteral("dim.t2v"), scoring, tr("Go to text-to-video alignment"), QKeySequence(Qt::Key_T),
       [this] {
         scorePanel_->setCurrentDimension(Dimension::T2V);
         scorePanel_->focusCurrentDimension();
       });
  make(QStringLiteral("dim.phy"), scoring, tr("Go to physical consistency"), QKeySequence(Qt::Key_P), [this] {
    scorePanel_->setCurrentDimension(Dimension::Phy);
    scorePanel_->focusCurrentDimension();
  });
  make(QStringLiteral("score.accept"), scoring, tr("Accept the model's scores"), QKeySequence(Qt::Key_A),
       [this] {
         if (session_ && current_ != 0 && scorePanel_->modelRevealed()) {
           session_->acceptModel(current_);
         }
       });
  make(QStringLiteral("edit.rationale"), edit, tr("Write the rationale of the current dimension"),
       QKeySequence(Qt::Key_E), [this] { scorePanel_->focusRationale(scorePanel_->currentDimension()); });
  make(QStringLiteral("edit.thinking"), edit, tr("Write the overall reasoning"),
       QKeySequence(Qt::SHIFT | Qt::Key_E), [this] { scorePanel_->focusThinking(); });
  make(QStringLiteral("edit.leave"), edit, tr("Leave the text field"), QKeySequence(Qt::Key_Escape), [this] {
    if (cheatSheet_->isVisible()) {
      cheatSheet_->hide();
    }
    scorePanel_->flushPendingText();
    scorePanel_->focusCurrentDimension();
  });
  // Undo/redo commit text typed just before, and bring the item they touch back on screen.
  QAction* undo = make(QStringLiteral("edit.undo"), edit, tr("Undo"), QKeySequence::Undo, [] {});
  QAction* redo = make(QStringLiteral("edit.redo"), edit, tr("Redo"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [] {});
  undo->setEnabled(false);
  redo->setEnabled(false);
  connect(undo_, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
  connect(undo_, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
  connect(undo, &QAction::triggered, this, [this] {
    scorePanel_->flushPendingText();
    const qint64 v = undo_->canUndo() ? commandVideoId(undo_->command(undo_->index() - 1)) : 0;
    undo_->undo();
    if (v != 0 && v != current_) {
      goToVideo(v);
    }
  });
  connect(redo, &QAction::triggered, this, [this] {
    scorePanel_->flushPendingText();
    const qint64 v = undo_->canRedo() ? commandVideoId(undo_->command(undo_->index())) : 0;
    undo_->redo();
    if (v != 0 && v != current_) {
      goToVideo(v);
    }
  });

  auto toggleFlag = [this](ItemFlag f) {
    if (!session_ || current_ == 0) {
      return;
    }
    ItemFlags flags = session_->flags(current_);
    flags.set(f, !flags.has(f));
    session_->setFlags(current_, flags);
  };
  make(QStringLiteral("flag.skip"), edit, tr("Flag: skip"), QKeySequence(Qt::Key_X),
       [toggleFlag] { toggleFlag(ItemFlag::Skip); });
  make(QStringLiteral("flag.broken"), edit, tr("Flag: broken video"), QKeySequence(Qt::Key_B),
       [toggleFlag] { toggleFlag(ItemFlag::BrokenVideo); });
  make(QStringLiteral("flag.review"), edit, tr("Flag: needs review"), QKeySequence(Qt::Key_R),
       [toggleFlag] { toggleFlag(ItemFlag::NeedsReview); });
  make(QStringLiteral("flag.note"), edit, tr("Write the flag note"), QKeySequence(Qt::SHIFT | Qt::Key_R),
       [this] { scorePanel_->focusNote(); });

  make(QStringLiteral("nav.nextUnscored"), nav, tr("Next unscored item"), QKeySequence(Qt::Key_N), [this] {
    if (lease_) {
      nextLeased();
      return;
    }
    const qint64 v = queueFilter_->nextUnscored(current_, 1);
    goToVideo(v != 0 ? v : current_);
  });
  make(QStringLiteral("nav.prevUnscored"), nav, tr("Previous unscored item"),
       QKeySequence(Qt::SHIFT | Qt::Key_N), [this] {
         const qint64 v = queueFilter_->nextUnscored(current_, -1);
         goToVideo(v != 0 ? v : current_);
       });
  make(QStringLiteral("nav.next"), nav, tr("Next item"), QKeySequence(Qt::Key_J),
       [this] { goToVideo(queueFilter_->nextVideo(current_, 1)); });
  make(QStringLiteral("nav.prev"), nav, tr("Previous item"), QKeySequence(Qt::Key_K),
       [this] { goToVideo(queueFilter_->nextVideo(current_, -1)); });
  make(QStringLiteral("nav.queue"), nav, tr("Go to the queue"), QKeySequence(Qt::CTRL | Qt::Key_L),
       [this] { queuePanel_->view()->setFocus(Qt::ShortcutFocusReason); });
  make(QStringLiteral("nav.search"), nav, tr("Search the queue"), QKeySequence::Find,
       [this] { queuePanel_->focusSearch(); });

  QAction* blind = make(QStringLiteral("view.blind"), view, tr("Blind mode"),
                        QKeySequence(Qt::CTRL | Qt::Key_B), [this](bool on) { setBlindMode(on); });
  blind->setCheckable(true);
  make(QStringLiteral("view.help"), view, tr("Show keyboard shortcuts"), QKeySequence(Qt::Key_Question),
       [this] { cheatSheet_->showOver(); });
  make(QStringLiteral("view.judge"), view, tr("Judge tab"), QKeySequence(Qt::CTRL | Qt::Key_1),
       [this] { tabs_->setCurrentIndex(0); });
  make(QStringLiteral("view.audit"), view, tr("Audit tab"), QKeySequence(Qt::CTRL | Qt::Key_2), [this] {
    audit_->refresh();
    tabs_->setCurrentIndex(1);
  });
  QAction* preferenceMode =
      make(QStringLiteral("view.preference"), prefs, tr("Preference mode"),
           QKeySequence(Qt::CTRL | Qt::Key_3), [this](bool on) { setPreferenceMode(on); });
  preferenceMode->setCheckable(true);
  preference_->createActions(r, this, prefs);

  make(QStringLiteral("file.new"), file, tr("New project…"), QKeySequence::New,
       [this] { newProjectDialog(); });
  make(QStringLiteral("file.open"), file, tr("Open project…"), QKeySequence::Open, [this] { openDialog(); });
  make(QStringLiteral("file.openTeam"), file, tr("Open team project…"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { openTeamDialog(); });
  make(QStringLiteral("file.addVideos"), file, tr("Add videos…"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { showAddVideos({}); });
  make(QStringLiteral("file.import"), file, tr("Import…"), QKeySequence(Qt::CTRL | Qt::Key_I),
       [this] { importDialog(); });
  make(QStringLiteral("file.export"), file, tr("Export…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
       [this] { exportDialog(); });
  make(QStringLiteral("file.relink"), file, tr("Relink missing videos…"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] { relinkDialog(); });
  make(QStringLiteral("file.refusedEdits"), file, tr("Edits the server refused…"), QKeySequence(), [this] {
    refusedEditsDialog();
  })->setEnabled(false);
  make(QStringLiteral("file.settings"), file, tr("Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
       [this] {
         SettingsDialog dialog(*registry_, store_.get(), this);
         dialog.exec();
       });
  make(QStringLiteral("file.rubric"), file, tr("Edit the project rubric…"), QKeySequence(), [this] {
    if (const auto rubric =
            store_ ? editProjectRubric(this, *store_, projectPath(), readOnly_) : std::nullopt)
      scorePanel_->setRubric(*rubric);
  });
  make(QStringLiteral("model.scoreAll"), jobs, tr("Score unscored items with the model"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
       [this] { startScoring(ScoringSettings::load().modelDir); });
  make(QStringLiteral("model.scoreItem"), jobs, tr("Score this item with the model again"),
       QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
         if (!scoring_->controller() || !scoring_->controller()->isActive()) {
           startScoring(ScoringSettings::load().modelDir);
         }
         if (scoring_->controller() && current_ != 0) {
           scoring_->controller()->scoreVideo(current_, 1);
         }
       });
  make(QStringLiteral("file.quit"), file, tr("Quit"), QKeySequence::Quit, [this] { close(); });

  // The player's own actions join the registry so they can be remapped and listed; a few
  // defaults move where they would collide with the scoring keys (digit 1, Tab).
  for (QAction* a : player_->playerActions()) {
    QKeySequence key = a->shortcut();
    if (a == player_->action(PlayerAction::ZoomOneToOne)) {
      key = QKeySequence(Qt::SHIFT | Qt::Key_Z);
    } else if (a == player_->action(PlayerAction::AbToggle)) {
      key = QKeySequence(Qt::Key_C);
    } else if (a == player_->action(PlayerAction::NextClip)) {
      key = QKeySequence(Qt::ALT | Qt::Key_N);  // N is "next unscored item"; a clash blocks every remapping
    }
    const QString id = QStringLiteral("player.") + (a->objectName().isEmpty() ? a->text() : a->objectName());
    r.add(id, player, a, key);
  }
  // Playback keys work from anywhere but text fields (the typing guard keeps those).
  for (PlayerAction p : {PlayerAction::PlayPause, PlayerAction::SpeedDown, PlayerAction::SpeedUp,
                         PlayerAction::Loop, PlayerAction::SetIn, PlayerAction::SetOut}) {
    if (QAction* a = player_->action(p)) {
      a->setShortcutContext(Qt::WindowShortcut);
      addAction(a);
    }
  }

  // Menus mirror the registry.
  QMap<QString, QMenu*> menus;
  for (const QString& c : {file, edit, scoring, nav, view, prefs, jobs, player}) {
    menus.insert(c, menuBar()->addMenu(c));
  }
  for (const QString& id : r.ids()) {
    if (QMenu* m = menus.value(r.category(id))) {
      m->addAction(r.action(id));
    }
  }
  // Open recent lists files, not commands, so it sits in the File menu beside Open, outside the registry.
  recentMenu_ = new QMenu(tr("Open &recent"), this);
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  connect(recentMenu_, &QMenu::aboutToShow, this, [this] {
    ProjectDialogs::fillRecentMenu(recentMenu_, [this](const QString& p) { openProject(p); });
  });
  const QList<QAction*> fileActions = menus.value(file)->actions();
  const int afterOpen = int(fileActions.indexOf(r.action(QStringLiteral("file.open")))) + 1;
  menus.value(file)->insertMenu(afterOpen < fileActions.size() ? fileActions[afterOpen] : nullptr,
                                recentMenu_);
  QMenu* themeMenu = menus.value(view)->addMenu(tr("Theme"));
  auto* group = new QActionGroup(themeMenu);
  const Theme current = themeFromName(QSettings().value(QStringLiteral("ui/theme")).toString());
  for (auto [t, label] : {std::pair{Theme::System, tr("Follow the system")},
                          std::pair{Theme::Light, tr("Light")}, std::pair{Theme::Dark, tr("Dark")}}) {
    QAction* a = themeMenu->addAction(label);
    a->setCheckable(true);
    a->setChecked(t == current);
    group->addAction(a);
    connect(a, &QAction::triggered, this, [t] {
      QSettings().setValue(QStringLiteral("ui/theme"), themeName(t));
      applyTheme(t);
    });
  }
}

}  // namespace vs::ui
