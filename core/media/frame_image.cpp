#include "core/media/frame_image.h"

namespace vs::media {

QImage toQImage(const RgbImage& image) {
  QImage out(image.width, image.height, QImage::Format_RGB888);
  for (int y = 0; y < image.height; ++y) {
    std::copy_n(image.row(y), static_cast<size_t>(image.width) * 3, out.scanLine(y));
  }
  return out;
}

static void releaseFrame(void* holder) {
  delete static_cast<FramePtr*>(holder);
}

QImage toQImage(const FramePtr& frame) {
  if (!frame) {
    return {};
  }
  const RgbImage& image = frame->image;
  // QImage only reads through this pointer; the holder keeps the shared frame alive.
  auto* holder = new FramePtr(frame);
  return QImage(image.pixels.data(), image.width, image.height, image.width * 3, QImage::Format_RGB888,
                &releaseFrame, holder);
}

}  // namespace vs::media
