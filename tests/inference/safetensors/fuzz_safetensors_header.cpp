// libFuzzer target: SafetensorsFile must refuse or accept any byte string without reading outside
// it. Accepted files have every tensor byte read, so ASan sees any view that escapes the buffer.
// Built only with clang (-fsanitize=fuzzer,address); run e.g.
//   fuzz_safetensors_header -max_total_time=600 corpus/
#include <cstddef>
#include <cstdint>

#include "inference/base/error.h"
#include "inference/safetensors/safetensors_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto f =
        vs::safetensors::SafetensorsFile::fromBytes(reinterpret_cast<const std::byte*>(data), size, "fuzz");
    volatile unsigned sum = 0;
    for (const auto& t : f.tensors()) {
      for (std::size_t i = 0; i < t.byte_size; ++i) {
        sum = sum + static_cast<unsigned>(t.data[i]);
      }
      if (f.find(t.name) != &t) {
        __builtin_trap();
      }
    }
  } catch (const vs::inference::Error&) {
  }
  return 0;
}
