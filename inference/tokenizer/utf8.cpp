#include "inference/tokenizer/utf8.h"

#include <cstdint>

namespace vs::tokenizer {

namespace {
constexpr char32_t kReplacement = 0xFFFD;
}

char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int need = 0;
  char32_t cp = 0;
  // Valid second-byte ranges per lead byte (Unicode Table 3-7), so overlongs and surrogates are
  // rejected at the earliest byte, which gives the maximal-subpart boundaries.
  uint8_t lo = 0x80;
  uint8_t hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0Fu;
    if (b0 == 0xE0) {
      lo = 0xA0;
    } else if (b0 == 0xED) {
      hi = 0x9F;
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07u;
    if (b0 == 0xF0) {
      lo = 0x90;
    } else if (b0 == 0xF4) {
      hi = 0x8F;
    }
  } else {
    ++i;
    return kReplacement;
  }
  std::size_t j = i + 1;
  for (int k = 0; k < need; ++k, ++j) {
    if (j >= s.size()) {
      i = j;
      return kReplacement;
    }
    const auto b = static_cast<uint8_t>(s[j]);
    const uint8_t l = k == 0 ? lo : 0x80;
    const uint8_t h = k == 0 ? hi : 0xBF;
    if (b < l || b > h) {
      i = j;  // the offending byte starts the next sequence
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  i = j;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string utf8Lossy(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t start = i;
    const char32_t cp = decodeUtf8(bytes, i);
    if (cp == kReplacement) {
      appendUtf8(out, cp);
    } else {
      out.append(bytes.data() + start, i - start);
    }
  }
  return out;
}

bool isValidUtf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t start = i;
    if (decodeUtf8(bytes, i) == kReplacement &&
        !(i - start == 3 && static_cast<uint8_t>(bytes[start]) == 0xEF)) {
      return false;
    }
  }
  return true;
}

}  // namespace vs::tokenizer
