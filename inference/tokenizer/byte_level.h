#pragma once
// GPT-2 byte-level alphabet (tokenization_qwen2.py `bytes_to_unicode`): every byte is shown as a
// printable code point so vocabulary entries are text. Bytes 33-126, 161-172 and 174-255 map to
// themselves; the other 68 bytes map, in increasing order, to U+0100, U+0101, ...
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace vs::tokenizer {

char32_t byteToUnicode(uint8_t byte);
// The byte a byte-level code point stands for; nullopt for code points outside the alphabet.
std::optional<uint8_t> unicodeToByte(char32_t cp);
// Decodes a byte-level token string to raw bytes; nullopt if any character is outside the
// alphabet (the ByteLevel decoder then keeps the token's own UTF-8, as tokenizers' byte_level.rs).
std::optional<std::string> byteLevelToBytes(std::string_view token);

}  // namespace vs::tokenizer
