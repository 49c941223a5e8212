#include "inference/rules/generated_tokens.h"

#include <algorithm>

#include "inference/rules/unicode_text.h"

namespace vs::videoscore2 {

std::string GeneratedTokens::decode(std::size_t count, bool skip_special) const {
  std::string raw;
  count = std::min(count, bytes.size());
  for (std::size_t i = 0; i < count; ++i) {
    if (skip_special && special[i]) {
      continue;
    }
    raw += bytes[i];
  }
  return encodeUtf8(decodeUtf8Replace(raw));
}

}  // namespace vs::videoscore2
