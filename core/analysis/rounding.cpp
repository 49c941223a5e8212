#include "core/analysis/rounding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace vs::analysis {

double roundHalfEven(double x) {
  // std::nearbyint honours the current rounding mode, which is round-to-nearest-even by default.
  return std::nearbyint(x);
}

double roundDecimals(double x, int digits) {
  if (!std::isfinite(x)) {
    return x;
  }
  // glibc printf rounds the exact binary value correctly (ties to even), as CPython's
  // float.__round__ does through _Py_dg_dtoa mode 3; strtod then gives the nearest double.
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  const double r = std::strtod(buffer, nullptr);
  return r == 0.0 ? std::copysign(0.0, x) : r;
}

std::optional<double> percent3(std::optional<double> value) {
  if (!value || std::isnan(*value)) {
    return std::nullopt;
  }
  return roundDecimals(*value * 100.0, 3);
}

std::optional<double> round3(std::optional<double> value) {
  if (!value || std::isnan(*value)) {
    return std::nullopt;
  }
  return roundDecimals(*value, 3);
}

int referenceInteger(double soft) {
  return static_cast<int>(std::min(5.0, std::max(1.0, roundHalfEven(soft))));
}

}  // namespace vs::analysis
