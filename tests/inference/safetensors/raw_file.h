#pragma once
// Builds raw safetensors images byte by byte, so tests can write headers the writer never would.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace vs::test {

inline std::vector<std::byte> rawSafetensors(const std::string& header, std::size_t data_bytes,
                                             uint64_t declared_len = UINT64_MAX) {
  const uint64_t n = declared_len == UINT64_MAX ? header.size() : declared_len;
  std::vector<std::byte> out(8 + header.size() + data_bytes, std::byte{0});
  for (int i = 0; i < 8; ++i) {
    out[static_cast<std::size_t>(i)] = static_cast<std::byte>((n >> (8 * i)) & 0xffu);
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    out[8 + i] = static_cast<std::byte>(header[i]);
  }
  for (std::size_t i = 0; i < data_bytes; ++i) {
    out[8 + header.size() + i] = static_cast<std::byte>(i & 0xffu);
  }
  return out;
}

}  // namespace vs::test
