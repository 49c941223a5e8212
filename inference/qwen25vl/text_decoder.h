#pragma once
// Qwen2.5-VL text decoder (Qwen2_5_VLTextModel + lm_head): GQA attention with q/k/v biases,
// M-RoPE over (t, h, w) position streams split by mrope_section, SwiGLU MLP, RMSNorm, KV cache.
// Phases: hyper-parameters (config) -> bind weights (constructor) -> forward.
#include <ATen/ATen.h>

#include <vector>

#include "inference/checkpoint/qwen25vl_config.h"

namespace vs::qwen25vl {

class WeightBinder;

// Per layer K (after RoPE) and V, [num_kv_heads, capacity, head_dim], filled up to `length`.
class KvCache {
 public:
  KvCache(const checkpoint::Qwen25VLTextConfig& config, int64_t capacity, at::TensorOptions options);
  int64_t length() const { return length_; }
  int64_t capacity() const { return capacity_; }
  // Appends [kv_heads, n, head_dim] and returns the whole filled prefix (views).
  std::pair<at::Tensor, at::Tensor> append(size_t layer, const at::Tensor& k, const at::Tensor& v);
  void advance(int64_t n) { length_ += n; }
  void reset() { length_ = 0; }

 private:
  std::vector<at::Tensor> k_;
  std::vector<at::Tensor> v_;
  int64_t capacity_ = 0;
  int64_t length_ = 0;
};

enum class LogitRows { kAll, kLast };

struct TextTrace {
  std::vector<at::Tensor> layers;  // hidden state after each decoder layer, [L, hidden]
};

class TextDecoder {
 public:
  TextDecoder(const checkpoint::Qwen25VLTextConfig& config, WeightBinder& weights);

  // [L] int64 -> [L, hidden] in the weights' dtype.
  at::Tensor embed(const at::Tensor& ids) const;
  // inputs_embeds [L, hidden]; position_ids [3, L] int64 (t, h, w). Appends to `cache` and returns
  // fp32 logits ([L, vocab] or [1, vocab]).
  at::Tensor forward(const at::Tensor& inputs_embeds, const at::Tensor& position_ids, KvCache& cache,
                     LogitRows rows, TextTrace* trace = nullptr) const;

  const checkpoint::Qwen25VLTextConfig& config() const { return config_; }

 private:
  struct Layer {
    at::Tensor in_norm, post_norm, q_w, q_b, k_w, k_b, v_w, v_b, o_w, gate_w, up_w, down_w;
  };
  // cos/sin [L, head_dim] for the three position streams (Qwen2_5_VLRotaryEmbedding +
  // the section selection of apply_multimodal_rotary_pos_emb).
  std::pair<at::Tensor, at::Tensor> rotaryTables(const at::Tensor& position_ids) const;

  checkpoint::Qwen25VLTextConfig config_;
  at::Tensor embed_tokens_;
  std::vector<Layer> layers_;
  at::Tensor norm_;
  at::Tensor lm_head_;
  at::Tensor inv_freq_;        // fp32 [head_dim/2]
  at::Tensor stream_of_freq_;  // int64 [head_dim/2]: 0 (t), 1 (h), 2 (w)
};

}  // namespace vs::qwen25vl
