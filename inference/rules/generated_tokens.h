#pragma once
// The tokens a generation produced, with what the tokenizer decodes each one to. Kept torch- and
// tokenizer-free so the text rules below can be tested on hand-made sequences.
#include <string>
#include <vector>

namespace vs::videoscore2 {

struct GeneratedTokens {
  std::vector<int> ids;
  // Raw bytes of each token after the byte-level decoder (may be partial UTF-8); for an added
  // token, its content ("<|im_end|>").
  std::vector<std::string> bytes;
  // Whether `skip_special_tokens=True` drops the token (added tokens flagged special).
  std::vector<bool> special;

  void push(int id, std::string token_bytes, bool is_special) {
    ids.push_back(id);
    bytes.push_back(std::move(token_bytes));
    special.push_back(is_special);
  }
  std::size_t size() const { return ids.size(); }
  // tokenizer.decode(ids[:count], skip_special_tokens=...) with errors="replace".
  std::string decode(std::size_t count, bool skip_special) const;
  std::string text(bool skip_special) const { return decode(ids.size(), skip_special); }
};

}  // namespace vs::videoscore2
