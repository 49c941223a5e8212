#pragma once
// UTF-8 helpers for the tokenizer: decoding that never reads past the end and turns invalid input
// into U+FFFD, and lossy decoding of byte strings the way the reference does.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vs::tokenizer {

// Decodes one code point at s[i]; advances i. Invalid or truncated sequences (overlong forms,
// surrogates, > U+10FFFF) yield U+FFFD and consume one maximal subpart.
char32_t decodeUtf8(std::string_view s, std::size_t& i);
void appendUtf8(std::string& out, char32_t cp);
// Replaces every maximal invalid subpart with U+FFFD (the "substitution of maximal subparts"
// practice of Unicode §3.9, used by Rust's String::from_utf8_lossy, Python's errors="replace" and
// the WHATWG TextDecoder).
std::string utf8Lossy(std::string_view bytes);
bool isValidUtf8(std::string_view bytes);

}  // namespace vs::tokenizer
