#pragma once
// A Qwen2 byte-level BPE tokenizer built from a Hugging Face tokenizer.json (qwen25vl.md §6):
// added tokens split first (exact, leftmost-longest), NFC on the remaining text, the Qwen2
// pre-tokenizer regex, byte-level BPE by merge rank. No BOS/EOS is added. Decoding joins the
// tokens' bytes and replaces invalid UTF-8 like the reference (maximal subparts -> U+FFFD).
// Thread-safe for concurrent encode/decode.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inference/tokenizer/added_tokens.h"
#include "inference/tokenizer/bpe_model.h"

namespace vs::tokenizer {

enum class SpecialTokens { Keep, Skip };

// The text of a tokenizer.json, or of a gzip-compressed one (as shipped in resources/tokenizer/).
// Throws inference::Error: Io when it cannot be opened, InvalidData for damaged gzip data.
std::string readTokenizerText(const std::string& path);

class Tokenizer {
 public:
  // Reads tokenizer.json (or a gzip-compressed one). Throws inference::Error naming the
  // file and the key when the file is unreadable or not a byte-level BPE tokenizer of this family.
  static std::unique_ptr<Tokenizer> fromFile(const std::string& path);
  // `name` labels errors.
  static std::unique_ptr<Tokenizer> fromJson(std::string_view json_text, const std::string& name);

  // Invalid UTF-8 in `text` is read as one U+FFFD per maximal invalid subpart (the reference only
  // accepts valid strings, so there is nothing to match there).
  std::vector<int32_t> encode(std::string_view text) const;
  // Ids outside the vocabulary are skipped (the reference's id_to_token returns nothing for them).
  std::string decode(const std::vector<int32_t>& ids, SpecialTokens special = SpecialTokens::Keep) const;

  // Token id of an exact token (added token content or byte-level vocabulary string).
  std::optional<int32_t> tokenToId(std::string_view token) const;
  // The token's text as tokenizer.json spells it (byte-level alphabet for vocabulary entries).
  std::optional<std::string> idToToken(int32_t id) const;
  bool isSpecial(int32_t id) const;
  // Number of ids with a string (vocabulary + added tokens).
  std::size_t size() const;
  const std::vector<AddedToken>& addedTokens() const { return added_.tokens(); }
  const BpeModel& model() const { return *bpe_; }

 private:
  Tokenizer() = default;
  void encodeText(std::string_view text, std::vector<int32_t>& out) const;

  std::unique_ptr<BpeModel> bpe_;
  AddedTokenMatcher added_;
  std::unordered_map<int32_t, std::size_t> added_by_id_;  // id -> index in added_.tokens()
  std::vector<std::string> added_decoded_;                // bytes each added token decodes to
  bool nfc_ = true;
};

}  // namespace vs::tokenizer
