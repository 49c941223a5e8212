#pragma once
// Parameters of the Qwen-VL video sampling, with qwen-vl-utils' defaults (vision_process.py) and
// the Qwen2.5-VL processor's (preprocessor_config.json). Values found in a checkpoint's
// preprocessor_config.json override the processor fields.
#include <QString>
#include <array>
#include <cstdint>
#include <optional>

#include "inference/rules/preprocessor_config.h"

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
  // HF Qwen2VL processor (inference/rules/preprocessor_config.h)
  int patch_size = static_cast<int>(videoscore2::kPatchSize);
  int temporal_patch_size = static_cast<int>(videoscore2::kTemporalPatchSize);
  int merge_size = static_cast<int>(videoscore2::kMergeSize);
  std::array<float, 3> image_mean{static_cast<float>(videoscore2::kImageMean[0]),
                                  static_cast<float>(videoscore2::kImageMean[1]),
                                  static_cast<float>(videoscore2::kImageMean[2])};
  std::array<float, 3> image_std{static_cast<float>(videoscore2::kImageStd[0]),
                                 static_cast<float>(videoscore2::kImageStd[1]),
                                 static_cast<float>(videoscore2::kImageStd[2])};

  int factor() const { return patch_size * merge_size; }  // 28

  // `base` with patch_size, temporal_patch_size, merge_size, image_mean, image_std (and fps when
  // the file names one) of a preprocessor_config.json, read by videoscore2::
  // parsePreprocessorConfig. Throws vs::Error (Io / InvalidData) naming the file and the key.
  static SamplerConfig fromPreprocessorConfig(const QString& path, const SamplerConfig& base);
  static SamplerConfig fromPreprocessorConfig(const QString& path);
  // The sampling of a checkpoint at `fps`: modelDir/preprocessor_config.json over the processor
  // defaults; the defaults when modelDir is empty or has no such file. A damaged file is an
  // error (vs::Error InvalidData naming it), never silently the defaults.
  static SamplerConfig forModel(const QString& modelDir, double fps);
  // `base` with a parsed preprocessor config's processor fields.
  static SamplerConfig fromPreprocessor(const videoscore2::PreprocessorConfig& p, const SamplerConfig& base);
};

}  // namespace vs::media
