#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QUrlQuery>
#include <QUrl>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>

#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/item_writer.h"
#include "core/library/relink.h"
#include "core/library/video_intake.h"
#include "core/library/video_locator.h"
#include "core/store/change_watcher.h"
#include "core/store/store.h"
#include "ui/action_registry.h"
#include "ui/add_videos_dialog.h"
#include "ui/annotation_session.h"
#include "ui/audit_view.h"
#include "ui/preference/preference_audit_panel.h"
#include "ui/job_settings.h"
#include "ui/cheat_sheet_overlay.h"
#include "ui/edit_commands.h"
#include "ui/exchange_dialogs.h"
#include "ui/jobs_dock.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_view.h"
#include "ui/project_lock.h"
#include "ui/project_task.h"
#include "ui/queue_filter_model.h"
#include "ui/queue_model.h"
#include "ui/queue_panel.h"
#include "ui/recent_projects.h"
#include "ui/rubric.h"
#include "ui/rubric_dialog.h"
#include "ui/scoring_controller.h"
#include "ui/demo_project.h"
#include "ui/score_panel.h"
#include "ui/settings_dialog.h"
#include "ui/team_lease.h"
#include "ui/offline_edits.h"
#include "ui/theme.h"

namespace vs::ui {

namespace {

QString positionKey(const QString& projectPath) {
  const QString key =
      store::isDatabaseProject(projectPath) ? projectPath : QFileInfo(projectPath).absoluteFilePath();
  const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
  return QStringLiteral("projects/%1/lastVideo").arg(QString::fromLatin1(hash.toHex().left(16)));
}

// What a project is called in the title and the recent list: the file's name, or a team
// project's database and server.
QString projectDisplayName(const QString& project) {
  if (!store::isDatabaseProject(project))
    return QFileInfo(project).fileName();
  const QUrl url(project);
  const QString database = url.path().mid(1);
  const QString host =
      url.host().isEmpty() ? QUrlQuery(url).queryItemValue(QStringLiteral("host")) : url.host();
  return QStringLiteral("%1 @ %2").arg(database.isEmpty() ? project : database,
                                       host.isEmpty() ? QStringLiteral("localhost") : host);
}

QString defaultAnnotator() {
  QString name = qEnvironmentVariable("USER");
  return name.isEmpty() ? QStringLiteral("annotator") : name;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      registry_(std::make_unique<ActionRegistry>()),
      locator_(std::make_unique<library::VideoLocator>(QString(), QStringList())) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/org.videoscore.Studio.svg")));
  undo_ = new QUndoStack(this);
  queueModel_ = new QueueModel(this);
  queueFilter_ = new QueueFilterModel(this);
  queueFilter_->setSourceModel(queueModel_);
  queueModel_->setLocator(locator_.get());

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

  createDocks();
  createActions();
  cheatSheet_ = new CheatSheetOverlay(*registry_, this);

  statusItem_ = new QLabel(this);
  statusBar()->addPermanentWidget(statusItem_);

  connect(queuePanel_, &QueuePanel::videoActivated, this, &MainWindow::goToVideo);
  connect(scorePanel_, &ScorePanel::scoreChosen, this, [this](qint64 v, Dimension d, std::optional<int> s) {
    if (session_) {
      session_->setScore(v, d, s);
    }
  });
  connect(scorePanel_, &ScorePanel::acceptModelRequested, this, [this](qint64 v) {
    if (session_) {
      session_->acceptModel(v);
    }
  });
  connect(scorePanel_, &ScorePanel::textEdited, this, [this](qint64 v, EvaluationField f, const QString& t) {
    if (session_) {
      session_->setText(v, f, t);
    }
  });
  connect(scorePanel_, &ScorePanel::flagsEdited, this, [this](qint64 v, const ItemFlags& f) {
    if (session_) {
      session_->setFlags(v, f);
    }
  });
  connect(scorePanel_, &ScorePanel::revealChanged, this, [this] { updateBlindForItem(); });
  connect(audit_, &AuditView::videosSelected, this,
          [this](const QSet<qint64>& ids, const QString& description) {
            queueFilter_->setVideoSet(ids);
            queuePanel_->showVideoSetNotice(description);
            const qint64 first = queueFilter_->nextVideo(0, 1);
            if (first != 0) {
              goToVideo(first);
            }
          });
  QSettings settings;
  applyTheme(themeFromName(settings.value(QStringLiteral("ui/theme")).toString()));
  registry_->load(settings);
  resize(1500, 920);
  restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("ui/state")).toByteArray());
  setBlindMode(settings.value(QStringLiteral("ui/blind"), false).toBool());
  setAcceptDrops(true);
  connect(player_, &PlayerGrid::relinkRequested, this, [this] { relinkDialog(); });
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
  updateTitle();
}

