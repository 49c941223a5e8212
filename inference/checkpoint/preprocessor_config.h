#pragma once
// preprocessor_config.json (Qwen2VLImageProcessor). Defaults: Qwen2.5-VL-7B's file.
#include <array>
#include <cstdint>
#include <string>

namespace vs::checkpoint {

struct PreprocessorConfig {
  bool present = false;  // the file existed
  int64_t min_pixels = 3136;
  int64_t max_pixels = 12845056;
  int64_t patch_size = 14;
  int64_t temporal_patch_size = 2;
  int64_t merge_size = 2;
  std::array<double, 3> image_mean = {0.48145466, 0.4578275, 0.40821073};
  std::array<double, 3> image_std = {0.26862954, 0.26130258, 0.27577711};
  bool do_resize = true;
  bool do_rescale = true;
  double rescale_factor = 1.0 / 255.0;
  bool do_normalize = true;
  std::string image_processor_type = "Qwen2VLImageProcessor";
};

}  // namespace vs::checkpoint
