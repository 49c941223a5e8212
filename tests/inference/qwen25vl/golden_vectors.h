#pragma once
// Reads the golden vectors written by tests/data/qwen25vl/make_fixtures.py (golden.safetensors +
// golden.json). Torch-free, header-only.
#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "inference/safetensors/safetensors_file.h"

namespace vs::test {

class GoldenVectors {
 public:
  static std::string dir() { return std::string(VS_TEST_DATA_DIR) + "/qwen25vl"; }
  static std::string modelDir() { return dir() + "/tiny"; }

  GoldenVectors() : file_(safetensors::SafetensorsFile::open(dir() + "/golden.safetensors")) {
    std::ifstream in(dir() + "/golden.json");
    meta_ = nlohmann::json::parse(in);
  }

  const nlohmann::json& meta() const { return meta_; }

  const safetensors::TensorView& view(const std::string& name) const {
    const auto* v = file_.find(name);
    if (v == nullptr) {
      throw std::runtime_error("golden tensor missing: " + name);
    }
    return *v;
  }
  std::vector<int64_t> shape(const std::string& name) const { return view(name).shape; }

  std::vector<float> floats(const std::string& name) const {
    const auto& v = view(name);
    if (v.dtype != safetensors::Dtype::F32) {
      throw std::runtime_error("golden tensor not F32: " + name);
    }
    std::vector<float> out(static_cast<size_t>(v.numel()));
    std::memcpy(out.data(), v.data, v.byte_size);
    return out;
  }

  std::vector<int64_t> ints(const std::string& name) const {
    const auto& v = view(name);
    if (v.dtype != safetensors::Dtype::I64) {
      throw std::runtime_error("golden tensor not I64: " + name);
    }
    std::vector<int64_t> out(static_cast<size_t>(v.numel()));
    std::memcpy(out.data(), v.data, v.byte_size);
    return out;
  }

 private:
  safetensors::SafetensorsFile file_;
  nlohmann::json meta_;
};

inline double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.size() != b.size()) {
    return 1e30;
  }
  double m = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    const bool ia = std::isinf(a[i]);
    const bool ib = std::isinf(b[i]);
    if (ia || ib) {
      if (!(ia && ib && (a[i] > 0) == (b[i] > 0))) {
        return 1e30;
      }
      continue;
    }
    m = std::max(m, static_cast<double>(std::abs(a[i] - b[i])));
  }
  return m;
}

}  // namespace vs::test
