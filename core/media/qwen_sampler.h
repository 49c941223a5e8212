#pragma once
// The Qwen-VL video sampler, as qwen-vl-utils fetch_video + the HF Qwen2VL video processor do it
// for VideoScore2: which frames, what size, which pixels, in the vision tower's patch order.
// The numeric steps are free functions so each one is testable against the Python reference.
#include <QString>
#include <array>
#include <cstdint>
#include <vector>

#include "core/media/media_info.h"
#include "core/media/sampler_config.h"
#include "core/media/video_frame.h"

namespace vs::media {

struct ResizedSize {
  int height = 0;
  int width = 0;
  bool operator==(const ResizedSize& o) const { return height == o.height && width == o.width; }
};

// qwen-vl-utils smart_nframes (fps or nframes mode). Throws vs::Error InvalidData when the clip is
// too short for the rules (fewer than frame_factor frames).
int64_t smartNframes(int64_t total_frames, double video_fps, const SamplerConfig& config);

// torch.linspace(0, total-1, n) (float32, CPU kernel) .round() (half to even) — the frame indices.
std::vector<int64_t> sampleIndices(int64_t total_frames, int64_t nframes);

// Per-frame pixel budget of fetch_video: max(min(VIDEO_MAX_PIXELS, total_pixels/n*2), min*1.05),
// then lowered by config.max_pixels when given.
int64_t maxPixelsPerFrame(int64_t nframes, const SamplerConfig& config);

// qwen-vl-utils smart_resize (Python round = half to even). Throws vs::Error InvalidData when the
// aspect ratio exceeds 200.
ResizedSize smartResize(int height, int width, int factor, int64_t min_pixels, int64_t max_pixels);

// pixel_values_videos of the HF processor: frames (all height x width, count even or padded by
// repeating the last) rescaled by 1/255, normalised, patchified to [t*h*w, 3*tp*ps*ps].
struct PatchGrid {
  std::vector<float> values;  // row-major [rows, cols]
  int64_t rows = 0;
  int64_t cols = 0;  // 3 * temporal_patch_size * patch_size^2 = 1176
  std::array<int64_t, 3> grid_thw{0, 0, 0};
};
PatchGrid patchify(const std::vector<RgbImage>& frames, const SamplerConfig& config);

struct SampledVideo {
  int64_t total_frames = 0;
  double video_fps = 0.0;
  FpsSource fps_source = FpsSource::Unknown;  // FrameTimes: the container gave no rate
  int64_t nframes = 0;
  std::vector<int64_t> indices;  // frames the model sees (presentation order, 0-based)
  std::vector<double> times_s;   // their presentation times
  int source_height = 0;
  int source_width = 0;
  ResizedSize resized;
  std::vector<RgbImage> frames;    // resized, uint8 (what enters the processor)
  PatchGrid pixels;                // pixel_values_videos + grid_thw
  double second_per_grid_t = 1.0;  // temporal_patch_size / fps (processor fps kwarg)
  QString warning;                 // non-empty if the file decoded only partway
};

enum class SampleOutput { IndicesOnly, Frames, Patches };

// Decodes `path` and samples it. Throws vs::Error (Io / InvalidData).
SampledVideo sampleVideo(const QString& path, const SamplerConfig& config,
                         SampleOutput output = SampleOutput::Patches);

}  // namespace vs::media
