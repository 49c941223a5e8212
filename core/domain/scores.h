#pragma once
// Three per-dimension scores. A score may be absent (a model output that could not be parsed,
// a file that leaves it empty). People give integers 1..5; models may give soft floats
// (reference videoscore2.md §7), kept as given.
#include <array>
#include <optional>

#include "core/domain/dimension.h"

namespace vs {

struct Scores {
  std::array<std::optional<double>, 3> value{};

  std::optional<double>& operator[](Dimension d) { return value[static_cast<size_t>(index(d))]; }
  const std::optional<double>& operator[](Dimension d) const { return value[static_cast<size_t>(index(d))]; }
  bool complete() const { return value[0] && value[1] && value[2]; }
  bool empty() const { return !value[0] && !value[1] && !value[2]; }
  friend bool operator==(const Scores& a, const Scores& b) { return a.value == b.value; }
  friend bool operator!=(const Scores& a, const Scores& b) { return !(a == b); }
};

}  // namespace vs
