#pragma once
// One line of the tokenizer's JSON Lines filter (`vscore tokenize`): a JSON string in, the JSON
// array of its ids out; or, decoding, a JSON array of ids in, the JSON string of their text out
// (bytes that are no valid UTF-8 written as U+FFFD).
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "inference/tokenizer/tokenizer.h"

namespace vs::tokenizer {

enum class LineMode { Encode, Decode };

// The output line (no newline), or nullopt with `error` set to what is wrong with the input:
// "not a JSON value", "expected a JSON string", "expected a JSON array of token ids". A trailing
// "\r" is ignored.
std::optional<std::string> transformLine(const Tokenizer& tokenizer, std::string_view line, LineMode mode,
                                         SpecialTokens special, std::string& error);

// The whole filter: every line of `in` transformed and written to `out` with a newline.
// Throws inference::Error: InvalidData "<stdin>:N: <what is wrong>" at the first bad line (`name`
// stands for <stdin>; the lines before it are written and `out` is flushed), Io "<stdin>: read
// error" when reading `in` fails.
void transformLines(const Tokenizer& tokenizer, std::istream& in, std::ostream& out, LineMode mode,
                    SpecialTokens special, const std::string& name = "<stdin>");

}  // namespace vs::tokenizer
