#pragma once
// Small tensor helpers shared by the vision tower and the text decoder (header-only, included by
// those two torch translation units only).
#include <ATen/ATen.h>

#if __has_include(<ATen/ops/scaled_dot_product_attention.h>)
#define VS_HAVE_PUBLIC_SDPA 1
#endif

namespace vs::qwen25vl::ops {

// Qwen2RMSNorm.forward: statistics in fp32, cast back to the input dtype, THEN x weight.
inline at::Tensor rmsNorm(const at::Tensor& x, const at::Tensor& weight, double eps) {
  const auto h = x.to(at::kFloat);
  const auto variance = h.pow(2).mean(-1, /*keepdim=*/true);
  return weight * (h * at::rsqrt(variance + eps)).to(x.scalar_type());
}

inline at::Tensor linear(const at::Tensor& x, const at::Tensor& w, const at::Tensor& b = {}) {
  return b.defined() ? at::linear(x, w, b) : at::linear(x, w);
}

// rotate_half: [a | b] -> [-b | a] over the last dimension (NEOX pairing (d, d + D/2)).
inline at::Tensor rotateHalf(const at::Tensor& x) {
  const int64_t half = x.size(-1) / 2;
  return at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

// Softmax attention, q [B, H, Lq, d], k/v [B, H, Lk, d] (or broadcastable over H), fp32 softmax
// like eager_attention_forward. `mask` is additive ([Lq, Lk]) or undefined.
inline at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                            const at::Tensor& mask = {}) {
#ifdef VS_HAVE_PUBLIC_SDPA
  if (q.is_cuda()) {
    // Fused kernels accumulate in fp32 (flash / memory-efficient); same math as below.
    return mask.defined()
               ? at::scaled_dot_product_attention(q, k, v, mask.to(q.scalar_type()), 0.0, false, scale)
               : at::scaled_dot_product_attention(q, k, v, {}, 0.0, false, scale);
  }
#endif
  auto w = at::matmul(q, k.transpose(-2, -1)) * scale;
  if (mask.defined()) {
    w = w + mask;
  }
  w = at::softmax(w, -1, at::kFloat).to(q.scalar_type());
  return at::matmul(w, v);
}

}  // namespace vs::qwen25vl::ops
