#include "core/interop/python_json.h"

#include <charconv>
#include <cmath>

namespace vs::interop {

void appendPythonLayout(std::string& out, const char* compact, size_t size, int indent) {
  const bool multiline = indent >= 0;
  int depth = multiline ? indent : 0;
  auto newline = [&](int level) {
    out.push_back('\n');
    out.append(static_cast<size_t>(level) * 4, ' ');
  };
  const char* p = compact;
  const char* end = compact + size;
  while (p != end) {
    const char c = *p++;
    switch (c) {
      case '"': {
        const char* start = p - 1;
        while (p != end && *p != '"') {
          if (*p == '\\' && p + 1 != end)
            ++p;
          ++p;
        }
        if (p != end)
          ++p;
        out.append(start, static_cast<size_t>(p - start));
        break;
      }
      case '[':
      case '{':
        out.push_back(c);
        if (p != end && (*p == ']' || *p == '}')) {
          out.push_back(*p++);  // empty container stays "[]" / "{}"
        } else if (multiline) {
          newline(++depth);
        }
        break;
      case ']':
      case '}':
        if (multiline)
          newline(--depth);
        out.push_back(c);
        break;
      case ',':
        out.push_back(',');
        if (multiline) {
          newline(depth);
        } else {
          out.push_back(' ');
        }
        break;
      case ':':
        out.append(": ");
        break;
      default:
        out.push_back(c);
    }
  }
}

void appendNumber(std::string& out, double value) {
  char buffer[32];
  if (!std::isfinite(value)) {
    out.append("null");
    return;
  }
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    out.append(buffer, static_cast<size_t>(r.ptr - buffer));
    return;
  }
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<size_t>(r.ptr - buffer));
}

}  // namespace vs::interop
