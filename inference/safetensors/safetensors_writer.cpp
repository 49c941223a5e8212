#include "inference/safetensors/safetensors_writer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "inference/base/error.h"

namespace vs::safetensors {

uint16_t floatToBf16(float value) {
  uint32_t bits = 0;
  std::memcpy(&bits, &value, 4);
  if ((bits & 0x7f800000u) == 0x7f800000u && (bits & 0x007fffffu) != 0) {
    return static_cast<uint16_t>((bits >> 16) | 0x0040u);  // quiet NaN
  }
  const uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
  return static_cast<uint16_t>((bits + rounding) >> 16);
}

float bf16ToFloat(uint16_t bits) {
  const uint32_t wide = static_cast<uint32_t>(bits) << 16;
  float f = 0;
  std::memcpy(&f, &wide, 4);
  return f;
}

float f16ToFloat(uint16_t h) {
  const uint32_t sign = (h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  uint32_t bits = 0;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else {  // subnormal: renormalise
      exp = 127 - 15 + 1;
      while ((mant & 0x400u) == 0) {
        mant <<= 1;
        --exp;
      }
      mant &= 0x3ffu;
      bits = sign | (exp << 23) | (mant << 13);
    }
  } else if (exp == 31) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else {
    bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
  }
  float f = 0;
  std::memcpy(&f, &bits, 4);
  return f;
}

void SafetensorsWriter::add(std::string name, Dtype dtype, std::vector<int64_t> shape, const void* bytes,
                            std::size_t byte_size) {
  std::size_t numel = 1;
  for (int64_t d : shape) {
    if (d < 0) {
      throw std::invalid_argument("negative dimension in " + name);
    }
    numel *= static_cast<std::size_t>(d);
  }
  if (numel * dtypeSize(dtype) != byte_size) {
    throw std::invalid_argument("byte size does not match shape for " + name);
  }
  Entry e{std::move(name), dtype, std::move(shape), std::vector<std::byte>(byte_size)};
  if (byte_size != 0) {
    std::memcpy(e.bytes.data(), bytes, byte_size);
  }
  entries_.push_back(std::move(e));
}

void SafetensorsWriter::addF32(std::string name, std::vector<int64_t> shape,
                               const std::vector<float>& values) {
  add(std::move(name), Dtype::F32, std::move(shape), values.data(), values.size() * sizeof(float));
}

void SafetensorsWriter::addBF16(std::string name, std::vector<int64_t> shape,
                                const std::vector<float>& values) {
  std::vector<uint16_t> bits(values.size());
  std::transform(values.begin(), values.end(), bits.begin(), floatToBf16);
  add(std::move(name), Dtype::BF16, std::move(shape), bits.data(), bits.size() * sizeof(uint16_t));
}

std::size_t SafetensorsWriter::dataBytes() const {
  std::size_t n = 0;
  for (const Entry& e : entries_) {
    n += e.bytes.size();
  }
  return n;
}

std::vector<std::byte> SafetensorsWriter::serialize() const {
  std::vector<const Entry*> order;
  for (const Entry& e : entries_) {
    order.push_back(&e);
  }
  std::stable_sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) {
    const std::size_t sa = dtypeSize(a->dtype);
    const std::size_t sb = dtypeSize(b->dtype);
    return sa != sb ? sa > sb : a->name < b->name;
  });
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata_.empty()) {
    header["__metadata__"] = metadata_;
  }
  std::size_t offset = 0;
  for (const Entry* e : order) {
    header[e->name] = {{"dtype", std::string(dtypeName(e->dtype))},
                       {"shape", e->shape},
                       {"data_offsets", {offset, offset + e->bytes.size()}}};
    offset += e->bytes.size();
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');
  std::vector<std::byte> out(8 + text.size() + offset);
  uint64_t n = text.size();
  for (int i = 0; i < 8; ++i) {
    out[static_cast<std::size_t>(i)] = static_cast<std::byte>((n >> (8 * i)) & 0xffu);
  }
  std::memcpy(out.data() + 8, text.data(), text.size());
  std::size_t pos = 8 + text.size();
  for (const Entry* e : order) {
    if (!e->bytes.empty()) {
      std::memcpy(out.data() + pos, e->bytes.data(), e->bytes.size());
    }
    pos += e->bytes.size();
  }
  return out;
}

void SafetensorsWriter::write(const std::string& path) const {
  const std::vector<std::byte> bytes = serialize();
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) {
    throw inference::Error(inference::Error::Kind::Io, path, "", "cannot create");
  }
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f) {
    throw inference::Error(inference::Error::Kind::Io, path, "", "write failed");
  }
}

}  // namespace vs::safetensors
