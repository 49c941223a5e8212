#pragma once
// Writes .safetensors files (for tests, `vscore demo-model`, and tools). Like the reference writer
// (safetensors `prepare`/`serialize`): the header is padded with spaces to a multiple of 8, and the
// data is ordered by descending element size (then name), so every tensor is naturally aligned
// and the tensors tile the buffer without gaps.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "inference/safetensors/dtype.h"

namespace vs::safetensors {

class SafetensorsWriter {
 public:
  // Copies `bytes` (must be numel(shape) * dtypeSize(dtype) long, else std::invalid_argument).
  void add(std::string name, Dtype dtype, std::vector<int64_t> shape, const void* bytes,
           std::size_t byte_size);
  void addF32(std::string name, std::vector<int64_t> shape, const std::vector<float>& values);
  // Rounds each float to bfloat16 (round-to-nearest-even, like torch's .to(torch.bfloat16)).
  void addBF16(std::string name, std::vector<int64_t> shape, const std::vector<float>& values);
  void setMetadata(std::string key, std::string value) { metadata_[std::move(key)] = std::move(value); }

  // The whole file image.
  std::vector<std::byte> serialize() const;
  // Throws inference::Error(Io) when the file cannot be written.
  void write(const std::string& path) const;
  std::size_t tensorCount() const { return entries_.size(); }
  std::size_t dataBytes() const;

 private:
  struct Entry {
    std::string name;
    Dtype dtype;
    std::vector<int64_t> shape;
    std::vector<std::byte> bytes;
  };
  std::vector<Entry> entries_;
  std::map<std::string, std::string> metadata_;
};

// float -> bfloat16 bits, round-to-nearest-even, NaN kept quiet.
uint16_t floatToBf16(float value);
float bf16ToFloat(uint16_t bits);
float f16ToFloat(uint16_t bits);

}  // namespace vs::safetensors
