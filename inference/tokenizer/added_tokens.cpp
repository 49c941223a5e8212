#include "inference/tokenizer/added_tokens.h"

#include <algorithm>

namespace vs::tokenizer {

void AddedTokenMatcher::add(AddedToken token) {
  if (token.content.empty()) {
    return;
  }
  const auto first = static_cast<unsigned char>(token.content[0]);
  tokens_.push_back(std::move(token));
  auto& list = by_first_[first];
  list.push_back(static_cast<int>(tokens_.size() - 1));
  std::stable_sort(list.begin(), list.end(), [this](int a, int b) {
    return tokens_[static_cast<std::size_t>(a)].content.size() >
           tokens_[static_cast<std::size_t>(b)].content.size();
  });
}

int AddedTokenMatcher::find(std::string_view text, std::size_t from, std::size_t& pos) const {
  for (std::size_t i = from; i < text.size(); ++i) {
    const auto& list = by_first_[static_cast<unsigned char>(text[i])];
    for (int idx : list) {
      const std::string& c = tokens_[static_cast<std::size_t>(idx)].content;
      if (text.compare(i, c.size(), c) == 0) {
        pos = i;
        return idx;
      }
    }
  }
  return -1;
}

}  // namespace vs::tokenizer
