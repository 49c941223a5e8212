#pragma once
// Element types of the safetensors format (names as written in the header's "dtype").
#include <cstddef>
#include <optional>
#include <string_view>

namespace vs::safetensors {

enum class Dtype {
  Bool,
  U8,
  I8,
  U16,
  I16,
  U32,
  I32,
  U64,
  I64,
  F16,
  BF16,
  F32,
  F64,
  F8_E4M3,
  F8_E5M2,
};

// Bytes per element.
std::size_t dtypeSize(Dtype dtype);
// "BF16", "F32", ... exactly as the format spells them.
std::string_view dtypeName(Dtype dtype);
// nullopt for an unknown spelling.
std::optional<Dtype> parseDtype(std::string_view name);

}  // namespace vs::safetensors
