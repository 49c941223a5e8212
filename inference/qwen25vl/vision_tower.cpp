#include "inference/qwen25vl/vision_tower.h"

#include <map>
#include <string>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/qwen25vl/tensor_ops.h"
#include "inference/qwen25vl/weight_binder.h"

namespace vs::qwen25vl {
namespace {

at::Tensor longTensor(const std::vector<int64_t>& values) {
  return at::tensor(values, at::TensorOptions().dtype(at::kLong));
}

}  // namespace

// get_window_index: windows of window_size/merge/patch merged tokens per side, padded on the
// bottom/right (a whole empty window row/col when the grid divides evenly — empty windows vanish),
// enumerated t-major, row-major; cu_window_seqlens counts patches (4 per merged token).
WindowLayout windowLayout(const std::array<int64_t, 3>& thw, const checkpoint::Qwen25VLVisionConfig& c) {
  const int64_t merge = c.spatial_merge_size;
  const int64_t unit = merge * merge;
  const int64_t ws = c.window_size / merge / c.patch_size;
  const int64_t gt = thw[0];
  const int64_t lh = thw[1] / merge;
  const int64_t lw = thw[2] / merge;
  const int64_t nwh = (lh + ws - lh % ws) / ws;
  const int64_t nww = (lw + ws - lw % ws) / ws;
  WindowLayout out;
  out.window_index.reserve(static_cast<size_t>(gt * lh * lw));
  out.cu_window_seqlens.push_back(0);
  for (int64_t t = 0; t < gt; ++t) {
    for (int64_t wy = 0; wy < nwh; ++wy) {
      for (int64_t wx = 0; wx < nww; ++wx) {
        int64_t count = 0;
        for (int64_t r = wy * ws; r < std::min((wy + 1) * ws, lh); ++r) {
          for (int64_t col = wx * ws; col < std::min((wx + 1) * ws, lw); ++col) {
            out.window_index.push_back((t * lh + r) * lw + col);
            ++count;
          }
        }
        // torch.unique_consecutive on the cumulative sums drops the empty windows.
        if (count > 0) {
          out.cu_window_seqlens.push_back(out.cu_window_seqlens.back() + count * unit);
        }
      }
    }
  }
  return out;
}

VisionTower::VisionTower(const checkpoint::Qwen25VLVisionConfig& config, WeightBinder& w) : config_(config) {
  const int64_t d = config.hidden_size;
  const int64_t inter = config.intermediate_size;
  const int64_t merged = config.mergerHiddenSize();
  if (d % config.num_heads != 0 || (config.headDim() / 2) % 2 != 0) {
    throw inference::Error(inference::Error::Kind::BadModel,
                           "vision hidden_size / num_heads does not give an even rotary dim");
  }
  patch_w_ = w.bind("visual.patch_embed.proj.weight",
                    {d, config.in_channels, config.temporal_patch_size, config.patch_size, config.patch_size})
                 .reshape({d, config.patchDim()});
  for (int64_t i = 0; i < config.depth; ++i) {
    const std::string p = "visual.blocks." + std::to_string(i);
    Block b;
    b.norm1 = w.bind(p + ".norm1.weight", {d});
    b.norm2 = w.bind(p + ".norm2.weight", {d});
    b.qkv_w = w.bind(p + ".attn.qkv.weight", {3 * d, d});
    b.qkv_b = w.bind(p + ".attn.qkv.bias", {3 * d});
    b.proj_w = w.bind(p + ".attn.proj.weight", {d, d});
    b.proj_b = w.bind(p + ".attn.proj.bias", {d});
    b.gate_w = w.bind(p + ".mlp.gate_proj.weight", {inter, d});
    b.gate_b = w.bind(p + ".mlp.gate_proj.bias", {inter});
    b.up_w = w.bind(p + ".mlp.up_proj.weight", {inter, d});
    b.up_b = w.bind(p + ".mlp.up_proj.bias", {inter});
    b.down_w = w.bind(p + ".mlp.down_proj.weight", {d, inter});
    b.down_b = w.bind(p + ".mlp.down_proj.bias", {d});
    for (int64_t full : config.fullatt_block_indexes) {
      b.full_attention = b.full_attention || full == i;
    }
    blocks_.push_back(std::move(b));
  }
  ln_q_ = w.bind("visual.merger.ln_q.weight", {d});
  mlp0_w_ = w.bind("visual.merger.mlp.0.weight", {merged, merged});
  mlp0_b_ = w.bind("visual.merger.mlp.0.bias", {merged});
  mlp2_w_ = w.bind("visual.merger.mlp.2.weight", {config.out_hidden_size, merged});
  mlp2_b_ = w.bind("visual.merger.mlp.2.bias", {config.out_hidden_size});
  // Qwen2_5_VisionRotaryEmbedding(head_dim / 2): 1 / 10000^(arange(0, dim, 2) / dim), fp32.
  const int64_t dim = config.headDim() / 2;
  const auto exponents =
      at::arange(0, dim, 2, at::TensorOptions().dtype(at::kFloat)) / static_cast<double>(dim);
  inv_freq_ = at::reciprocal(at::pow(10000.0, exponents)).to(w.options().device());
}

at::Tensor VisionTower::attentionOverSegments(const at::Tensor& x, const Block& b,
                                              const std::vector<int64_t>& cu, const at::Tensor& cos,
                                              const at::Tensor& sin) const {
  const int64_t n = x.size(0);
  const int64_t heads = config_.num_heads;
  const int64_t hd = config_.headDim();
  const auto qkv = ops::linear(x, b.qkv_w, b.qkv_b).view({n, 3, heads, hd}).permute({1, 0, 2, 3});
  // apply_rotary_pos_emb_vision: always in fp32, cast back.
  auto rope = [&](const at::Tensor& t) {
    const auto f = t.to(at::kFloat);
    return (f * cos.unsqueeze(1) + ops::rotateHalf(f) * sin.unsqueeze(1)).to(x.scalar_type());
  };
  const auto q = rope(qkv[0]);
  const auto k = rope(qkv[1]);
  const auto v = qkv[2];
  const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
  // Block-diagonal attention: one softmax per [cu[j], cu[j+1]) segment, as HF's per-chunk loop.
  // Segments of equal length are batched into one call.
  std::map<int64_t, std::vector<int64_t>> starts_by_length;
  for (size_t j = 0; j + 1 < cu.size(); ++j) {
    starts_by_length[cu[j + 1] - cu[j]].push_back(cu[j]);
  }
  auto out = at::empty({n, heads * hd}, x.options());
  for (const auto& [len, starts] : starts_by_length) {
    const auto g = static_cast<int64_t>(starts.size());
    const auto idx = (longTensor(starts).unsqueeze(1) + at::arange(len, at::TensorOptions().dtype(at::kLong)))
                         .reshape({-1})
                         .to(x.device());
    auto gather = [&](const at::Tensor& t) {
      return t.index_select(0, idx).view({g, len, heads, hd}).transpose(1, 2);
    };
    const auto o = ops::attention(gather(q), gather(k), gather(v), scale);
    out.index_copy_(0, idx, o.transpose(1, 2).reshape({g * len, heads * hd}));
  }
  return ops::linear(out, b.proj_w, b.proj_b);
}

at::Tensor VisionTower::forward(const at::Tensor& pixel_values, const std::array<int64_t, 3>& thw,
                                VisionTrace* trace) const {
  const int64_t merge = config_.spatial_merge_size;
  const int64_t unit = merge * merge;
  const int64_t n = thw[0] * thw[1] * thw[2];
  if (pixel_values.dim() != 2 || pixel_values.size(0) != n || pixel_values.size(1) != config_.patchDim() ||
      thw[1] % merge != 0 || thw[2] % merge != 0) {
    throw inference::Error(inference::Error::Kind::BadInput,
                           "pixel_values do not match grid_thw / the patch size");
  }
  const auto dev = patch_w_.device();
  // Qwen2_5_VisionPatchEmbed: a Conv3d with stride == kernel is one matmul over flattened patches.
  auto h = at::matmul(pixel_values.to(dev, patch_w_.scalar_type()), patch_w_.t());
  if (trace != nullptr) {
    trace->patch_embed = h;
  }

  // rot_pos_emb: (row, col) of every patch in 2x2-merge order, repeated per temporal slice.
  std::vector<int64_t> hpos;
  std::vector<int64_t> wpos;
  hpos.reserve(static_cast<size_t>(n));
  wpos.reserve(static_cast<size_t>(n));
  for (int64_t t = 0; t < thw[0]; ++t) {
    for (int64_t br = 0; br < thw[1] / merge; ++br) {
      for (int64_t bc = 0; bc < thw[2] / merge; ++bc) {
        for (int64_t mr = 0; mr < merge; ++mr) {
          for (int64_t mc = 0; mc < merge; ++mc) {
            hpos.push_back(br * merge + mr);
            wpos.push_back(bc * merge + mc);
          }
        }
      }
    }
  }
  auto angles = at::cat({longTensor(hpos).to(dev).to(at::kFloat).unsqueeze(1) * inv_freq_,
                         longTensor(wpos).to(dev).to(at::kFloat).unsqueeze(1) * inv_freq_},
                        1);

  const WindowLayout layout = windowLayout(thw, config_);
  const auto window_index = longTensor(layout.window_index).to(dev);
  h = h.view({n / unit, unit, -1}).index_select(0, window_index).reshape({n, -1});
  angles = angles.view({n / unit, unit, -1}).index_select(0, window_index).reshape({n, -1});
  const auto emb = at::cat({angles, angles}, -1);
  const auto cos = emb.cos();
  const auto sin = emb.sin();
  std::vector<int64_t> cu_full{0};
  for (int64_t t = 0; t < thw[0]; ++t) {
    cu_full.push_back(cu_full.back() + thw[1] * thw[2]);  // full attention is per temporal slice
  }
  if (trace != nullptr) {
    trace->window_index = window_index;
    trace->cu_window_seqlens = longTensor(layout.cu_window_seqlens);
    trace->cu_seqlens = longTensor(cu_full);
    trace->rotary_angles = angles;
    trace->blocks.clear();
  }

  const double eps = config_.rms_norm_eps;
  for (const Block& b : blocks_) {
    const auto& cu = b.full_attention ? cu_full : layout.cu_window_seqlens;
    h = h + attentionOverSegments(ops::rmsNorm(h, b.norm1, eps), b, cu, cos, sin);
    const auto x = ops::rmsNorm(h, b.norm2, eps);
    h = h + ops::linear(at::silu(ops::linear(x, b.gate_w, b.gate_b)) * ops::linear(x, b.up_w, b.up_b),
                        b.down_w, b.down_b);
    if (trace != nullptr) {
      trace->blocks.push_back(h);
    }
  }

  // Qwen2_5_VLPatchMerger: RMSNorm per patch, 4 patches of a merge unit side by side, MLP with
  // exact (erf) GELU.
  auto merged = ops::rmsNorm(h, ln_q_, eps).view({n / unit, config_.mergerHiddenSize()});
  merged = ops::linear(at::gelu(ops::linear(merged, mlp0_w_, mlp0_b_)), mlp2_w_, mlp2_b_);
  if (trace != nullptr) {
    trace->merger_windowed = merged;
  }
  // hidden_states[argsort(window_index)]: the inverse permutation.
  const auto inverse = at::empty_like(window_index);
  inverse.index_copy_(0, window_index, at::arange(window_index.size(0), window_index.options()));
  return merged.index_select(0, inverse);
}

}  // namespace vs::qwen25vl
