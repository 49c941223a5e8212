#pragma once
// Qwen2.5-VL vision tower (Qwen2_5_VisionTransformerPretrainedModel): patch embed -> 2-D rotary
// -> window reorder -> blocks (windowed / full attention) -> patch merger -> un-reorder.
// Phases: hyper-parameters (config) -> bind weights (constructor) -> forward.
#include <ATen/ATen.h>

#include <array>
#include <vector>

#include "inference/checkpoint/qwen25vl_config.h"

namespace vs::qwen25vl {

class WeightBinder;

// Named intermediates of one forward, for golden-vector diffs (filled only when requested).
struct VisionTrace {
  at::Tensor patch_embed;          // [N, hidden], natural patch order
  at::Tensor window_index;         // [N/4] int64
  at::Tensor cu_window_seqlens;    // int64, after unique_consecutive
  at::Tensor cu_seqlens;           // int64, one segment per temporal slice
  at::Tensor rotary_angles;        // [N, head_dim/2] fp32, window order
  std::vector<at::Tensor> blocks;  // block outputs, window order
  at::Tensor merger_windowed;      // [N/4, out_hidden] before the un-reorder
};

// Window index and segment boundaries of get_window_index (exposed for tests).
struct WindowLayout {
  std::vector<int64_t> window_index;       // merged-token order inside windows
  std::vector<int64_t> cu_window_seqlens;  // patch boundaries, zero-length windows removed
};
WindowLayout windowLayout(const std::array<int64_t, 3>& grid_thw,
                          const checkpoint::Qwen25VLVisionConfig& config);

class VisionTower {
 public:
  VisionTower(const checkpoint::Qwen25VLVisionConfig& config, WeightBinder& weights);

  // pixel_values [gt*gh*gw, patchDim] (any float dtype; cast to the weights' dtype);
  // returns [gt*gh*gw/4, out_hidden_size] in natural (t, row, col) order.
  at::Tensor forward(const at::Tensor& pixel_values, const std::array<int64_t, 3>& grid_thw,
                     VisionTrace* trace = nullptr) const;

 private:
  struct Block {
    at::Tensor norm1, norm2, qkv_w, qkv_b, proj_w, proj_b, gate_w, gate_b, up_w, up_b, down_w, down_b;
    bool full_attention = false;
  };
  at::Tensor attentionOverSegments(const at::Tensor& x, const Block& block, const std::vector<int64_t>& cu,
                                   const at::Tensor& cos, const at::Tensor& sin) const;

  checkpoint::Qwen25VLVisionConfig config_;
  at::Tensor patch_w_;  // [hidden, patchDim]: the Conv3d kernel flattened (stride == kernel)
  std::vector<Block> blocks_;
  at::Tensor ln_q_, mlp0_w_, mlp0_b_, mlp2_w_, mlp2_b_;
  at::Tensor inv_freq_;  // fp32 [head_dim/4]
};

}  // namespace vs::qwen25vl
