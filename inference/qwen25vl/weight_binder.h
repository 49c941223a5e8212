#pragma once
// Phase 2 of every model part: bind weights by canonical name and check their shapes. Each bound
// tensor is copied to the engine's device and dtype, so the mapped checkpoint can be released
// after loading. Errors name the tensor (inference::Error BadModel).
#include <ATen/ATen.h>

#include <set>
#include <string>
#include <vector>

namespace vs::checkpoint {
class Checkpoint;
}

namespace vs::qwen25vl {

class WeightBinder {
 public:
  WeightBinder(const checkpoint::Checkpoint& checkpoint, at::TensorOptions options);

  // The tensor `name` with exactly `shape`, converted to the binder's device/dtype.
  at::Tensor bind(const std::string& name, const std::vector<int64_t>& shape);
  // Same, but always fp32 (norm weights are applied after the fp32->dtype cast in HF; keeping
  // them in the activation dtype matches that — only tables use this).
  at::Tensor bindAs(const std::string& name, const std::vector<int64_t>& shape, at::ScalarType dtype);
  const at::TensorOptions& options() const { return options_; }
  size_t boundCount() const { return bound_.size(); }

 private:
  const checkpoint::Checkpoint& checkpoint_;
  at::TensorOptions options_;
  std::set<std::string> bound_;
};

}  // namespace vs::qwen25vl
