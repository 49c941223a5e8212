#pragma once
// Antialiased bicubic resize of 8-bit RGB, bit-for-bit the arithmetic of
// torchvision.transforms.functional.resize(uint8 tensor, BICUBIC, antialias=True) on torch 1.13:
// float32 interpolate(mode="bicubic", align_corners=False, antialias=True) (ATen's port of
// Pillow's separable convolution, Keys a=-0.5), then clamp(0, 255) and round half to even.
#include "core/media/video_frame.h"

namespace vs::media {

RgbImage resizeBicubicAntialias(const RgbImage& source, int out_width, int out_height);

}  // namespace vs::media
