#pragma once
// Python's json.dump layout, byte for byte, for the exchange files the VideoScore2 tools write
// and read back: compact JSON text (as json::Reader::captureValue writes it) laid out with
// Python's separators and indent, and numbers as Python's repr prints them.
#include <cstddef>
#include <string>

namespace vs::interop {

// Appends compact JSON text (as Reader::captureValue writes it) laid out the way Python's
// json.dumps does: `indent` < 0 gives one line with ", " and ": " separators; `indent` >= 0 gives
// json.dumps(..., indent=4) with the value starting at nesting depth `indent`.
void appendPythonLayout(std::string& out, const char* compact, size_t size, int indent);
// Shortest text that reads back as the same double; integral values without ".0".
void appendNumber(std::string& out, double value);

}  // namespace vs::interop
