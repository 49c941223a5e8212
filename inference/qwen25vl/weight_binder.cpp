#include "inference/qwen25vl/weight_binder.h"

#include <cstring>
#include <sstream>

#include "inference/checkpoint/checkpoint.h"
#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::qwen25vl {
namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
  std::ostringstream s;
  s << '[';
  for (size_t i = 0; i < shape.size(); ++i) {
    s << (i ? ", " : "") << shape[i];
  }
  s << ']';
  return s.str();
}

at::ScalarType storedType(safetensors::Dtype dtype, const std::string& name) {
  switch (dtype) {
    case safetensors::Dtype::F32:
      return at::kFloat;
    case safetensors::Dtype::BF16:
      return at::kBFloat16;
    case safetensors::Dtype::F16:
      return at::kHalf;
    case safetensors::Dtype::F64:
      return at::kDouble;
    default:
      break;
  }
  throw inference::Error(inference::Error::Kind::BadModel,
                         name + ": unsupported weight dtype " + std::string(safetensors::dtypeName(dtype)));
}

}  // namespace

WeightBinder::WeightBinder(const checkpoint::Checkpoint& checkpoint, at::TensorOptions options)
    : checkpoint_(checkpoint), options_(options) {}

at::Tensor WeightBinder::bind(const std::string& name, const std::vector<int64_t>& shape) {
  return bindAs(name, shape, options_.dtype().toScalarType());
}

at::Tensor WeightBinder::bindAs(const std::string& name, const std::vector<int64_t>& shape,
                                at::ScalarType dtype) {
  const safetensors::TensorView* view = checkpoint_.find(name);
  if (view == nullptr) {
    throw inference::Error(inference::Error::Kind::BadModel,
                           "weight " + name + " is missing from " + checkpoint_.directory());
  }
  if (view->shape != shape) {
    throw inference::Error(inference::Error::Kind::BadModel, "weight " + name + " has shape " +
                                                                 shapeText(view->shape) +
                                                                 ", the config implies " + shapeText(shape));
  }
  const at::ScalarType stored = storedType(view->dtype, name);
  // The view may be unaligned and is read-only: copy it into owned memory before any kernel runs.
  auto host = at::empty(shape, at::TensorOptions().dtype(stored));
  if (static_cast<size_t>(host.nbytes()) != view->byte_size) {
    throw inference::Error(inference::Error::Kind::BadModel,
                           "weight " + name + ": byte size does not match its shape");
  }
  std::memcpy(host.data_ptr(), view->data, view->byte_size);
  bound_.insert(name);
  return host.to(options_.device(), dtype, /*non_blocking=*/false, /*copy=*/false).contiguous();
}

}  // namespace vs::qwen25vl
