#pragma once
// Streams a tokenizer.json (SAX): the 150k-entry "model.vocab" and "model.merges" go straight into
// flat vectors; everything else becomes a small JSON tree. Building the full DOM of the 11 MB file
// and freeing it took longer than the rest of the load.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vs::tokenizer {

struct TokenizerJson {
  nlohmann::json rest;  // the file without model.vocab / model.merges
  bool has_vocab = false;
  bool has_merges = false;
  std::vector<std::pair<std::string, int64_t>> vocab;  // byte-level token text, id
  // Merges as written: "a b" strings are split at the space, ["a", "b"] pairs taken as they are.
  std::vector<std::pair<std::string, std::string>> merges;
};

// Throws inference::Error(InvalidData) naming `file` and the offending key.
TokenizerJson readTokenizerJson(std::string_view text, const std::string& file);

}  // namespace vs::tokenizer
