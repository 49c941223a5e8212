#include "inference/videoscore2/unicode_text.h"

#include <algorithm>
#include <array>

namespace vs::videoscore2 {

std::u32string decodeUtf8Replace(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b0 = s[i];
    if (b0 < 0x80) {
      out.push_back(b0);
      ++i;
      continue;
    }
    int need = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      cp = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      cp = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    bool ok = true;
    for (int k = 0; k < need; ++k, ++j) {
      const unsigned char lo_k = k == 0 ? lo : 0x80;
      const unsigned char hi_k = k == 0 ? hi : 0xBF;
      if (j >= n || s[j] < lo_k || s[j] > hi_k) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (s[j] & 0x3F);
    }
    if (!ok) {
      // The maximal valid prefix (bytes i..j-1) is replaced by one U+FFFD.
      out.push_back(U'\uFFFD');
      i = j;
      continue;
    }
    out.push_back(cp);
    i = j;
  }
  return out;
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool isPythonSpace(char32_t c) {
  if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) {
    return true;
  }
  switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

int decimalDigitValue(char32_t c) {
  // Code points of the digit zero of every Unicode (15.0) Nd run of ten.
  static constexpr std::array<char32_t, 66> kZeros{
      0x0030,  0x0660,  0x06F0,  0x07C0,  0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,
      0x0C66,  0x0CE6,  0x0D66,  0x0DE6,  0x0E50,  0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,
      0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,
      0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
      0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
      0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8,
      0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950};
  if (c >= U'0' && c <= U'9') {
    return static_cast<int>(c - U'0');
  }
  if (c < 0x660) {
    return -1;
  }
  for (char32_t zero : kZeros) {
    if (c >= zero && c < zero + 10) {
      return static_cast<int>(c - zero);
    }
  }
  if ((c >= 0x1E4F0 && c < 0x1E4FA) || (c >= 0x1FBF0 && c < 0x1FBFA)) {
    return static_cast<int>(c >= 0x1FBF0 ? c - 0x1FBF0 : c - 0x1E4F0);
  }
  return -1;
}

bool caselessEqualsAscii(char32_t t, char p) {
  const auto pc = static_cast<char32_t>(static_cast<unsigned char>(p));
  if (t == pc) {
    return true;
  }
  if (p >= 'a' && p <= 'z') {
    if (t == pc - 32) {
      return true;
    }
    switch (p) {
      case 'i': return t == 0x130 || t == 0x131;
      case 's': return t == 0x17F;
      case 'k': return t == 0x212A;
      default: return false;
    }
  }
  if (p >= 'A' && p <= 'Z') {
    return caselessEqualsAscii(t, static_cast<char>(p + 32));
  }
  return false;
}

std::size_t findCaseless(std::u32string_view text, std::string_view label, std::size_t from) {
  if (label.empty()) {
    return from <= text.size() ? from : std::u32string_view::npos;
  }
  if (text.size() < label.size()) {
    return std::u32string_view::npos;
  }
  for (std::size_t i = from; i + label.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < label.size() && caselessEqualsAscii(text[i + k], label[k])) {
      ++k;
    }
    if (k == label.size()) {
      return i;
    }
  }
  return std::u32string_view::npos;
}

}  // namespace vs::videoscore2
