#include "core/media/bicubic_resize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace vs::media {

namespace {

// ATen HelperInterpCubic::aa_filter: Keys cubic with a = -0.5 (Pillow's), in float.
float aaFilter(float x) {
  constexpr float a = -0.5f;
  x = std::abs(x);
  if (x < 1.0f) {
    return ((a + 2) * x - (a + 3)) * x * x + 1;  // cubic_convolution1
  }
  if (x < 2.0f) {
    return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;  // cubic_convolution2
  }
  return 0.0f;
}

struct Taps {
  std::vector<int64_t> start;  // first source sample per output sample
  std::vector<int64_t> count;
  std::vector<float> weights;  // max_taps per output sample
  int64_t max_taps = 0;
};

// ATen _compute_indices_weights_aa / _compute_weights_aa (torch 1.13, align_corners=False): the
// mixed float/double expressions below are written exactly as there, because the float roundings
// decide the last bit of the weights.
Taps computeTaps(int64_t input_size, int64_t output_size) {
  const float scale = static_cast<float>(input_size) / output_size;  // area_pixel_compute_scale
  constexpr int interp_size = 4;                                     // bicubic
  const float support = (scale >= 1.0) ? (interp_size * 0.5) * scale : interp_size * 0.5;
  Taps taps;
  taps.max_taps = static_cast<int64_t>(std::ceil(support)) * 2 + 1;
  taps.start.resize(static_cast<size_t>(output_size));
  taps.count.resize(static_cast<size_t>(output_size));
  taps.weights.assign(static_cast<size_t>(output_size * taps.max_taps), 0.0f);
  for (int64_t i = 0; i < output_size; ++i) {
    const float center = scale * (i + 0.5);
    float total_w = 0.0;
    const float invscale = (scale >= 1.0) ? 1.0 / scale : 1.0;
    const int64_t xmin = std::max(static_cast<int64_t>(center - support + 0.5), static_cast<int64_t>(0));
    const int64_t xsize = std::min(static_cast<int64_t>(center + support + 0.5), input_size) - xmin;
    float* w = taps.weights.data() + i * taps.max_taps;
    for (int64_t j = 0; j < xsize; ++j) {
      const float v = aaFilter(static_cast<float>((j + xmin - center + 0.5) * invscale));
      w[j] = v;
      total_w += v;
    }
    for (int64_t j = 0; j < xsize; ++j) {
      if (total_w != 0.0) {
        w[j] /= total_w;
      }
    }
    taps.start[static_cast<size_t>(i)] = xmin;
    taps.count[static_cast<size_t>(i)] = std::max<int64_t>(xsize, 0);
  }
  return taps;
}

// ATen interpolate_aa_single_dim: output = t0*w0, then += tj*wj in tap order, in float.
inline float convolve(const float* src, const float* w, int64_t count) {
  if (count <= 0) {
    return 0.0f;
  }
  float out = src[0] * w[0];
  for (int64_t j = 1; j < count; ++j) {
    out += src[j] * w[j];
  }
  return out;
}

}  // namespace

RgbImage resizeBicubicAntialias(const RgbImage& source, int out_width, int out_height) {
  const int in_w = source.width;
  const int in_h = source.height;
  // Planar float, as the NCHW float tensor torchvision hands to interpolate.
  const size_t in_plane = static_cast<size_t>(in_w) * in_h;
  std::vector<float> planes(in_plane * 3);
  for (size_t p = 0; p < in_plane; ++p) {
    planes[p] = source.pixels[p * 3];
    planes[in_plane + p] = source.pixels[p * 3 + 1];
    planes[2 * in_plane + p] = source.pixels[p * 3 + 2];
  }
  // ATen's separable pass order: the last dimension (width) first, then height.
  std::vector<float> horizontal;
  int mid_w = in_w;
  if (out_width != in_w) {
    const Taps t = computeTaps(in_w, out_width);
    mid_w = out_width;
    horizontal.resize(static_cast<size_t>(mid_w) * in_h * 3);
    for (int c = 0; c < 3; ++c) {
      for (int y = 0; y < in_h; ++y) {
        const float* src_row = planes.data() + c * in_plane + static_cast<size_t>(y) * in_w;
        float* dst_row = horizontal.data() + (static_cast<size_t>(c) * in_h + y) * mid_w;
        for (int x = 0; x < mid_w; ++x) {
          dst_row[x] = convolve(src_row + t.start[x], t.weights.data() + x * t.max_taps, t.count[x]);
        }
      }
    }
  } else {
    horizontal = std::move(planes);
  }
  const size_t mid_plane = static_cast<size_t>(mid_w) * in_h;
  RgbImage out(out_width, out_height);
  const Taps t = computeTaps(in_h, out_height);
  std::vector<float> acc(static_cast<size_t>(out_width));
  for (int c = 0; c < 3; ++c) {
    const float* plane = horizontal.data() + c * mid_plane;
    for (int y = 0; y < out_height; ++y) {
      const float* w = t.weights.data() + y * t.max_taps;
      const int64_t count = t.count[y];
      const float* src = plane + static_cast<size_t>(t.start[y]) * mid_w;
      // Row-wise form of convolve(): the same products summed in the same order per pixel.
      for (int x = 0; x < out_width; ++x) {
        acc[x] = count > 0 ? src[x] * w[0] : 0.0f;
      }
      for (int64_t j = 1; j < count; ++j) {
        const float* row = src + j * mid_w;
        const float wj = w[j];
        for (int x = 0; x < out_width; ++x) {
          acc[x] += row[x] * wj;
        }
      }
      uint8_t* dst = out.row(y);
      for (int x = 0; x < out_width; ++x) {
        // torchvision resize of uint8: clamp(0, 255), then torch.round (half to even), then cast.
        const float clamped = std::min(255.0f, std::max(0.0f, acc[x]));
        dst[x * 3 + c] = static_cast<uint8_t>(std::nearbyint(clamped));
      }
    }
  }
  return out;
}

}  // namespace vs::media
