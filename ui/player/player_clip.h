#pragma once
// What the player needs to know about one clip: where it is, what to call it, and which frames
// the model saw. Plain value type so the workstation can build it from store rows.
#include <QString>
#include <QVector>

namespace vs::ui {

struct PlayerClip {
  QString path;                       // video file
  QString generator;                  // generator/model name; hidden on the tile in blind mode
  QString label;                      // short caption (e.g. video name); may be empty
  QVector<qint64> model_seen_frames;  // 0-based frame indices the evaluator sampled
  bool missing = false;               // no file found: the tile offers a relink, not a path error
};

enum class BlindMode { Off, On };

}  // namespace vs::ui
