#include "ui/window/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>

#include "core/domain/error.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"
#include "ui/window/action_registry.h"
#include "ui/annotation/annotation_session.h"
#include "ui/audit/audit_view.h"
#include "ui/dialogs/refused_edits_dialog.h"
#include "ui/window/cheat_sheet_overlay.h"
#include "ui/scoring/jobs_dock.h"
#include "ui/scoring/model_scoring.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_audit_panel.h"
#include "ui/preference/preference_session.h"
#include "ui/preference/preference_view.h"
#include "ui/project/project_lock.h"
#include "ui/project/project_names.h"
#include "ui/queue/queue_filter_model.h"
#include "ui/queue/queue_model.h"
#include "ui/queue/queue_panel.h"
#include "ui/project/recent_projects.h"
#include "ui/annotation/project_rubric.h"
#include "ui/annotation/score_panel.h"
#include "ui/project/offline_edits.h"
#include "ui/project/team_lease.h"
#include "ui/project/team_watch.h"
#include "ui/window/theme.h"

namespace vs::ui {

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

  createTabs();

  createDocks();
  scoring_ = new ModelScoring(*jobs_, this);
  connect(scoring_, &ModelScoring::resultStored, this, [this](qint64 videoId) {
    refreshVideo(videoId);
    audit_->markStale();
  });
  connect(scoring_, &ModelScoring::demoModelReady, this,
          [this](const QString& modelDir) { startScoring(modelDir, ScoringBudget::Demo); });
  connect(scoring_, &ModelScoring::message, statusBar(), &QStatusBar::showMessage);
  teamWatch_ = new TeamWatch(this);
  connect(teamWatch_, &TeamWatch::refreshNeeded, this, [this] {
    if (!store_)
      return;
    scorePanel_->flushPendingText();  // what is being typed is saved before the reload
    try {
      reloadQueue();
    } catch (const Error& e) {  // the server went away meanwhile: the reconnect reloads again
      statusBar()->showMessage(tr("Not refreshed: %1").arg(e.full()), 8000);
    }
  });
  connect(teamWatch_, &TeamWatch::message, statusBar(), &QStatusBar::showMessage);
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
  connectPreferenceMode();
  updateTitle();
}

MainWindow::~MainWindow() {
  recordTime();
  scoring_->stop();
  lease_.reset();
  session_.reset();
  offline_.reset();
  store_.reset();
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
  scoring_->stop();
  lease_.reset();
  session_.reset();
  if (refusedDialog_)
    refusedDialog_->close();  // it names the old project's videos
  offline_.reset();
  // Nothing may keep the old store past this point.
  preference_->setProject(nullptr, 0, nullptr, false, QString());
  audit_->preferencePanel()->setStore(nullptr);
  store_ = std::move(store);
  *locator_ = library::VideoLocator::forStore(*store_);
  lock_ = std::move(lock);
  readOnly_ = readOnly;
  teamWatch_->follow(*store_);
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
      (offline_ = OfflineEdits::attach(*store_, annotator, *session_, teamWatch_->watcher(), statusBar()))) {
    connect(offline_.get(), &OfflineEdits::allSent, this, &MainWindow::reloadQueue);
    connect(offline_.get(), &OfflineEdits::allSent, this, [this] {
      if (PreferenceSession* s = preference_->session(); s && s->promptId() != 0)
        s->reload();  // the choices that waited are the server's now
    });
    connect(offline_.get(), &OfflineEdits::allSent, this, &MainWindow::updateRefusedEditsAction);
  }
  updateRefusedEditsAction();
  session_->setReadOnly(readOnly_);
  scorePanel_->setReadOnly(readOnly_);
  connect(session_.get(), &AnnotationSession::evaluationChanged, this, &MainWindow::refreshVideo);
  connect(session_.get(), &AnnotationSession::editFailed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Not saved: %1").arg(message), 10000);
  });
  scorePanel_->setRubric(loadProjectRubric(*store_, absolute, !readOnly_).rubric);
  const bool comparing = preference_->isActive();
  preference_->setProject(store_.get(), session_->annotatorId(), undo_, readOnly_, absolute);
  if (preference_->session())
    preference_->session()->setOfflineEdits(offline_.get());
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
  scoring_->start(
      *store_, *locator_, modelDir,
      budget == ScoringBudget::Demo ? ModelScoring::Budget::Demo : ModelScoring::Budget::Settings);
}

void MainWindow::startDemoScoring() {
  scoring_->prepareDemoModel();
}

bool MainWindow::isScoringBusy() const {
  return scoring_->isBusy();
}

bool MainWindow::blindMode() const {
  return blind_;
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
