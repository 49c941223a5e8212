#pragma once
// M-RoPE position ids of a prompt (transformers 4.x Qwen2_5_VLModel.get_rope_index, one
// unpadded sequence): text runs count up on all three streams; a video's tokens get
// (t, h, w) = (start + long(t * second_per_grid_t * tokens_per_second), start + row, start + col);
// text after a video resumes at max(previous positions) + 1. Decode steps use
// position = cache_length + rope_delta on all streams. Torch-free.
#include <array>
#include <cstdint>
#include <vector>

namespace vs::qwen25vl {

struct VisionGrid {
  std::array<int64_t, 3> thw{0, 0, 0};  // in patches, before the 2x2 merge
  double second_per_grid_t = 1.0;       // videos only; images use 0
};

struct RopeIndex {
  std::array<std::vector<int64_t>, 3> positions;  // t, h, w streams, one entry per token
  int64_t rope_delta = 0;                         // (max position + 1) - number of tokens
};

struct RopeTokenIds {
  int64_t image_token_id = 0;
  int64_t video_token_id = 0;
  int64_t vision_start_token_id = 0;
};

// Throws std::invalid_argument when the pads do not match the grids (count or placement).
RopeIndex ropeIndex(const std::vector<int64_t>& input_ids, const std::vector<VisionGrid>& image_grids,
                    const std::vector<VisionGrid>& video_grids, const RopeTokenIds& ids,
                    int64_t spatial_merge_size, double tokens_per_second);

}  // namespace vs::qwen25vl
