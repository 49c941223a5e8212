#pragma once
// The three barcoded clips the player tests play together (different rates and sizes, 2 s each;
// GOP 12 with B-frames so that backward steps cross GOPs), and the frame each should show,
// computed from the rates and offsets alone.
#include <QDir>
#include <QString>
#include <algorithm>

#include "tests/support/barcode_clip.h"

namespace vs::test {

struct PlayerClipSpec {
  const char* name;
  int width;
  int height;
  int fps;
  int frames;
};

inline const PlayerClipSpec kPlayerClips[3] = {
    {"a24.mp4", 320, 240, 24, 48}, {"b30.mp4", 320, 240, 30, 60}, {"c25.mp4", 256, 144, 25, 50}};

inline QString playerClipPath(const QString& dir, int i) {
  return QDir(dir).filePath(QString::fromLatin1(kPlayerClips[i].name));
}

// Makes the three clips in `dir` (created if need be); empty, or ffmpeg's complaint.
inline QString makePlayerClips(const QString& dir) {
  if (!QDir().mkpath(dir)) {
    return QStringLiteral("cannot create %1").arg(dir);
  }
  for (int i = 0; i < 3; ++i) {
    const PlayerClipSpec& c = kPlayerClips[i];
    const QString err =
        makeBarcodeClip(playerClipPath(dir, i), c.width, c.height, QString::number(c.fps), c.frames);
    if (!err.isEmpty()) {
      return err;
    }
  }
  return {};
}

// Frame of a clip with rate `g` and offset `offset` (its frames) at the master time where the
// 24 fps clip A starts its frame `fa`: floor(fa * g / 24 - offset), clamped to the clip.
inline int frameAtA(int fa, int g, int offset, int frames) {
  const int num = fa * g - offset * 24;
  const int f = num >= 0 ? num / 24 : -((-num + 23) / 24);
  return std::clamp(f, 0, frames - 1);
}

}  // namespace vs::test