MainWindow::~MainWindow() {
  recordTime();
  scoring_.reset();
  lease_.reset();
  session_.reset();
  offline_.reset();
  store_.reset();
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
  make(QStringLiteral("file.settings"), file, tr("Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
       [this] {
         SettingsDialog dialog(*registry_, store_.get(), this);
         dialog.exec();
       });
  make(QStringLiteral("file.rubric"), file, tr("Edit the project rubric…"), QKeySequence(), [this] {
    if (!store_) {
      return;
    }
    RubricDialog dialog(Rubric::forProject(projectPath()), this);
    if (dialog.exec() == QDialog::Accepted) {
      const Rubric rubric = dialog.rubric();
      if (!readOnly_ && !rubric.saveForProject(projectPath())) {
        statusBar()->showMessage(tr("Cannot write %1").arg(Rubric::sidecarPath(projectPath())), 10000);
      }
      scorePanel_->setRubric(rubric);
    }
  });
  make(QStringLiteral("model.scoreAll"), jobs, tr("Score unscored items with the model"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
       [this] { startScoring(ScoringSettings::load().modelDir); });
  make(QStringLiteral("model.scoreItem"), jobs, tr("Score this item with the model again"),
       QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
         if (!scoring_ || !scoring_->isActive()) {
           startScoring(ScoringSettings::load().modelDir);
         }
         if (scoring_ && current_ != 0) {
           scoring_->scoreVideo(current_, 1);
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
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
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

bool MainWindow::openProject(const QString& path, BusyPolicy busy) {
  recordTime();
  scorePanel_->flushPendingText();
  // A team project (a postgresql:// URI) is open in many windows at once: no lock file.
  const bool team = store::isDatabaseProject(path);
  const QString absolute = team ? path : QFileInfo(path).absoluteFilePath();
  auto lock = team ? nullptr : std::make_unique<ProjectLock>(absolute);
  bool readOnly = false;
  if (lock && !lock->tryAcquire()) {
    const LockOwner o = lock->owner();
    if (busy == BusyPolicy::Ask) {
      const auto answer = QMessageBox::question(
          this, tr("Project already open"),
          tr("%1 is open in another window (process %2 on %3).\n\nOpen it read-only here?")
              .arg(QFileInfo(absolute).fileName())
              .arg(o.pid)
              .arg(o.host),
          QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
      if (answer != QMessageBox::Open) {
        return false;
      }
    }
    readOnly = true;
    statusBar()->showMessage(
        tr("Read-only: the project is open in process %1 on %2.").arg(o.pid).arg(o.host));
  }
  std::unique_ptr<store::Store> store;
  try {
    store = std::make_unique<store::Store>(absolute, store::OpenMode::OpenExisting);
  } catch (const Error& e) {
    if (busy == BusyPolicy::Ask) {
      QMessageBox::warning(this, tr("Cannot open project"), e.full());
    } else {
      statusBar()->showMessage(e.full());
    }
    return false;
  }
  undo_->clear();
  scoring_.reset();
  lease_.reset();
  session_.reset();
  offline_.reset();
  // Nothing may keep the old store past this point.
  preference_->setProject(nullptr, 0, nullptr, false, QString());
  audit_->preferencePanel()->setStore(nullptr);
  store_ = std::move(store);
  *locator_ = library::VideoLocator::forStore(*store_);
  lock_ = std::move(lock);
  readOnly_ = readOnly;
  watchTeam();
  QSettings settings;
  const QString annotator = settings.value(QStringLiteral("annotator/name"), defaultAnnotator()).toString();
  try {
    session_ = std::make_unique<AnnotationSession>(*store_, annotator, *undo_);
  } catch (const Error& e) {
    statusBar()->showMessage(e.full());
    return false;
  }
  if (team && !readOnly_) {
    // Several people judge one database project: "next unscored" hands videos out by lease.
    lease_ = std::make_unique<TeamLease>(*store_, annotator,
                                         settings.value(QStringLiteral("team/leaseSeconds"), 900).toInt());
    connect(lease_.get(), &TeamLease::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
  }
  if (!readOnly_ &&
      (offline_ = OfflineEdits::attach(*store_, annotator, *session_, watcher_.get(), statusBar())))
    connect(offline_.get(), &OfflineEdits::allSent, this, &MainWindow::reloadQueue);
  session_->setReadOnly(readOnly_);
  scorePanel_->setReadOnly(readOnly_);
  connect(session_.get(), &AnnotationSession::evaluationChanged, this, &MainWindow::refreshVideo);
  connect(session_.get(), &AnnotationSession::editFailed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Not saved: %1").arg(message), 10000);
  });
  scorePanel_->setRubric(Rubric::forProject(absolute));
  const bool comparing = preference_->isActive();
  preference_->setProject(store_.get(), session_->annotatorId(), undo_, readOnly_, absolute);
  audit_->preferencePanel()->setStore(store_.get());
  settings.setValue(QStringLiteral("session/lastProject"), absolute);
  RecentProjects::add(settings, absolute);
  current_ = 0;
  reloadQueue();
  const qint64 last = settings.value(positionKey(absolute)).toLongLong();
  qint64 start = queueModel_->video(last) ? last : queueFilter_->nextUnscored(0, 1);
  if (start == 0) {
    start = queueFilter_->nextVideo(0, 1);
  }
  goToVideo(start);
  if (comparing) {
    setPreferenceMode(true);
  }
  updateTitle();
  return true;
}

void MainWindow::nextLeased() {
  qint64 video = 0;
  try {
    video = lease_->next();
  } catch (const Error& e) {
    statusBar()->showMessage(tr("No video leased: %1").arg(e.full()), 10000);
    return;
  }
  if (video == 0) {
    statusBar()->showMessage(tr("Nothing left to judge for you on this project."), 8000);
    return;
  }
  if (!queueModel_->video(video)) {
    reloadQueue();  // added by someone else since the last reload
  }
  goToVideo(video);
}

QString MainWindow::projectPath() const {
  return store_ ? store_->path() : QString();
}

void MainWindow::reloadQueue() {
  if (!store_ || !session_) {
    return;
  }
  queueModel_->reload(*store_, session_->annotatorId());
  if (offline_)
    offline_->refreshKept(*queueModel_, *session_);  // edits still waiting on this computer
  queuePanel_->refreshChoices();
  QList<QPair<qint64, QString>> people;
  for (const Annotator& a : store_->annotators()) {
    people.append({a.id, a.name});
  }
  queuePanel_->setAnnotators(people);
  if (current_ != 0) {
    queuePanel_->selectVideo(current_);
    showCurrent();
  }
  audit_->refresh();
}

void MainWindow::refreshVideo(qint64 videoId) {
  if (!store_) {
    return;
  }
  if (!offline_ || !session_ || !offline_->refreshKept(*queueModel_, *session_, videoId))
    queueModel_->refreshVideo(*store_, videoId);
  if (videoId == current_) {
    showCurrent();
  }
}

void MainWindow::goToVideo(qint64 videoId) {
  if (!store_ || videoId == 0) {
    return;
  }
  if (videoId == current_) {
    queuePanel_->selectVideo(videoId);
    return;
  }
  scorePanel_->flushPendingText();
  recordTime();
  const QueuePrompt* oldPrompt = current_ ? queueModel_->promptOf(current_) : nullptr;
  current_ = videoId;
  itemClock_.start();
  queuePanel_->selectVideo(videoId);
  const QueuePrompt* prompt = queueModel_->promptOf(videoId);
  if (prompt && prompt != oldPrompt) {
    showClipsOf(*prompt);
  }
  if (prompt) {
    for (int i = 0; i < prompt->videos.size(); ++i) {
      if (prompt->videos[i].video.id == videoId) {
        player_->setFocusedClip(i);
      }
    }
  }
  showCurrent();
  rememberPosition();
  if (lease_) {
    lease_->shown(videoId);
  }
  emit itemShown(videoId);
}

void MainWindow::showClipsOf(const QueuePrompt& prompt) {
  QVector<PlayerClip> clips;
  for (const QueueVideo& v : prompt.videos) {
    PlayerClip clip;
    clip.path = locator_->find(v.video);
    clip.missing = clip.path.isEmpty();
    clip.generator = v.video.generator;
    clip.label = v.video.name;
    clips.append(clip);
  }
  player_->setClips(clips);
}

void MainWindow::showCurrent() {
  const QueueVideo* v = queueModel_->video(current_);
  const QueuePrompt* p = queueModel_->promptOf(current_);
  if (!v || !p) {
    scorePanel_->showItem({});
    return;
  }
  ScorePanelData data;
  data.videoId = current_;
  data.prompt = p->text;
  data.videoName = v->video.name;
  data.generator = v->video.generator;
  data.mine = v->mine;
  data.model = v->model;
  data.flags = v->flags;
  data.timeSpentMs = (v->mine ? v->mine->timeSpentMs : 0) +
                     (session_ ? session_->pendingTimeMs(current_) : 0) +
                     (itemClock_.isValid() ? itemClock_.elapsed() : 0);
  scorePanel_->showItem(data);
  updateBlindForItem();
  statusItem_->setText(tr("%1 of %2 scored").arg(queueModel_->scoredCount()).arg(queueModel_->videoCount()));
}

void MainWindow::updateBlindForItem() {
  const bool hide = blind_ && !scorePanel_->modelRevealed();
  player_->setBlindMode(hide ? BlindMode::On : BlindMode::Off);
  queueModel_->setHideGenerators(blind_ || preference_->isActive());
}

void MainWindow::setBlindMode(bool on) {
  blind_ = on;
  QSettings().setValue(QStringLiteral("ui/blind"), on);
  if (QAction* a = registry_->action(QStringLiteral("view.blind"))) {
    const QSignalBlocker block(a);
    a->setChecked(on);
  }
  scorePanel_->setBlind(on ? BlindSetting::On : BlindSetting::Off);
  updateBlindForItem();
  updateTitle();
}

void MainWindow::startScoring(const QString& modelDir, ScoringBudget budget) {
  if (!store_ || readOnly_) {
    return;
  }
  if (!scoring_) {
    scoring_ = std::make_unique<ScoringController>(*store_, *locator_, *jobs_);
    connect(scoring_.get(), &ScoringController::resultStored, this, [this](qint64 videoId) {
      refreshVideo(videoId);
      audit_->markStale();
    });
  }
  const ScoringSettings s = ScoringSettings::load();
  scoring::ScoreSettings settings;
  try {
    settings = jobSettings(s, store_.get());
  } catch (const Error& e) {
    statusBar()->showMessage(tr("Prompt template: %1").arg(QString::fromStdString(e.what())), 8000);
    return;
  }
  if (budget == ScoringBudget::Demo) {
    // The demo model is tiny and random: its reasoning is noise, so keep it short; the
    // constrained score block still yields parsed scores.
    settings.maxNewTokens = 96;
    settings.format = scoring::ScoreFormat::Constrained;
  }
  // The demo model always runs here; other scoring goes where Settings › Scoring says.
  const bool servers = budget != ScoringBudget::Demo && s.engine == ScoringEngine::Servers;
  scoring_->configure(modelDir, s.device, settings, servers ? s.servers : QList<ScoringServer>{});
  const int n = scoring_->scoreUnscored();
  statusBar()->showMessage(tr("%n item(s) queued for the model.", nullptr, n), 5000);
}

void MainWindow::startDemoScoring() {
  const QString modelDir = DemoProject::defaultFolder() + QStringLiteral("/model");
  if (QFileInfo::exists(modelDir + QStringLiteral("/config.json"))) {
    startScoring(modelDir, ScoringBudget::Demo);
    return;
  }
  // The tiny demo model is written by `vscore demo-model`, without blocking the window.
  auto* process = new QProcess(this);
  preparingModel_ = true;
  jobs_->setWorkerStatus(tr("Worker: writing the demo model…"));
  connect(
      process, &QProcess::finished, this, [this, process, modelDir](int code, QProcess::ExitStatus status) {
        preparingModel_ = false;
        process->deleteLater();
        if (status != QProcess::NormalExit || code != 0) {
          jobs_->setWorkerStatus(tr("Worker: cannot write the demo model: %1")
                                     .arg(QString::fromLocal8Bit(process->readAllStandardError()).trimmed()));
          return;
        }
        startScoring(modelDir, ScoringBudget::Demo);
      });
  connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
    if (e == QProcess::FailedToStart) {
      preparingModel_ = false;
      jobs_->setWorkerStatus(tr("Worker: cannot run vscore to write the demo model"));
      process->deleteLater();
    }
  });
  process->start(ScoringController::siblingProgram(QStringLiteral("vscore")),
                 {QStringLiteral("demo-model"), QStringLiteral("--out"), modelDir});
}

bool MainWindow::isScoringBusy() const {
  return preparingModel_ || (scoring_ && scoring_->isActive());
}

bool MainWindow::blindMode() const {
  return blind_;
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

void MainWindow::recordTime() {
  if (session_ && current_ != 0 && itemClock_.isValid()) {
    session_->addTimeSpent(current_, itemClock_.restart());
  }
}

void MainWindow::rememberPosition() {
  if (!store_ || current_ == 0) {
    return;
  }
  QSettings settings;
  settings.setValue(positionKey(store_->path()), current_);
  settings.sync();  // a kill right after must still find this item
}

void MainWindow::updateTitle() {
  QString title = tr("VideoScore Studio");
  if (store_) {
    title = projectDisplayName(store_->path()) + QStringLiteral(" — ") + title;
  }
  if (readOnly_) {
    title += QStringLiteral(" ") + tr("[read-only]");
  }
  if (blind_) {
    title += QStringLiteral(" ") + tr("[blind]");
  }
  setWindowTitle(title);
}

void MainWindow::watchTeam() {
  watcher_ = store::ChangeWatcher::create(store_->path(), store_->sessionId());
  if (!watcher_) {
    return;
  }
  if (!teamRefresh_) {
    teamRefresh_ = new QTimer(this);
    teamRefresh_->setSingleShot(true);
    teamRefresh_->setInterval(300);
    connect(teamRefresh_, &QTimer::timeout, this, [this] {
      if (!store_)
        return;
      scorePanel_->flushPendingText();  // what is being typed is saved before the reload
      try {
        reloadQueue();
      } catch (const Error& e) {  // the server went away meanwhile: the reconnect reloads again
        statusBar()->showMessage(tr("Not refreshed: %1").arg(e.full()), 8000);
      }
    });
  }
  connect(watcher_.get(), &store::ChangeWatcher::changed, teamRefresh_, qOverload<>(&QTimer::start));
  connect(watcher_.get(), &store::ChangeWatcher::online, this, [this](bool online) {
    if (online) {
      statusBar()->showMessage(tr("Connected to the team project again; showing everyone's latest work."),
                               8000);
      teamRefresh_->start();
    } else {
      statusBar()->showMessage(tr("Offline: the team project's server cannot be reached (retrying)."));
    }
  });
}

void MainWindow::openTeamDialog() {
  QSettings settings;
  bool ok = false;
  const QString uri =
      QInputDialog::getText(
          this, tr("Open team project"),
          tr("PostgreSQL URI of the project, e.g. postgresql://ana@db.lab.example/videos\n"
             "(passwords come from PGPASSWORD, ~/.pgpass or a service file, never from here):"),
          QLineEdit::Normal, settings.value(QStringLiteral("session/lastTeamUri")).toString(), &ok)
          .trimmed();
  if (!ok || uri.isEmpty()) {
    return;
  }
  if (!store::isDatabaseProject(uri)) {
    report(tr("Open team project"), tr("%1 is not a postgresql:// URI.").arg(uri));
    return;
  }
  settings.setValue(QStringLiteral("session/lastTeamUri"), uri);
  openProject(uri);
}

void MainWindow::openDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                    tr("VideoScore projects (*.vsproj);;All files (*)"));
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
  QString path = QFileDialog::getSaveFileName(this, tr("New project"), QStringLiteral("project.vsproj"),
                                              tr("VideoScore projects (*.vsproj)"), nullptr,
                                              QFileDialog::DontConfirmOverwrite);
  if (path.isEmpty()) {
    return;
  }
  if (QFileInfo(path).suffix().isEmpty()) {
    path += QStringLiteral(".vsproj");
  }
  if (newProject(path)) {
    statusBar()->showMessage(
        tr("New project: add your videos with File › Add videos… or by dropping them here."), 10000);
  }
}

void MainWindow::fillRecentMenu() {
  recentMenu_->clear();
  QSettings settings;
  const QStringList recent = RecentProjects::load(settings);
  int n = 0;
  for (const QString& p : recent) {
    ++n;
    const QString text =
        n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(projectDisplayName(p)) : projectDisplayName(p);
    QAction* a = recentMenu_->addAction(text);
    a->setToolTip(QDir::toNativeSeparators(p));
    a->setStatusTip(QDir::toNativeSeparators(p));
    connect(a, &QAction::triggered, this, [this, p] { openProject(p); });
  }
  if (recent.isEmpty()) {
    recentMenu_->addAction(tr("(none)"))->setEnabled(false);
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
  library::IntakeResult result;
  const TaskOutcome outcome =
      runProjectTask(this, tr("Reading %n video(s)…", nullptr, int(plan.entries.size())), store_->path(),
                     [&](store::Store& store, const library::Progress& progress) {
                       result = library::addVideos(store, plan, progress);
                       return !result.cancelled;
                     });
  if (outcome.end == TaskEnd::Failed) {
    report(tr("Add videos"), tr("Nothing was added: %1").arg(outcome.error));
    return false;
  }
  if (outcome.end == TaskEnd::Cancelled) {
    statusBar()->showMessage(tr("Adding videos cancelled; nothing was added."), 8000);
    return false;
  }
  if (!result.problems.isEmpty()) {
    QStringList lines;
    for (const library::IntakeProblem& p : result.problems) {
      lines << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(p.file), p.reason);
    }
    report(tr("Add videos"), tr("Nothing was added: %n file(s) cannot be used.", nullptr, int(lines.size())),
           lines.join(QLatin1Char('\n')));
    return false;
  }
  projectContentChanged();
  statusBar()->showMessage(tr("%1 video(s) added, %2 updated.").arg(result.added).arg(result.updated), 8000);
  return true;
}

bool MainWindow::runImport(const ImportRequest& request) {
  if (!store_ || readOnly_) {
    return false;
  }
  store::ImportResult imported;
  library::RelinkResult linked;
  // Stops the store's import from its item source: the exception rolls its transaction back.
  struct Cancelled {};
  const TaskOutcome outcome = runProjectTask(
      this, tr("Importing %1…").arg(QFileInfo(request.file).fileName()), store_->path(),
      [&](store::Store& store, const library::Progress& progress) {
        interop::Format format = interop::Format::Vf2Json;
        if (request.format) {
          format = *request.format;
        } else {
          QFile f(request.file);
          const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
          const auto detected = interop::detectFormat(request.file, head);
          if (!detected) {
            throw Error(Error::Kind::InvalidData, request.file, tr("not a recognised format (choose one)"));
          }
          format = *detected;
        }
        const std::vector<FeedbackItem> items = interop::readItems(request.file, format);
        store::ImportOptions options;
        const bool predictions = format == interop::Format::Predictions;
        options.annotator = !request.annotator.isEmpty()
                                ? request.annotator
                                : (predictions ? QStringLiteral("gt") : QStringLiteral("default"));
        if (predictions) {
          options.modelAnnotator =
              request.modelAnnotator.isEmpty() ? QStringLiteral("VideoScore2") : request.modelAnnotator;
        }
        options.source = QFileInfo(request.file).absoluteFilePath();
        options.format = interop::formatName(format);
        const qint64 total = qint64(items.size());
        size_t next = 0;
        try {
          imported = store.importItems(
              [&]() -> const FeedbackItem* {
                if ((next & 255) == 0 && !progress(qint64(next), total)) {
                  throw Cancelled{};
                }
                return next < items.size() ? &items[next++] : nullptr;
              },
              options);
        } catch (const Cancelled&) {
          return false;
        }
        if (!request.videosFolder.isEmpty()) {
          // The import is committed by now; a cancel here only leaves the files unlinked.
          linked = library::relink(store, {request.videosFolder}, progress);
        }
        return true;
      });
  if (outcome.end == TaskEnd::Failed) {
    report(tr("Import"), tr("Nothing was imported: %1").arg(outcome.error));
    return false;
  }
  if (outcome.end == TaskEnd::Cancelled) {
    statusBar()->showMessage(tr("Import cancelled; nothing was imported."), 8000);
    return false;
  }
  projectContentChanged();
  QString text = tr("%1 items imported (%2 evaluations new, %3 updated, %4 new videos).")
                     .arg(imported.items)
                     .arg(imported.evaluationsCreated)
                     .arg(imported.evaluationsUpdated)
                     .arg(imported.videosCreated);
  if (!request.videosFolder.isEmpty()) {
    text += QLatin1Char(' ') + (linked.cancelled ? tr("Finding the videos was cancelled.")
                                                 : tr("Videos: %1 found, %2 missing.")
                                                       .arg(linked.found.size() + linked.alreadyLinked)
                                                       .arg(linked.missing.size()));
  }
  statusBar()->showMessage(text, 10000);
  return true;
}

bool MainWindow::runExport(const ExportRequest& request) {
  if (!store_) {
    return false;
  }
  scorePanel_->flushPendingText();
  qint64 count = 0;
  struct Cancelled {};
  const TaskOutcome outcome =
      runProjectTask(this, tr("Exporting to %1…").arg(QFileInfo(request.file).fileName()), store_->path(),
                     [&](store::Store& store, const library::Progress& progress) {
                       // Written to a temporary file that replaces the target only on commit(): a cancel
                       // leaves any earlier file of that name as it was.
                       const auto writer = interop::openWriter(request.file, request.format, request.options);
                       const qint64 total = store.stats().evaluations;
                       try {
                         store.exportItems(request.filter, [&](const FeedbackItem& item) {
                           writer->write(item);
                           if ((++count & 255) == 0 && !progress(count, total)) {
                             throw Cancelled{};
                           }
                         });
                       } catch (const Cancelled&) {
                         return false;
                       }
                       writer->commit();
                       return true;
                     });
  if (outcome.end == TaskEnd::Failed) {
    report(tr("Export"), tr("Not exported: %1").arg(outcome.error));
    return false;
  }
  if (outcome.end == TaskEnd::Cancelled) {
    statusBar()->showMessage(tr("Export cancelled; no file written."), 8000);
    return false;
  }
  statusBar()->showMessage(
      tr("Exported %1 items to %2 (%3).")
          .arg(count)
          .arg(QDir::toNativeSeparators(request.file), interop::formatName(request.format)),
      10000);
  return true;
}

std::optional<library::RelinkResult> MainWindow::relinkTo(const QStringList& folders) {
  if (!store_ || readOnly_) {
    return std::nullopt;
  }
  library::RelinkResult result;
  const TaskOutcome outcome = runProjectTask(this, tr("Looking for the missing videos…"), store_->path(),
                                             [&](store::Store& store, const library::Progress& progress) {
                                               result = library::relink(store, folders, progress);
                                               return !result.cancelled;
                                             });
  if (outcome.end == TaskEnd::Failed) {
    report(tr("Relink missing videos"), outcome.error);
    return std::nullopt;
  }
  if (outcome.end == TaskEnd::Cancelled) {
    statusBar()->showMessage(tr("Relink cancelled; nothing changed."), 8000);
    return std::nullopt;
  }
  projectContentChanged();
  return result;
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
  const std::optional<library::RelinkResult> r = relinkTo({dir});
  if (!r) {
    return;
  }
  QStringList details;
  for (const QString& n : r->found) {
    details << (r->changed.contains(n) ? tr("changed: %1").arg(n) : tr("found: %1").arg(n));
  }
  for (const QString& n : r->missing) {
    details << tr("missing: %1").arg(n);
  }
  report(tr("Relink missing videos"),
         tr("%1 found (%2 changed since they were added), %3 still missing, %4 already in place.")
             .arg(r->found.size())
             .arg(r->changed.size())
             .arg(r->missing.size())
             .arg(r->alreadyLinked),
         details.join(QLatin1Char('\n')));
}

void MainWindow::projectContentChanged() {
  if (!store_) {
    return;
  }
  *locator_ = library::VideoLocator::forStore(*store_);
  reloadQueue();
  if (current_ == 0 || !queueModel_->video(current_)) {
    current_ = 0;
    qint64 start = queueFilter_->nextUnscored(0, 1);
    goToVideo(start != 0 ? start : queueFilter_->nextVideo(0, 1));
    return;
  }
  if (const QueuePrompt* prompt = queueModel_->promptOf(current_)) {
    const int focused = player_->focusedClip();
    showClipsOf(*prompt);
    player_->setFocusedClip(focused);
  }
}

void MainWindow::report(const QString& title, const QString& text, const QString& details) {
  auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("reportBox"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  if (!details.isEmpty()) {
    box->setDetailedText(details);
  }
  box->open();
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

void MainWindow::closeEvent(QCloseEvent* event) {
  scorePanel_->flushPendingText();
  recordTime();
  QSettings settings;
  settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("ui/state"), saveState());
  QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::ActivationChange) {
    if (!isActiveWindow()) {
      recordTime();  // away from the window: stop counting
      itemClock_.invalidate();
    } else if (current_ != 0 && !itemClock_.isValid()) {
      itemClock_.start();
    }
  }
  QMainWindow::changeEvent(event);
}

}  // namespace vs::ui
