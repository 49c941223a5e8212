#include "inference/qwen25vl/text_decoder.h"

#include <cmath>
#include <limits>
#include <string>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/qwen25vl/tensor_ops.h"
#include "inference/qwen25vl/weight_binder.h"

namespace vs::qwen25vl {

KvCache::KvCache(const checkpoint::Qwen25VLTextConfig& c, int64_t capacity, at::TensorOptions options)
    : capacity_(capacity) {
  for (int64_t l = 0; l < c.num_hidden_layers; ++l) {
    k_.push_back(at::empty({c.num_key_value_heads, capacity, c.head_dim}, options));
    v_.push_back(at::empty({c.num_key_value_heads, capacity, c.head_dim}, options));
  }
}

std::pair<at::Tensor, at::Tensor> KvCache::append(size_t layer, const at::Tensor& k, const at::Tensor& v) {
  const int64_t n = k.size(1);
  if (length_ + n > capacity_) {
    throw inference::Error(inference::Error::Kind::Internal, "KV cache capacity exceeded");
  }
  k_[layer].narrow(1, length_, n).copy_(k);
  v_[layer].narrow(1, length_, n).copy_(v);
  return {k_[layer].narrow(1, 0, length_ + n), v_[layer].narrow(1, 0, length_ + n)};
}

TextDecoder::TextDecoder(const checkpoint::Qwen25VLTextConfig& config, WeightBinder& w) : config_(config) {
  const int64_t d = config.hidden_size;
  const int64_t hd = config.head_dim;
  const int64_t q_out = config.num_attention_heads * hd;
  const int64_t kv_out = config.num_key_value_heads * hd;
  const int64_t inter = config.intermediate_size;
  if (config.num_attention_heads % config.num_key_value_heads != 0 || hd % 2 != 0) {
    throw inference::Error(inference::Error::Kind::BadModel,
                           "text heads / kv heads / head_dim are inconsistent");
  }
  int64_t section_sum = 0;
  std::vector<int64_t> stream;
  for (size_t s = 0; s < config.mrope_section.size(); ++s) {
    section_sum += config.mrope_section[s];
    for (int64_t j = 0; j < config.mrope_section[s]; ++j) {
      stream.push_back(static_cast<int64_t>(s % 3));
    }
  }
  if (section_sum != hd / 2) {
    throw inference::Error(inference::Error::Kind::BadModel, "mrope_section does not sum to head_dim / 2");
  }
  embed_tokens_ = w.bind("model.embed_tokens.weight", {config.vocab_size, d});
  for (int64_t l = 0; l < config.num_hidden_layers; ++l) {
    const std::string p = "model.layers." + std::to_string(l);
    Layer L;
    L.in_norm = w.bind(p + ".input_layernorm.weight", {d});
    L.post_norm = w.bind(p + ".post_attention_layernorm.weight", {d});
    L.q_w = w.bind(p + ".self_attn.q_proj.weight", {q_out, d});
    L.q_b = w.bind(p + ".self_attn.q_proj.bias", {q_out});
    L.k_w = w.bind(p + ".self_attn.k_proj.weight", {kv_out, d});
    L.k_b = w.bind(p + ".self_attn.k_proj.bias", {kv_out});
    L.v_w = w.bind(p + ".self_attn.v_proj.weight", {kv_out, d});
    L.v_b = w.bind(p + ".self_attn.v_proj.bias", {kv_out});
    L.o_w = w.bind(p + ".self_attn.o_proj.weight", {d, q_out});
    L.gate_w = w.bind(p + ".mlp.gate_proj.weight", {inter, d});
    L.up_w = w.bind(p + ".mlp.up_proj.weight", {inter, d});
    L.down_w = w.bind(p + ".mlp.down_proj.weight", {d, inter});
    layers_.push_back(std::move(L));
  }
  norm_ = w.bind("model.norm.weight", {d});
  // The checkpoint layer resolves a tied lm_head to embed_tokens; bind it as a separate copy only
  // when it is a different tensor.
  lm_head_ = w.bind("lm_head.weight", {config.vocab_size, d});
  // Default RoPE init: 1 / theta^(arange(0, dim, 2, int64).float() / dim), fp32.
  const auto exponents =
      at::arange(0, hd, 2, at::TensorOptions().dtype(at::kLong)).to(at::kFloat) / static_cast<double>(hd);
  inv_freq_ = at::reciprocal(at::pow(config.rope_theta, exponents)).to(w.options().device());
  stream_of_freq_ = at::tensor(stream, at::TensorOptions().dtype(at::kLong)).to(w.options().device());
}

at::Tensor TextDecoder::embed(const at::Tensor& ids) const {
  return embed_tokens_.index_select(0, ids.to(embed_tokens_.device()));
}

std::pair<at::Tensor, at::Tensor> TextDecoder::rotaryTables(const at::Tensor& position_ids) const {
  const int64_t len = position_ids.size(1);
  // freqs[s, i, j] = pos[s, i] * inv_freq[j] in fp32 (the [d/2 x 1] @ [1 x L] matmul of HF).
  const auto freqs = position_ids.to(at::kFloat).unsqueeze(-1) * inv_freq_;  // [3, L, d/2]
  // apply_multimodal_rotary_pos_emb: frequency j takes the stream its mrope_section names.
  const auto index = stream_of_freq_.view({1, 1, -1}).expand({1, len, -1});
  const auto angle = freqs.gather(0, index).squeeze(0);  // [L, d/2]
  const auto emb = at::cat({angle, angle}, -1);
  return {emb.cos(), emb.sin()};
}

at::Tensor TextDecoder::forward(const at::Tensor& inputs_embeds, const at::Tensor& position_ids,
                                KvCache& cache, LogitRows rows, TextTrace* trace) const {
  const int64_t len = inputs_embeds.size(0);
  const int64_t heads = config_.num_attention_heads;
  const int64_t kv_heads = config_.num_key_value_heads;
  const int64_t group = heads / kv_heads;
  const int64_t hd = config_.head_dim;
  const double eps = config_.rms_norm_eps;
  const auto dtype = embed_tokens_.scalar_type();
  const auto dev = embed_tokens_.device();
  const int64_t past = cache.length();

  auto [cos, sin] = rotaryTables(position_ids.to(dev));
  // HF casts cos/sin to the activation dtype before the multiply (bf16 runs rotate in bf16).
  cos = cos.to(dtype).unsqueeze(0);
  sin = sin.to(dtype).unsqueeze(0);
  at::Tensor mask;
  if (len > 1) {
    // create_causal_mask: query i (absolute past + i) sees keys 0 .. past + i.
    mask =
        at::full({len, past + len}, -std::numeric_limits<float>::infinity(), at::TensorOptions().device(dev))
            .triu(past + 1)
            .to(dtype);
  }
  const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
  if (trace != nullptr) {
    trace->layers.clear();
  }

  auto x = inputs_embeds.to(dev, dtype);
  for (size_t l = 0; l < layers_.size(); ++l) {
    const Layer& L = layers_[l];
    const auto h = ops::rmsNorm(x, L.in_norm, eps);
    auto q = ops::linear(h, L.q_w, L.q_b).view({len, heads, hd}).transpose(0, 1);
    auto k = ops::linear(h, L.k_w, L.k_b).view({len, kv_heads, hd}).transpose(0, 1);
    const auto v = ops::linear(h, L.v_w, L.v_b).view({len, kv_heads, hd}).transpose(0, 1);
    q = q * cos + ops::rotateHalf(q) * sin;
    k = k * cos + ops::rotateHalf(k) * sin;
    const auto [keys, values] = cache.append(l, k, v);
    at::Tensor attn;
    if (dev.is_cuda()) {
      // repeat_kv for the fused kernels, which want equal head counts.
      const int64_t s = keys.size(1);
      attn = ops::attention(q.unsqueeze(0),
                            keys.unsqueeze(1).expand({kv_heads, group, s, hd}).reshape({1, heads, s, hd}),
                            values.unsqueeze(1).expand({kv_heads, group, s, hd}).reshape({1, heads, s, hd}),
                            scale, mask)
                 .squeeze(0);
    } else {
      // repeat_kv as a broadcast: query head h uses kv head h / group.
      attn = ops::attention(q.reshape({kv_heads, group, len, hd}), keys.unsqueeze(1), values.unsqueeze(1),
                            scale, mask)
                 .reshape({heads, len, hd});
    }
    x = x + ops::linear(attn.transpose(0, 1).reshape({len, heads * hd}), L.o_w);
    const auto m = ops::rmsNorm(x, L.post_norm, eps);
    x = x + ops::linear(at::silu(ops::linear(m, L.gate_w)) * ops::linear(m, L.up_w), L.down_w);
    if (trace != nullptr) {
      trace->layers.push_back(x);
    }
  }
  cache.advance(len);
  auto last = rows == LogitRows::kLast ? x.narrow(0, len - 1, 1) : x;
  last = ops::rmsNorm(last, norm_, eps);
  return ops::linear(last, lm_head_).to(at::kFloat);
}

}  // namespace vs::qwen25vl
