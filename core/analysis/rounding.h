#pragma once
// Rounding exactly as the VideoScore2 evaluation scripts do it in Python.
#include <optional>

namespace vs::analysis {

// Python's round(x) for floats: to the nearest integer, halves to even (2.5 -> 2, 3.5 -> 4).
double roundHalfEven(double x);

// Python's round(x, digits): the correctly rounded decimal value of the exact binary x,
// halves to even, read back as the nearest double (what CPython's float.__round__ does).
double roundDecimals(double x, int digits);

// A fraction or coefficient as the scripts report it: round(value * 100, 3)
// (eval/get_acc_corr.py, ROUND_DIGIT = 3). Null stays null; NaN becomes null.
std::optional<double> percent3(std::optional<double> value);

// Score units (MAE, means): round(value, 3). NaN becomes null.
std::optional<double> round3(std::optional<double> value);

// vs2_float rule in get_acc_corr.py: int(min(5, max(1, round(x)))).
int referenceInteger(double soft);

}  // namespace vs::analysis
