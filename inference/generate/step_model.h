#pragma once
// What the generation loop needs from a model: the next-token logits after the prompt, then after
// each fed-back token. The model owns its KV cache and positions (M-RoPE deltas included).
#include <ATen/ATen.h>

#include <cstdint>

namespace vs::generate {

class StepModel {
 public:
  virtual ~StepModel() = default;
  // Logits [vocab] (any float dtype, any device) of the last prompt position.
  virtual at::Tensor prefill() = 0;
  // Feeds `token` (the one chosen at the previous step) and returns the next logits [vocab].
  virtual at::Tensor decode(int64_t token) = 0;
};

}  // namespace vs::generate
