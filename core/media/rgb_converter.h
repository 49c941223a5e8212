#pragma once
// RgbConverter: decoded AVFrame -> RgbImage with the chosen colour conversion and geometry.
// Internal to core/media.
#include <QString>
#include <vector>

#include "core/media/ffmpeg_util.h"
#include "core/media/frame_decoder.h"
#include "core/media/media_info.h"
#include "core/media/video_frame.h"

namespace vs::media {

class RgbConverter {
 public:
  RgbConverter() = default;
  RgbConverter(ColorConversion color, FrameGeometry geometry, const MediaInfo& info);
  // The same conversion, scaled by swscale in the same pass to `out_width` x `out_height` (the
  // size after rotation): what a player drawing the frame smaller needs, without a full-size RGB
  // frame in between.
  RgbConverter(ColorConversion color, FrameGeometry geometry, const MediaInfo& info, int out_width,
               int out_height);

  RgbImage convert(const AVFrame* frame, const QString& path);
  int outWidth() const { return out_width_; }
  int outHeight() const { return out_height_; }

 private:
  ColorConversion color_ = ColorConversion::Display;
  int rotation_deg_ = 0;
  int scaled_width_ = 0;  // swscale output, before rotation
  int scaled_height_ = 0;
  int out_width_ = 0;
  int out_height_ = 0;
  ff::SwsPtr sws_;
  int sws_src_format_ = -1;
  int sws_src_width_ = 0;
  int sws_src_height_ = 0;
  int sws_colorspace_ = -1;
  int sws_range_ = -1;
  std::vector<uint8_t> scratch_;  // padded swscale output, reused between frames
};

RgbImage rotateClockwise(const RgbImage& image, int degrees);

}  // namespace vs::media
