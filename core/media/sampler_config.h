#pragma once
// Parameters of the Qwen-VL video sampling, with qwen-vl-utils' defaults (vision_process.py) and
// the Qwen2.5-VL processor's (preprocessor_config.json). Values found in a checkpoint's
// preprocessor_config.json override the processor fields.
#include <QString>
#include <array>
#include <cstdint>
#include <optional>

namespace vs::media {

struct SamplerConfig {
  // qwen-vl-utils (smart_nframes / fetch_video)
  double fps = 2.0;                                // VideoScore2 passes fps=2.0
  std::optional<int64_t> nframes;                  // alternative to fps ("nframes" key)
  int64_t min_frames = 4;                          // FPS_MIN_FRAMES
  int64_t max_frames = 768;                        // FPS_MAX_FRAMES
  int64_t frame_factor = 2;                        // FRAME_FACTOR
  int64_t min_pixels = 128 * 28 * 28;              // VIDEO_MIN_PIXELS
  int64_t video_max_pixels = 768 * 28 * 28;        // VIDEO_MAX_PIXELS
  double total_pixels = 128000.0 * 28 * 28 * 0.9;  // VIDEO_TOTAL_PIXELS
  std::optional<int64_t> max_pixels;               // per-video "max_pixels" key (only lowers the budget)
  // HF Qwen2VL processor
  int patch_size = 14;
  int temporal_patch_size = 2;
  int merge_size = 2;
  std::array<float, 3> image_mean{0.48145466f, 0.4578275f, 0.40821073f};  // OPENAI_CLIP_MEAN
  std::array<float, 3> image_std{0.26862954f, 0.26130258f, 0.27577711f};  // OPENAI_CLIP_STD

  int factor() const { return patch_size * merge_size; }  // 28

  // Reads patch_size, temporal_patch_size, merge_size, image_mean, image_std from a
  // preprocessor_config.json. Throws vs::Error (Io / InvalidData) naming the file.
  static SamplerConfig fromPreprocessorConfig(const QString& path, const SamplerConfig& base);
  static SamplerConfig fromPreprocessorConfig(const QString& path);
};

}  // namespace vs::media
