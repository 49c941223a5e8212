#include "inference/rules/soft_score.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "inference/rules/unicode_text.h"

namespace vs::videoscore2 {

int findScoreTokenIndex(std::string_view label, const GeneratedTokens& tokens) {
  const std::u32string text = decodeUtf8Replace(tokens.text(false));
  // Pattern (?:\(\d+\)\s*|\n\s*)?<label>: the optional prefix only moves the match start, and it
  // cannot contain a label, so match.end() is the end of the first label occurrence.
  const std::size_t at = findCaseless(text, label, 0);
  if (at == std::u32string::npos) {
    return -1;
  }
  std::size_t digit = at + label.size();
  while (digit < text.size() && decimalDigitValue(text[digit]) < 0) {
    ++digit;
  }
  if (digit >= text.size()) {
    return -1;
  }
  const std::string target = encodeUtf8(std::u32string_view(text).substr(0, digit + 1));
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens.decode(i + 1, false) == target) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

double pythonRound(double x, int ndigits) {
  if (!std::isfinite(x)) {
    return x;
  }
  // glibc printf rounds the exact binary value to nearest, ties to even: the same decimal that
  // Python's round() gets from _Py_dg_dtoa(mode 3); strtod is correctly rounded back.
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.*f", ndigits, x);
  return std::strtod(buffer, nullptr);
}

std::optional<double> softScoreFromLogProbs(bool hard_present, int step,
                                            const std::array<float, 5>& log_probs) {
  if (!hard_present || step < 0) {
    return std::nullopt;
  }
  std::array<double, 5> p{};
  double total = 0.0;  // Python sum(): left to right from 0
  for (std::size_t s = 0; s < 5; ++s) {
    p[s] = std::exp(static_cast<double>(log_probs[s]));
    total += p[s];
  }
  std::size_t best = 0;  // max() and list.index(): the first of equal maxima
  for (std::size_t s = 1; s < 5; ++s) {
    if (p[s] > p[best]) {
      best = s;
    }
  }
  const double normalized = total > 0 ? p[best] / total : 0.0;
  return pythonRound(static_cast<double>(best + 1) * normalized, 4);
}

}  // namespace vs::videoscore2
