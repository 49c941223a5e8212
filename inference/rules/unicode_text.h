#pragma once
// The few Unicode rules the VideoScore2 reference leans on through Python: bytes decoded with
// errors="replace", `\s`, `\d` and re.IGNORECASE as Python's `re` applies them to str patterns.
#include <cstdint>
#include <string>
#include <string_view>

namespace vs::videoscore2 {

// UTF-8 -> code points; each maximal invalid subsequence becomes one U+FFFD, like Python's
// bytes.decode("utf-8", errors="replace") (Unicode "substitution of maximal subparts").
std::u32string decodeUtf8Replace(std::string_view bytes);
std::string encodeUtf8(std::u32string_view text);

// Python str.isspace / re `\s` for str patterns (Py_UNICODE_ISSPACE).
bool isPythonSpace(char32_t c);
// Decimal value of a Unicode Nd character (re `\d`, int()), or -1.
int decimalDigitValue(char32_t c);
// re.IGNORECASE equality of a text character with an ASCII pattern character (simple case
// folding plus sre's extra equivalences: i~U+0130/U+0131, s~U+017F, k~U+212A).
bool caselessEqualsAscii(char32_t text_char, char pattern_char);

// First position >= from where `label` (ASCII) occurs case-insensitively, or npos.
std::size_t findCaseless(std::u32string_view text, std::string_view label, std::size_t from = 0);

}  // namespace vs::videoscore2
