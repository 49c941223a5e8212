#pragma once
// Reads the frame-number barcode the test clips carry: 12 cells across the top half, cell b white
// when bit b of the frame number is set (see the geq filter in CMakeLists.txt).
#include <cstdint>

#include "core/media/video_frame.h"

namespace vs::media::test {

constexpr int kBarcodeBits = 12;

// Returns the decoded number, or -1 when a cell is neither clearly dark nor clearly bright.
inline int readBarcode(const RgbImage& image) {
  const int y = image.height / 4;
  int value = 0;
  for (int b = 0; b < kBarcodeBits; ++b) {
    const int x = static_cast<int>((b + 0.5) * image.width / kBarcodeBits);
    const uint8_t* p = image.row(y) + x * 3;
    const int luma = (p[0] + p[1] + p[2]) / 3;
    if (luma > 170) {
      value |= 1 << b;
    } else if (luma > 80) {
      return -1;
    }
  }
  return value;
}

}  // namespace vs::media::test
