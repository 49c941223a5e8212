#pragma once
// A read-only memory map of a whole file (POSIX). Owns the descriptor-free mapping; an empty file
// maps to an empty span. Throws inference::Error(Io) when the file cannot be opened.
#include <cstddef>
#include <string>

namespace vs::safetensors {

class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::byte* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace vs::safetensors
