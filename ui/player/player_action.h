#pragma once
// Identifiers of the player's actions. The workstation looks actions up by id (or walks
// PlayerGrid::playerActions()) to remap their shortcuts; objectName() is the stable settings key.
namespace vs::ui {

enum class PlayerAction {
  PlayPause,       // Space
  StepForward,     // Right
  StepBack,        // Left
  SecondForward,   // Shift+Right
  SecondBack,      // Shift+Left
  ToStart,         // Home
  ToEnd,           // End
  SpeedDown,       // [
  SpeedUp,         // ]
  Loop,            // L: off -> whole clip -> in/out range -> off
  SetIn,           // I
  SetOut,          // O
  ZoomReset,       // Z: fit
  ZoomOneToOne,    // 1
  Difference,      // D
  Wipe,            // W
  AbToggle,        // B: flip A/B (single tile, wipe, difference)
  FullScreenTile,  // F: the focused tile alone
  SyncToggle,      // S
  NextClip,        // N: focus moves to the next tile
  OffsetForward,   // Ctrl+Right: focused clip one frame later than the others
  OffsetBack,      // Ctrl+Left
  SaveFrames,      // Ctrl+Shift+S: PNG of every shown frame
  MuteAudio,       // M: the focused clip's sound off/on
};

inline constexpr int kPlayerActionCount = static_cast<int>(PlayerAction::MuteAudio) + 1;

}  // namespace vs::ui
