#pragma once
// A tensor as it lies in a mapped safetensors file: no copy, no ownership. The engine wraps it with
// torch::from_blob (copying or converting as it needs). Valid while the SafetensorsFile /
// TensorSet that produced it is alive. Data is C-order, little-endian, and not necessarily aligned
// to the element size (the format guarantees no alignment).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "inference/safetensors/dtype.h"

namespace vs::safetensors {

struct TensorView {
  std::string name;
  Dtype dtype = Dtype::F32;
  std::vector<int64_t> shape;
  const std::byte* data = nullptr;
  std::size_t byte_size = 0;
  std::string file;  // the file it lives in, for error messages

  int64_t numel() const {
    int64_t n = 1;
    for (int64_t d : shape) {
      n *= d;
    }
    return n;
  }
};

}  // namespace vs::safetensors
