#pragma once
// The Qwen2.5-VL image processor of VideoScore2 (Qwen2VLImageProcessor): its defaults, which are
// Qwen2.5-VL-7B's preprocessor_config.json, and the reading of a checkpoint's file over them.
// The one place both the checkpoint loader and the video sampler take these values from.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace vs::videoscore2 {

// Qwen2VLImageProcessor's defaults.
inline constexpr int64_t kMinPixels = 3136;
inline constexpr int64_t kMaxPixels = 12845056;
inline constexpr int64_t kPatchSize = 14;
inline constexpr int64_t kTemporalPatchSize = 2;
inline constexpr int64_t kMergeSize = 2;
inline constexpr std::array<double, 3> kImageMean{0.48145466, 0.4578275, 0.40821073};  // OPENAI_CLIP_MEAN
inline constexpr std::array<double, 3> kImageStd{0.26862954, 0.26130258, 0.27577711};  // OPENAI_CLIP_STD

struct PreprocessorConfig {
  bool present = false;  // read from a file
  int64_t min_pixels = kMinPixels;
  int64_t max_pixels = kMaxPixels;
  int64_t patch_size = kPatchSize;
  int64_t temporal_patch_size = kTemporalPatchSize;
  int64_t merge_size = kMergeSize;
  std::array<double, 3> image_mean = kImageMean;
  std::array<double, 3> image_std = kImageStd;
  bool do_resize = true;
  bool do_rescale = true;
  double rescale_factor = 1.0 / 255.0;
  bool do_normalize = true;
  std::string image_processor_type = "Qwen2VLImageProcessor";
  std::optional<double> fps;  // a video processor's sampling rate, when the file names one
};

// `text` is the file's content, `file` labels errors. Throws inference::Error(InvalidData) naming
// the file and the key: a damaged file is an error, never silently the defaults.
PreprocessorConfig parsePreprocessorConfig(const std::string& text, const std::string& file);

// model_dir/preprocessor_config.json over the defaults; the defaults (present false) when the
// checkpoint has no such file. Throws inference::Error (Io: unreadable, InvalidData: damaged).
PreprocessorConfig readPreprocessorConfig(const std::string& model_dir);

}  // namespace vs::videoscore2
