#pragma once
// The workstation window: queue (left dock), player grid and audit (centre tabs), score panel
// (right dock), jobs and history (bottom docks). It wires the parts together; each part is its
// own class. Every command is a QAction in the ActionRegistry.
//
// main_window.cpp holds the composition: opening a project, following the current item, blind
// mode and time spent. The rest of MainWindow is defined by responsibility in
// main_window_layout.cpp (tabs and docks), main_window_actions.cpp (commands and menus),
// main_window_files.cpp (the File menu and the drop target) and main_window_preference.cpp
// (preference mode). The work itself lives in its own units: ProjectExchange (add videos,
// import, export, relink), ProjectDialogs (what to open or create), ModelScoring (model runs),
// TeamWatch (others' commits on a team project).
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>

class QUndoStack;
class QTabWidget;
class QLabel;
class QUndoView;
class QMenu;

namespace vs::store {
class Store;
}  // namespace vs::store
namespace vs::library {
class VideoLocator;
struct IntakePlan;
struct RelinkResult;
}  // namespace vs::library

namespace vs::ui {

class ActionRegistry;
class AddVideosDialog;
struct ExportRequest;
struct ImportRequest;
class AnnotationSession;
class AuditView;
class RefusedEditsDialog;
class CheatSheetOverlay;
class JobsDock;
class PlayerGrid;
class PreferenceView;
class ProjectLock;
class QueueFilterModel;
class QueueModel;
class QueuePanel;
class ScorePanel;
class TeamLease;
class ModelScoring;
class OfflineEdits;
class TeamWatch;
struct ExchangeOutcome;
struct QueuePrompt;

enum class BusyPolicy { Ask, ReadOnly };

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a project (closing the current one) at the item it was last on. Another window or
  // process holding the project gives a read-only view (asking first under BusyPolicy::Ask).
  bool openProject(const QString& path, BusyPolicy busy = BusyPolicy::Ask);
  QString projectPath() const;
  bool isReadOnly() const { return readOnly_; }

  void goToVideo(qint64 videoId);
  qint64 currentVideo() const { return current_; }

  // Scores every item that has no model result yet with the model from the settings (the
  // demo model for --demo), in the background; progress shows in the jobs dock.
  void startDemoScoring();
  // Scores the unscored items with the model folder from the settings.
  enum class ScoringBudget { Settings, Demo };  // Demo: short outputs from the tiny random model
  void startScoring(const QString& modelDir, ScoringBudget budget = ScoringBudget::Settings);
  // True while a model is being prepared or jobs are queued or running.
  bool isScoringBusy() const;

  void setBlindMode(bool on);
  bool blindMode() const;

  // Preference mode: the Prefer tab judges the current prompt's candidates against each other;
  // the scoring keys rest meanwhile.
  void setPreferenceMode(bool on);
  bool preferenceMode() const;

  ActionRegistry& actions() { return *registry_; }
  ScorePanel* scorePanel() const { return scorePanel_; }
  QueuePanel* queuePanel() const { return queuePanel_; }
  QueueModel* queueModel() const { return queueModel_; }
  QueueFilterModel* queueFilter() const { return queueFilter_; }
  PlayerGrid* player() const { return player_; }
  JobsDock* jobs() const { return jobs_; }
  AuditView* audit() const { return audit_; }
  PreferenceView* preferenceView() const { return preference_; }
  QUndoStack* undoStack() const { return undo_; }
  AnnotationSession* session() const { return session_.get(); }
  store::Store* store() const { return store_.get(); }
  CheatSheetOverlay* cheatSheet() const { return cheatSheet_; }

  // --- File menu work; long parts run off the GUI thread with a cancellable progress dialog,
  // then the queue is reloaded. Each returns true when it changed or wrote something. ----------
  // Creates an empty project at `path` (refused when a file is there) and opens it.
  bool newProject(const QString& path);
  // Shows the Add videos dialog (not blocking) for these files/folders; accepting adds them.
  AddVideosDialog* showAddVideos(const QStringList& paths);
  bool addPlannedVideos(const library::IntakePlan& plan);
  bool runImport(const ImportRequest& request);
  bool runExport(const ExportRequest& request);
  // Adds `folders` to the media folders and finds the missing videos there (library::relink).
  std::optional<library::RelinkResult> relinkTo(const QStringList& folders);
  const library::VideoLocator& locator() const { return *locator_; }

  // Reloads the queue from the store (after model results or imports arrive).
  void reloadQueue();
  void refreshVideo(qint64 videoId);

 signals:
  void itemShown(qint64 videoId);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void createTabs();             // main_window_layout.cpp
  void createDocks();            // main_window_layout.cpp
  void createActions();          // main_window_actions.cpp
  void connectPreferenceMode();  // main_window_preference.cpp
  void showCurrent();
  void showClipsOf(const QueuePrompt& prompt);
  void recordTime();
  void nextLeased();  // N on a team project: the annotator's lease
  void rememberPosition();
  void updateTitle();
  void updateBlindForItem();
  // After work changed the project's videos: find the files again, reload, re-show the clips.
  void projectContentChanged();
  // main_window_files.cpp: the File menu's questions, and how its work ended (a report, a
  // status line, a reload); showOutcome() is true when the work was done.
  void openDialog();
  void openTeamDialog();
  void newProjectDialog();
  void importDialog();
  void exportDialog();
  void relinkDialog();
  void refusedEditsDialog();        // a team project's edits the server refused (read-only)
  void updateRefusedEditsAction();  // enabled while the journal holds refused entries
  bool showOutcome(const ExchangeOutcome& outcome);
  // A modal-free report of the end of some work.
  void report(const QString& title, const QString& text, const QString& details = {});

  std::unique_ptr<ActionRegistry> registry_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TeamLease> lease_;  // team projects only; before store_ goes
  // Where the videos' files are: one per window, re-made for each project and after a relink
  // (assigned in place, so the queue model and scoring controller keep a valid reference).
  std::unique_ptr<library::VideoLocator> locator_;
  std::unique_ptr<ProjectLock> lock_;
  // A team project's other people's commits (follows nothing for a file).
  TeamWatch* teamWatch_ = nullptr;
  std::unique_ptr<AnnotationSession> session_;
  ModelScoring* scoring_ = nullptr;
  std::unique_ptr<OfflineEdits> offline_;       // team projects: edits kept while the server is away
  QPointer<RefusedEditsDialog> refusedDialog_;  // while open: shows what more the server refuses
  QUndoStack* undo_ = nullptr;
  QueueModel* queueModel_ = nullptr;
  QueueFilterModel* queueFilter_ = nullptr;
  QueuePanel* queuePanel_ = nullptr;
  ScorePanel* scorePanel_ = nullptr;
  PlayerGrid* player_ = nullptr;
  JobsDock* jobs_ = nullptr;
  AuditView* audit_ = nullptr;
  PreferenceView* preference_ = nullptr;
  QUndoView* history_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  CheatSheetOverlay* cheatSheet_ = nullptr;
  QLabel* statusItem_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  qint64 current_ = 0;
  bool readOnly_ = false;
  bool blind_ = false;
  bool scoreDockHiddenByMode_ = false;  // preference mode hid the Scores dock
  QElapsedTimer itemClock_;
};

}  // namespace vs::ui
