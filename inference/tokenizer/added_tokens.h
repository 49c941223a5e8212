#pragma once
// Added tokens (tokenizer.json "added_tokens"): matched in the raw text before normalisation and
// pre-tokenisation, leftmost-longest (tokenizers AddedVocabulary uses Aho-Corasick LeftmostLongest).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vs::tokenizer {

struct AddedToken {
  int32_t id = 0;
  std::string content;
  bool special = false;
};

class AddedTokenMatcher {
 public:
  void add(AddedToken token);
  // Finds the leftmost-longest added token in text[from..]; returns its index in tokens() and sets
  // `pos`, or returns -1.
  int find(std::string_view text, std::size_t from, std::size_t& pos) const;
  const std::vector<AddedToken>& tokens() const { return tokens_; }

 private:
  std::vector<AddedToken> tokens_;
  // Candidates by first byte, longest first.
  std::array<std::vector<int>, 256> by_first_;
};

}  // namespace vs::tokenizer
