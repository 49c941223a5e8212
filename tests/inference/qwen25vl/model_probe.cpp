// The one torch translation unit of the Qwen2.5-VL parity test.
#include "tests/inference/qwen25vl/model_probe.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <cstring>

#include "inference/checkpoint/checkpoint.h"
#include "inference/qwen25vl/rope_index.h"
#include "inference/qwen25vl/text_decoder.h"
#include "inference/qwen25vl/vision_tower.h"
#include "inference/qwen25vl/weight_binder.h"
#include "inference/safetensors/safetensors_file.h"

namespace vs::test {
namespace {

at::Tensor goldenTensor(const safetensors::SafetensorsFile& file, const std::string& name) {
  const auto* v = file.find(name);
  if (v == nullptr) {
    throw std::runtime_error("golden tensor missing: " + name);
  }
  const auto type = v->dtype == safetensors::Dtype::I64 ? at::kLong : at::kFloat;
  auto t = at::empty(v->shape, at::TensorOptions().dtype(type));
  std::memcpy(t.data_ptr(), v->data, v->byte_size);
  return t;
}

ProbeDiff compare(const std::string& name, const at::Tensor& ours, const at::Tensor& golden) {
  ProbeDiff d;
  d.name = name;
  d.exact = golden.scalar_type() == at::kLong;
  const auto a = ours.to(at::kCPU);
  d.shape_ok = a.sizes() == golden.sizes();
  if (!d.shape_ok) {
    d.max_abs_diff = 1e30;
    return d;
  }
  if (d.exact) {
    d.max_abs_diff = static_cast<double>((a.to(at::kLong) != golden).sum().item<int64_t>());
  } else {
    d.max_abs_diff = (a.to(at::kFloat) - golden).abs().max().item<double>();
  }
  return d;
}

}  // namespace

std::vector<ProbeDiff> probeForward(const std::string& model_dir, const std::string& golden_path,
                                    const std::string& dtype, const std::vector<int64_t>& grid_thw) {
  c10::InferenceMode guard;
  const auto golden = safetensors::SafetensorsFile::open(golden_path);
  const auto cp = checkpoint::Checkpoint::open(model_dir);
  const auto options = at::TensorOptions().dtype(dtype == "bf16" ? at::kBFloat16 : at::kFloat);
  qwen25vl::WeightBinder binder(cp, options);
  const qwen25vl::VisionTower vision(cp.config().vision, binder);
  const qwen25vl::TextDecoder text(cp.config().text, binder);
  std::vector<ProbeDiff> out;

  // Vision
  const auto pixels = goldenTensor(golden, "pixel_values_videos");
  const auto ids = goldenTensor(golden, "input_ids");
  const auto golden_positions = goldenTensor(golden, "position_ids");
  const int64_t merge = cp.config().vision.spatial_merge_size;
  const auto video_rows = (ids == cp.config().tokens.video_token_id).nonzero().view({-1});
  const std::array<int64_t, 3> grid{grid_thw[0], grid_thw[1], grid_thw[2]};

  qwen25vl::VisionTrace trace;
  const auto video_embeds = vision.forward(pixels, grid, &trace);
  out.push_back(
      compare("vision.window_index", trace.window_index, goldenTensor(golden, "vision.window_index")));
  out.push_back(compare("vision.cu_window_seqlens", trace.cu_window_seqlens,
                        goldenTensor(golden, "vision.cu_window_seqlens")));
  out.push_back(compare("vision.cu_seqlens", trace.cu_seqlens, goldenTensor(golden, "vision.cu_seqlens")));
  out.push_back(
      compare("vision.rotary_angles", trace.rotary_angles, goldenTensor(golden, "vision.rotary_angles")));
  out.push_back(compare("vision.patch_embed", trace.patch_embed, goldenTensor(golden, "vision.patch_embed")));
  for (size_t i = 0; i < trace.blocks.size(); ++i) {
    const std::string name = "vision.block" + std::to_string(i);
    out.push_back(compare(name, trace.blocks[i], goldenTensor(golden, name)));
  }
  out.push_back(compare("vision.merger_windowed", trace.merger_windowed,
                        goldenTensor(golden, "vision.merger_windowed")));
  out.push_back(compare("vision.output", video_embeds, goldenTensor(golden, "vision.output")));

  // Positions
  std::vector<int64_t> id_list(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + ids.numel());
  const auto& tok = cp.config().tokens;
  const auto rope = qwen25vl::ropeIndex(id_list, {}, {qwen25vl::VisionGrid{grid, 1.0}},
                                        {tok.image_token_id, tok.video_token_id, tok.vision_start_token_id},
                                        merge, cp.config().vision.tokens_per_second);
  auto positions = at::empty({3, ids.numel()}, at::TensorOptions().dtype(at::kLong));
  for (int64_t s = 0; s < 3; ++s) {
    const auto& p = rope.positions[static_cast<size_t>(s)];
    std::copy(p.begin(), p.end(), positions[s].data_ptr<int64_t>());
  }
  out.push_back(compare("position_ids", positions, golden_positions));

  // Text prefill (embeddings with the video rows scattered in)
  auto embeds = text.embed(ids);
  embeds.index_copy_(0, video_rows, video_embeds.to(embeds.scalar_type()));
  out.push_back(compare("text.inputs_embeds", embeds, goldenTensor(golden, "text.inputs_embeds")));
  qwen25vl::KvCache cache(cp.config().text, ids.numel() + 8, options);
  qwen25vl::TextTrace text_trace;
  const auto logits = text.forward(embeds, positions, cache, qwen25vl::LogitRows::kAll, &text_trace);
  for (size_t l = 0; l < text_trace.layers.size(); ++l) {
    const std::string name = "text.layer" + std::to_string(l);
    out.push_back(compare(name, text_trace.layers[l], goldenTensor(golden, name)));
  }
  out.push_back(compare("prefill_logits", logits, goldenTensor(golden, "prefill_logits")));
  return out;
}

}  // namespace vs::test
