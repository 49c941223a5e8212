#include "inference/rules/unicode_text.h"

#include <algorithm>
#include <array>

#include "inference/tokenizer/utf8.h"

namespace vs::videoscore2 {

// Invalid bytes become U+FFFD one maximal subpart at a time, as Python's errors="replace" does
// (the tokenizer's decoder follows the same rule).
std::u32string decodeUtf8Replace(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    out.push_back(tokenizer::decodeUtf8(bytes, i));
  }
  return out;
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    tokenizer::appendUtf8(out, c);
  }
  return out;
}

bool isPythonSpace(char32_t c) {
  if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20)) {
    return true;
  }
  switch (c) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

int decimalDigitValue(char32_t c) {
  // Code points of the digit zero of every Unicode (15.0) Nd run of ten.
  static constexpr std::array<char32_t, 66> kZeros{
      0x0030,  0x0660,  0x06F0,  0x07C0,  0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,  0x0C66,
      0x0CE6,  0x0D66,  0x0DE6,  0x0E50,  0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,  0x1810,  0x1946,
      0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0,
      0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
      0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50,
      0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950};
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
      case 'i':
        return t == 0x130 || t == 0x131;
      case 's':
        return t == 0x17F;
      case 'k':
        return t == 0x212A;
      default:
        return false;
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
