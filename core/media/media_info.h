#pragma once
// What probe() learns about a video file. Sizes are in pixels, times in seconds.
#include <QString>
#include <cstdint>

namespace vs::media {

enum class FrameRateMode { Constant, Variable };

// Where MediaInfo::fps came from.
enum class FpsSource {
  Container,   // the stream's average frame rate (what torchvision/PyAV report as video_fps)
  FrameTimes,  // the container gives none: frames / duration of the frame times
  Unknown,     // neither (a single frame): fps is 0
};

// "container", "frame times", "unknown".
const char* fpsSourceName(FpsSource source);

struct MediaInfo {
  QString path;
  QString container;    // "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", ...
  QString codec;        // "h264", "hevc", "vp9", "av1", "mpeg4", ...
  QString pix_fmt;      // "yuv420p", "yuv420p10le", ...
  int coded_width = 0;  // size of the decoded pictures
  int coded_height = 0;
  int width = 0;  // display size: sample aspect ratio applied, then rotation
  int height = 0;
  int rotation_deg = 0;      // clockwise rotation to apply for display: 0, 90, 180, 270
  int64_t frames = 0;        // exact count of frames in presentation order (see ProbeDepth)
  double avg_fps = 0.0;      // stream avg_frame_rate (what torchvision/PyAV report as video_fps)
  double nominal_fps = 0.0;  // stream r_frame_rate
  double fps = 0.0;          // the rate to use: avg_fps, or derived from the frame times
  FpsSource fps_source = FpsSource::Unknown;
  double duration_s = 0.0;
  double start_time_s = 0.0;
  FrameRateMode rate_mode = FrameRateMode::Constant;
  bool has_audio = false;
  bool frames_decoded = false;  // true when `frames` counts decoded pictures, not packets
  QString warning;              // non-empty when the file decodes only partway
};

}  // namespace vs::media
