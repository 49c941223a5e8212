#include "inference/tokenizer/byte_level.h"

#include "inference/tokenizer/utf8.h"

namespace vs::tokenizer {

namespace {

struct Tables {
  std::array<char32_t, 256> to_unicode{};
  std::array<int16_t, 324> to_byte{};  // code points 0..323 cover the whole alphabet
  Tables() {
    to_byte.fill(-1);
    char32_t next = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      to_unicode[static_cast<std::size_t>(b)] = printable ? static_cast<char32_t>(b) : next++;
      to_byte[to_unicode[static_cast<std::size_t>(b)]] = static_cast<int16_t>(b);
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

char32_t byteToUnicode(uint8_t byte) {
  return tables().to_unicode[byte];
}

std::optional<uint8_t> unicodeToByte(char32_t cp) {
  if (cp >= tables().to_byte.size() || tables().to_byte[cp] < 0) {
    return std::nullopt;
  }
  return static_cast<uint8_t>(tables().to_byte[cp]);
}

std::optional<std::string> byteLevelToBytes(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  std::size_t i = 0;
  while (i < token.size()) {
    const std::optional<uint8_t> b = unicodeToByte(decodeUtf8(token, i));
    if (!b) {
      return std::nullopt;
    }
    out.push_back(static_cast<char>(*b));
  }
  return out;
}

}  // namespace vs::tokenizer
