#include "core/media/rgb_converter.h"

#include <algorithm>
#include <utility>

namespace vs::media {

RgbConverter::RgbConverter(ColorConversion color, FrameGeometry geometry, const MediaInfo& info)
    : color_(color) {
  if (geometry == FrameGeometry::Coded) {
    scaled_width_ = info.coded_width;
    scaled_height_ = info.coded_height;
  } else {
    rotation_deg_ = info.rotation_deg;
    const bool swap = rotation_deg_ == 90 || rotation_deg_ == 270;
    scaled_width_ = swap ? info.height : info.width;
    scaled_height_ = swap ? info.width : info.height;
  }
  const bool swap = rotation_deg_ == 90 || rotation_deg_ == 270;
  out_width_ = swap ? scaled_height_ : scaled_width_;
  out_height_ = swap ? scaled_width_ : scaled_height_;
}

RgbConverter::RgbConverter(ColorConversion color, FrameGeometry geometry, const MediaInfo& info,
                           int out_width, int out_height)
    : RgbConverter(color, geometry, info) {
  const bool swap = rotation_deg_ == 90 || rotation_deg_ == 270;
  out_width_ = std::max(1, out_width);
  out_height_ = std::max(1, out_height);
  scaled_width_ = swap ? out_height_ : out_width_;
  scaled_height_ = swap ? out_width_ : out_height_;
}

static int matrixOf(const AVFrame* frame) {
  switch (frame->colorspace) {
    case AVCOL_SPC_BT709:
      return SWS_CS_ITU709;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
      return SWS_CS_BT2020;
    case AVCOL_SPC_SMPTE240M:
      return SWS_CS_SMPTE240M;
    case AVCOL_SPC_FCC:
      return SWS_CS_FCC;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
      return SWS_CS_ITU601;
    default:
      // Untagged: HD sizes are BT.709 in practice (what players assume), SD BT.601.
      return frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
  }
}

static bool isJpegRange(const AVFrame* frame) {
  switch (frame->format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
      return true;
    default:
      return frame->color_range == AVCOL_RANGE_JPEG;
  }
}

RgbImage RgbConverter::convert(const AVFrame* frame, const QString& path) {
  const int colorspace = color_ == ColorConversion::Display ? matrixOf(frame) : -1;
  const int range = color_ == ColorConversion::Display ? (isJpegRange(frame) ? 1 : 0) : -1;
  if (!sws_ || frame->format != sws_src_format_ || frame->width != sws_src_width_ ||
      frame->height != sws_src_height_ || colorspace != sws_colorspace_ || range != sws_range_) {
    // Reference mode copies PyAV 10's VideoReformatter: SWS_BILINEAR, no colourspace details,
    // so swscale's defaults apply (BT.601 coefficients, range from the pixel format).
    // Display mode uses the same fast unscaled converters when sizes match (swscale's SIMD
    // yuv2rgb honours the coefficients set below); SAR scaling takes the bicubic path.
    // Reductions use swscale's bilinear filter, whose support widens with the ratio (an area
    // average, so no aliasing) at a fraction of bicubic's taps (initFilter in swscale/utils.c).
    const bool scales = frame->width != scaled_width_ || frame->height != scaled_height_;
    const bool reduces = scaled_width_ < frame->width && scaled_height_ < frame->height;
    const int flags = color_ == ColorConversion::Reference
                          ? SWS_BILINEAR
                          : (scales && !reduces ? SWS_BICUBIC : SWS_BILINEAR);
    sws_.reset(sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
                              scaled_width_, scaled_height_, AV_PIX_FMT_RGB24, flags, nullptr, nullptr,
                              nullptr));
    if (!sws_) {
      throw vs::Error(vs::Error::Kind::InvalidData, path,
                      QStringLiteral("cannot convert pixel format %1 to RGB").arg(frame->format));
    }
    if (color_ == ColorConversion::Display) {
      int* inv_table = nullptr;
      int* table = nullptr;
      int src_range = 0;
      int dst_range = 0;
      int brightness = 0;
      int contrast = 0;
      int saturation = 0;
      if (sws_getColorspaceDetails(sws_.get(), &inv_table, &src_range, &table, &dst_range, &brightness,
                                   &contrast, &saturation) >= 0) {
        const int* coefficients = sws_getCoefficients(colorspace);
        sws_setColorspaceDetails(sws_.get(), coefficients, range, coefficients, 1, brightness, contrast,
                                 saturation);
      }
    }
    sws_src_format_ = frame->format;
    sws_src_width_ = frame->width;
    sws_src_height_ = frame->height;
    sws_colorspace_ = colorspace;
    sws_range_ = range;
  }
  // swscale's SIMD writers store whole 8/16-byte words, so a tightly packed row of an odd width
  // is overrun at its end (valgrind: 8-byte write past the buffer on a 205-pixel-wide clip).
  // Convert into rows padded to 64 bytes with slack after the last one, then pack.
  const int packed_stride = scaled_width_ * 3;
  const int padded_stride = (packed_stride + 63) & ~63;
  scratch_.resize(static_cast<size_t>(padded_stride) * scaled_height_ + 64);
  uint8_t* dst[4] = {scratch_.data(), nullptr, nullptr, nullptr};
  int dst_stride[4] = {padded_stride, 0, 0, 0};
  ff::check(sws_scale(sws_.get(), frame->data, frame->linesize, 0, frame->height, dst, dst_stride), path,
            "colour conversion");
  RgbImage image(scaled_width_, scaled_height_);
  for (int y = 0; y < scaled_height_; ++y) {
    std::copy_n(scratch_.data() + static_cast<size_t>(y) * padded_stride, packed_stride, image.row(y));
  }
  if (rotation_deg_ != 0) {
    return rotateClockwise(image, rotation_deg_);
  }
  return image;
}

RgbImage rotateClockwise(const RgbImage& image, int degrees) {
  if (degrees == 0) {
    return image;
  }
  const bool swap = degrees == 90 || degrees == 270;
  RgbImage out(swap ? image.height : image.width, swap ? image.width : image.height);
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* src = image.row(y);
    for (int x = 0; x < image.width; ++x) {
      int ox = x;
      int oy = y;
      if (degrees == 90) {
        ox = image.height - 1 - y;
        oy = x;
      } else if (degrees == 180) {
        ox = image.width - 1 - x;
        oy = image.height - 1 - y;
      } else if (degrees == 270) {
        ox = y;
        oy = image.width - 1 - x;
      }
      uint8_t* dst = out.row(oy) + static_cast<size_t>(ox) * 3;
      dst[0] = src[x * 3];
      dst[1] = src[x * 3 + 1];
      dst[2] = src[x * 3 + 2];
    }
  }
  return out;
}

}  // namespace vs::media
