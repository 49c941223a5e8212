#pragma once
// The player's QActions with their default shortcuts. Shortcut context is
// Qt::WidgetWithChildrenShortcut so single keys never fire while the user types elsewhere.
#include <QAction>
#include <array>

#include "ui/player/player_action.h"

namespace vs::ui {

class PlayerActions {
 public:
  explicit PlayerActions(QWidget* owner);

  QAction* get(PlayerAction id) const { return actions_[static_cast<size_t>(id)]; }
  QList<QAction*> all() const;

  static QKeySequence defaultShortcut(PlayerAction id);
  static QString settingsKey(PlayerAction id);  // objectName(), e.g. "player.play_pause"

 private:
  std::array<QAction*, kPlayerActionCount> actions_{};
};

}  // namespace vs::ui
