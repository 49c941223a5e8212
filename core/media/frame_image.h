#pragma once
// QImage view of a decoded frame for the GUI (the only Qt Gui dependency of core/media).
#include <QImage>

#include "core/media/video_frame.h"

namespace vs::media {

// Deep copy as QImage::Format_RGB888.
QImage toQImage(const RgbImage& image);
// Shares the frame's pixels (no copy); the QImage keeps the frame alive.
QImage toQImage(const FramePtr& frame);

}  // namespace vs::media
