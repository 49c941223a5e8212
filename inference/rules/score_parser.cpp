#include "inference/rules/score_parser.h"

#include <limits>
#include <string>

#include "inference/rules/score_labels.h"
#include "inference/rules/unicode_text.h"

namespace vs::videoscore2 {

namespace {

constexpr std::size_t npos = std::u32string::npos;

struct LabelHit {
  std::size_t digits_end = npos;
  int64_t value = 0;
};

// First occurrence at or after `from` of `label\s*\d+`; the digit run is greedy.
LabelHit findLabelWithNumber(const std::u32string& text, std::string_view label, std::size_t from) {
  for (std::size_t at = findCaseless(text, label, from); at != npos; at = findCaseless(text, label, at + 1)) {
    std::size_t i = at + label.size();
    while (i < text.size() && isPythonSpace(text[i])) {
      ++i;
    }
    if (i >= text.size() || decimalDigitValue(text[i]) < 0) {
      continue;
    }
    int64_t value = 0;
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
    while (i < text.size()) {
      const int d = decimalDigitValue(text[i]);
      if (d < 0) {
        break;
      }
      value = value > (kMax - d) / 10 ? kMax : value * 10 + d;
      ++i;
    }
    return LabelHit{i, value};
  }
  return {};
}

}  // namespace

HardScores parseHardScores(std::string_view utf8) {
  const std::u32string text = decodeUtf8Replace(utf8);
  // The leftmost match of the whole pattern starts at the first "visual quality:\s*\d": each lazy
  // `.*?` takes the first later label followed by a number, and a later start could only narrow
  // what follows it, so no backtracking to later occurrences can succeed where these fail.
  HardScores out;
  std::size_t from = 0;
  std::array<int64_t, 3> values{};
  for (std::size_t d = 0; d < kScoreLabels.size(); ++d) {
    const LabelHit hit = findLabelWithNumber(text, kScoreLabels[d], from);
    if (hit.digits_end == npos) {
      return out;
    }
    values[d] = hit.value;
    from = hit.digits_end;
  }
  out.parsed = true;
  for (std::size_t d = 0; d < 3; ++d) {
    out.value[d] = values[d];
  }
  return out;
}

}  // namespace vs::videoscore2
