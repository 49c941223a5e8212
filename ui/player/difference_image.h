#pragma once
// The "difference" compare mode's picture: |a − b| × gain per channel, clamped, so that equal
// frames are black and the smallest change (one code value) still shows at gain 4.
#include <QImage>

namespace vs::ui {

// `b` is scaled to `a`'s size when they differ. Result is Format_RGB32.
QImage differenceImage(const QImage& a, const QImage& b, int gain);

}  // namespace vs::ui
