#pragma once
// One .safetensors file, memory-mapped read-only. open() validates the whole header before any
// tensor byte is touched: header length against the file size, JSON shape, dtype names, shapes
// (non-negative, no overflow), data_offsets inside the buffer and equal to numel*dtype size, no
// two tensors overlapping, names unique. A bad file throws inference::Error naming the
// file and the tensor; nothing reads out of bounds.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "inference/safetensors/tensor_view.h"

namespace vs::safetensors {

class MappedFile;

class SafetensorsFile {
 public:
  // Maps and validates `path`. Throws inference::Error (Io: unreadable; InvalidData: damaged).
  static SafetensorsFile open(const std::string& path);
  // Validates an in-memory image of a file (used by the fuzz target and tests). The bytes must
  // outlive the returned object. `name` only labels errors.
  static SafetensorsFile fromBytes(const std::byte* data, std::size_t size, std::string name);

  SafetensorsFile(SafetensorsFile&&) noexcept;
  SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
  ~SafetensorsFile();

  const std::string& path() const { return path_; }
  // Tensors in header order of their data offsets.
  const std::vector<TensorView>& tensors() const { return tensors_; }
  // nullptr when absent.
  const TensorView* find(std::string_view name) const;
  // The optional "__metadata__" string map.
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  std::size_t fileSize() const { return size_; }

 private:
  SafetensorsFile() = default;
  void parse(const std::byte* data, std::size_t size);

  std::string path_;
  std::unique_ptr<MappedFile> map_;
  std::size_t size_ = 0;
  std::vector<TensorView> tensors_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace vs::safetensors
