#pragma once
// The workstation's preference mode: the candidates of one prompt judged against each other.
// Pairs: two clips side by side in sync (a PlayerGrid of its own), one key each for left better,
// right better and tie, an optional reason, the next pair at once, as the PreferenceSession's
// schedule asks. Best-of-N: up to 9 tiles, Alt+N picks tile N as the best, Ctrl+Alt+N as the
// worst. Blind by default: left/right and tile order drawn at random and recorded, generator and
// video names hidden. The keys are actions of the window's ActionRegistry (remappable), enabled
// only while the mode is shown, and single keys never fire while the reason is typed (TypingGuard).
// How pairs are judged (overall or each dimension, fewest comparisons or all pairs, blind) is a
// setting of the project, kept in the project itself (Store::preferenceOptions), so every window
// and every person on the project sees the same; each change is one store transaction.
#include <QList>
#include <QStringList>
#include <QWidget>
#include <memory>

#include "core/store/store_types.h"
#include "ui/preference/preference_session.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QUndoStack;

namespace vs::library {
class VideoLocator;
}

namespace vs::ui {

class ActionRegistry;
class PlayerGrid;
class QueueModel;

class PreferenceView : public QWidget {
  Q_OBJECT
 public:
  // `locator` and `queue` outlive the view (the window's; reassigned in place per project).
  PreferenceView(const library::VideoLocator& locator, const QueueModel& queue, QWidget* parent = nullptr);
  ~PreferenceView() override;

  // Registers the mode's actions (category `category`) on `window`; call once.
  void createActions(ActionRegistry& registry, QWidget* window, const QString& category);
  QList<QAction*> modeActions() const { return actions_; }

  // A project opened (nullptr store: closed). Options are read from the project
  // (once from the person's own settings for this project file when the project has none).
  void setProject(store::Store* store, qint64 annotatorId, QUndoStack* undo, bool readOnly,
                  const QString& projectPath);
  PreferenceSession* session() const { return session_.get(); }

  // Entering shows the prompt (enables the keys); leaving stops the clips.
  void enter(qint64 promptId);
  void leave();
  bool isActive() const { return active_; }

  void setTask(PreferenceTask task);
  PreferenceTask task() const { return task_; }
  void setSchedule(analysis::ScheduleMethod method);
  void setScope(PreferenceScope scope);
  void setBlinding(Blinding blinding);
  // Copies the main player's (remapped) keys onto this view's player.
  void copyPlayerShortcuts(const PlayerGrid& from);

  // The commands behind the keys.
  void choose(PreferenceChoice choice);
  void pickBest(int tile);
  void pickWorst(int tile);
  void nextPrompt(int direction);
  void focusReason();

  PlayerGrid* player() const { return player_; }
  // What each tile is captioned, in tile order (blind: its position or number only).
  const QStringList& tileCaptions() const { return captions_; }
  QLineEdit* reasonEditor() const { return reason_; }
  QLabel* questionLabel() const { return question_; }
  QLabel* progressLabel() const { return progress_; }

 signals:
  void promptShown(qint64 firstVideoId);  // the window follows with its current item
  void preferencesChanged();
  void message(const QString& text);

 private:
  void redraw();
  void showClips();
  void saveOptions(const store::PreferenceOptions& changed);
  void loadOptions();
  QString videoCaption(qint64 videoId) const;
  QString keyText(const QString& id) const;  // the action's shortcut as shown to people
  QString settingsKey(const QString& name) const;

  const library::VideoLocator& locator_;
  const QueueModel& queue_;
  std::unique_ptr<PreferenceSession> session_;
  QString projectPath_;
  store::Store* store_ = nullptr;
  bool readOnly_ = false;
  bool active_ = false;
  PreferenceTask task_ = PreferenceTask::Pairs;
  QList<QAction*> actions_;
  QVector<qint64> clipsShown_;  // video ids on the player, in tile order
  QStringList captions_;
  bool captionsBlind_ = true;
  PlayerGrid* player_ = nullptr;
  QLabel* prompt_ = nullptr;
  QLabel* question_ = nullptr;
  QLabel* progress_ = nullptr;
  QLabel* ranking_ = nullptr;
  QLineEdit* reason_ = nullptr;
  QComboBox* taskBox_ = nullptr;
  QComboBox* scheduleBox_ = nullptr;
  QComboBox* scopeBox_ = nullptr;
  QCheckBox* blindBox_ = nullptr;
};

}  // namespace vs::ui
