#pragma once
// The Qwen2 pre-tokenizer: a hand-written matcher equivalent to the Split regex of Qwen2's
// tokenizer.json (tokenization_qwen2.py PRETOKENIZE_REGEX), behaviour "Isolated":
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|
//   \s*[\r\n]+|\s+(?!\S)|\s+
// Every code point is covered by some alternative, so the pieces tile the input.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vs::tokenizer {

// Splits `cps` (with their CharFlags in `flags`) into pieces; appends each piece's end index
// (exclusive) to `ends`.
void qwen2PreTokenize(const char32_t* cps, const uint8_t* flags, std::size_t n,
                      std::vector<std::size_t>& ends);

}  // namespace vs::tokenizer
