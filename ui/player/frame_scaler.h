#pragma once
// Scaling decoded frames to tile size on the decoding threads. Big reductions (a 1080p frame
// into a 3×3 tile) first halve with a 2×2 box filter straight from RGB888 — cheap and properly
// antialiased — then finish with Qt's smooth scaler on the far smaller image.
#include <QImage>
#include <QSize>

namespace vs::ui {

class FrameScaler {
 public:
  // `source` is any QImage format; the result is Format_RGB32 of exactly `target` size.
  static QImage scaled(const QImage& source, QSize target, Qt::TransformationMode mode);
  // Box-filter halving (odd last row/column dropped); RGB888 or RGB32 in, RGB32 out.
  static QImage halved(const QImage& source);
};

}  // namespace vs::ui
