#include "ui/player/player_actions.h"

#include <QCoreApplication>
#include <QWidget>

namespace vs::ui {

namespace {

struct ActionSpec {
  PlayerAction id;
  const char* key;
  const char* text;
  QKeySequence shortcut;
  bool checkable;
};

// Defaults follow the keyboard map (Space, arrows, Home/End, [ ], L, Z, D, W).
std::array<ActionSpec, kPlayerActionCount> specs() {
  return {{
      {PlayerAction::PlayPause, "player.play_pause", QT_TRANSLATE_NOOP("PlayerActions", "Play / pause"),
       QKeySequence(Qt::Key_Space), true},
      {PlayerAction::StepForward, "player.step_forward", QT_TRANSLATE_NOOP("PlayerActions", "Next frame"),
       QKeySequence(Qt::Key_Right), false},
      {PlayerAction::StepBack, "player.step_back", QT_TRANSLATE_NOOP("PlayerActions", "Previous frame"),
       QKeySequence(Qt::Key_Left), false},
      {PlayerAction::SecondForward, "player.second_forward",
       QT_TRANSLATE_NOOP("PlayerActions", "Forward one second"), QKeySequence(Qt::SHIFT | Qt::Key_Right),
       false},
      {PlayerAction::SecondBack, "player.second_back", QT_TRANSLATE_NOOP("PlayerActions", "Back one second"),
       QKeySequence(Qt::SHIFT | Qt::Key_Left), false},
      {PlayerAction::ToStart, "player.to_start", QT_TRANSLATE_NOOP("PlayerActions", "Go to start"),
       QKeySequence(Qt::Key_Home), false},
      {PlayerAction::ToEnd, "player.to_end", QT_TRANSLATE_NOOP("PlayerActions", "Go to end"),
       QKeySequence(Qt::Key_End), false},
      {PlayerAction::SpeedDown, "player.speed_down", QT_TRANSLATE_NOOP("PlayerActions", "Slower"),
       QKeySequence(Qt::Key_BracketLeft), false},
      {PlayerAction::SpeedUp, "player.speed_up", QT_TRANSLATE_NOOP("PlayerActions", "Faster"),
       QKeySequence(Qt::Key_BracketRight), false},
      {PlayerAction::Loop, "player.loop", QT_TRANSLATE_NOOP("PlayerActions", "Loop: off / whole / in-out"),
       QKeySequence(Qt::Key_L), false},
      {PlayerAction::SetIn, "player.set_in", QT_TRANSLATE_NOOP("PlayerActions", "Set loop in point"),
       QKeySequence(Qt::Key_I), false},
      {PlayerAction::SetOut, "player.set_out", QT_TRANSLATE_NOOP("PlayerActions", "Set loop out point"),
       QKeySequence(Qt::Key_O), false},
      {PlayerAction::ZoomReset, "player.zoom_fit", QT_TRANSLATE_NOOP("PlayerActions", "Zoom to fit"),
       QKeySequence(Qt::Key_Z), false},
      {PlayerAction::ZoomOneToOne, "player.zoom_1to1", QT_TRANSLATE_NOOP("PlayerActions", "Zoom 1:1"),
       QKeySequence(Qt::Key_1), false},
      {PlayerAction::Difference, "player.difference", QT_TRANSLATE_NOOP("PlayerActions", "Difference A−B"),
       QKeySequence(Qt::Key_D), true},
      {PlayerAction::Wipe, "player.wipe", QT_TRANSLATE_NOOP("PlayerActions", "Wipe A|B"),
       QKeySequence(Qt::Key_W), true},
      {PlayerAction::AbToggle, "player.ab_toggle", QT_TRANSLATE_NOOP("PlayerActions", "Toggle A/B"),
       QKeySequence(Qt::Key_B), false},
      {PlayerAction::FullScreenTile, "player.single_tile",
       QT_TRANSLATE_NOOP("PlayerActions", "Focused clip alone"), QKeySequence(Qt::Key_F), true},
      {PlayerAction::SyncToggle, "player.sync", QT_TRANSLATE_NOOP("PlayerActions", "Sync clips"),
       QKeySequence(Qt::Key_S), true},
      {PlayerAction::NextClip, "player.next_clip", QT_TRANSLATE_NOOP("PlayerActions", "Focus next clip"),
       QKeySequence(Qt::Key_N), false},
      {PlayerAction::OffsetForward, "player.offset_later",
       QT_TRANSLATE_NOOP("PlayerActions", "Focused clip one frame later"),
       QKeySequence(Qt::CTRL | Qt::Key_Right), false},
      {PlayerAction::OffsetBack, "player.offset_earlier",
       QT_TRANSLATE_NOOP("PlayerActions", "Focused clip one frame earlier"),
       QKeySequence(Qt::CTRL | Qt::Key_Left), false},
      {PlayerAction::SaveFrames, "player.save_frames",
       QT_TRANSLATE_NOOP("PlayerActions", "Save frames as PNG"),
       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), false},
      {PlayerAction::MuteAudio, "player.mute", QT_TRANSLATE_NOOP("PlayerActions", "Mute the focused clip"),
       QKeySequence(Qt::Key_M), true},
  }};
}

}  // namespace

PlayerActions::PlayerActions(QWidget* owner) {
  for (const ActionSpec& spec : specs()) {
    auto* a = new QAction(QCoreApplication::translate("PlayerActions", spec.text), owner);
    a->setObjectName(QString::fromLatin1(spec.key));
    a->setShortcut(spec.shortcut);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setCheckable(spec.checkable);
    owner->addAction(a);
    actions_[static_cast<size_t>(spec.id)] = a;
  }
}

QList<QAction*> PlayerActions::all() const {
  QList<QAction*> out;
  for (QAction* a : actions_) {
    out.push_back(a);
  }
  return out;
}

QKeySequence PlayerActions::defaultShortcut(PlayerAction id) {
  return specs()[static_cast<size_t>(id)].shortcut;
}

QString PlayerActions::settingsKey(PlayerAction id) {
  return QString::fromLatin1(specs()[static_cast<size_t>(id)].key);
}

}  // namespace vs::ui
