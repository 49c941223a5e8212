#pragma once
// Decoded pictures handed out by FrameDecoder and consumed by the sampler. Plain buffers, no Qt,
// so the numeric code (resize, normalise, patchify) is testable on its own.
#include <cstdint>
#include <memory>
#include <vector>

namespace vs::media {

// Interleaved 8-bit RGB, rows packed (stride = 3 * width).
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;  // size 3 * width * height

  RgbImage() = default;
  RgbImage(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * h * 3) {}
  size_t byteSize() const { return pixels.size(); }
  const uint8_t* row(int y) const { return pixels.data() + static_cast<size_t>(y) * width * 3; }
  uint8_t* row(int y) { return pixels.data() + static_cast<size_t>(y) * width * 3; }
};

// One frame of a clip: its 0-based index in presentation order and its timestamp.
struct VideoFrame {
  int64_t index = 0;
  double time_s = 0.0;  // presentation time relative to the stream's first frame
  RgbImage image;
};

using FramePtr = std::shared_ptr<const VideoFrame>;

}  // namespace vs::media
