#include "inference/tokenizer/qwen2_pre_tokenizer.h"

#include "inference/tokenizer/unicode_data.h"

namespace vs::tokenizer {

namespace {

bool isNewline(char32_t c) {
  return c == U'\r' || c == U'\n';
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d): length of the match at i, or 0. Case-insensitive for ASCII.
std::size_t contraction(const char32_t* c, std::size_t i, std::size_t n) {
  if (c[i] != U'\'' || i + 1 >= n) {
    return 0;
  }
  auto lower = [](char32_t x) { return (x >= U'A' && x <= U'Z') ? x + 32 : x; };
  const char32_t a = lower(c[i + 1]);
  if (a == U's' || a == U't' || a == U'm' || a == U'd') {
    return 2;
  }
  if (i + 2 < n) {
    const char32_t b = lower(c[i + 2]);
    if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l')) {
      return 3;
    }
  }
  return 0;
}

}  // namespace

void qwen2PreTokenize(const char32_t* c, const uint8_t* f, std::size_t n, std::vector<std::size_t>& ends) {
  auto letter = [f](std::size_t k) { return (f[k] & kLetter) != 0; };
  auto number = [f](std::size_t k) { return (f[k] & kNumber) != 0; };
  auto space = [f](std::size_t k) { return (f[k] & kSpace) != 0; };
  std::size_t i = 0;
  while (i < n) {
    std::size_t end = 0;
    if (std::size_t len = contraction(c, i, n); len != 0) {
      end = i + len;
    } else if (letter(i) || (!isNewline(c[i]) && !number(i) && i + 1 < n && letter(i + 1))) {
      // [^\r\n\p{L}\p{N}]?\p{L}+
      end = letter(i) ? i + 1 : i + 2;
      while (end < n && letter(end)) {
        ++end;
      }
    } else if (number(i)) {
      end = i + 1;  // \p{N}: digits are single pieces
    } else if (!space(i) ||
               (c[i] == U' ' && i + 1 < n && !space(i + 1) && !letter(i + 1) && !number(i + 1))) {
      // ` ?[^\s\p{L}\p{N}]+[\r\n]*` (reaching here, a non-space c[i] is neither letter nor number)
      end = i + 1;
      while (end < n && !space(end) && !letter(end) && !number(end)) {
        ++end;
      }
      while (end < n && isNewline(c[end])) {
        ++end;
      }
    } else {
      std::size_t run = i + 1;
      while (run < n && space(run)) {
        ++run;
      }
      std::size_t last_newline = n;
      for (std::size_t k = run; k > i; --k) {
        if (isNewline(c[k - 1])) {
          last_newline = k - 1;
          break;
        }
      }
      if (last_newline != n) {
        end = last_newline + 1;  // \s*[\r\n]+ : the greedy \s* backs off to the last newline
      } else if (run == n) {
        end = n;  // \s+(?!\S) at the end of the text
      } else if (run - i >= 2) {
        end = run - 1;  // \s+(?!\S): leave the last space to the next piece
      } else {
        end = run;  // \s+
      }
    }
    ends.push_back(end);
    i = end;
  }
}

}  // namespace vs::tokenizer
