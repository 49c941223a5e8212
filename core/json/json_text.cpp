#include "core/json/json_text.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace vs::json {
namespace {
constexpr int kMaxDepth = 512;

inline bool isSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

void appendUtf8(QByteArray* out, uint32_t cp) {
  if (cp < 0x80) {
    out->append(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->append(static_cast<char>(0xC0 | (cp >> 6)));
    out->append(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->append(static_cast<char>(0xE0 | (cp >> 12)));
    out->append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->append(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->append(static_cast<char>(0xF0 | (cp >> 18)));
    out->append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->append(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 sequence starting at p (lead byte >= 0x80), 0 when invalid.
size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (static_cast<size_t>(end - p) < n)
    return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return n;
}
}  // namespace

bool isValidUtf8(const char* text, size_t size, size_t* badOffset) {
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  const auto* end = p + size;
  while (p != end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const size_t n = utf8SequenceLength(p, end);
    if (n == 0) {
      if (badOffset)
        *badOffset = static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(text));
      return false;
    }
    p += n;
  }
  return true;
}

int lineOfOffset(const char* begin, size_t offset) {
  int line = 1;
  const char* p = begin;
  const char* end = begin + offset;
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr) {
    ++line;
    ++p;
  }
  return line;
}

void Reader::skipSpace() {
  while (p_ != end_ && isSpace(*p_))
    ++p_;
}

char Reader::peek() {
  skipSpace();
  return p_ == end_ ? '\0' : *p_;
}

void Reader::expect(char c) {
  skipSpace();
  if (p_ == end_)
    fail("unexpected end of file");
  if (*p_ != c) {
    switch (c) {
      case ':':
        fail("expected ':'");
      case ',':
        fail("expected ','");
      case '[':
        fail("expected '['");
      case '{':
        fail("expected '{'");
      case '"':
        fail("expected a string");
      default:
        fail("unexpected character");
    }
  }
  ++p_;
}

bool Reader::consumeIf(char c) {
  skipSpace();
  if (p_ != end_ && *p_ == c) {
    ++p_;
    return true;
  }
  return false;
}

void Reader::readString(QByteArray* out) {
  expect('"');
  // Fast path: scan to the closing quote, validating UTF-8; a string without escapes (nearly
  // all of them) is then copied in one piece.
  const char* start = p_;
  while (p_ != end_) {
    // Eight plain ASCII bytes at a time (no quote, backslash, control or high byte).
    while (end_ - p_ >= 8) {
      quint64 w;
      std::memcpy(&w, p_, 8);
      constexpr quint64 kOnes = 0x0101010101010101ull;
      constexpr quint64 kHigh = 0x8080808080808080ull;
      const quint64 quote = w ^ (kOnes * '"');
      const quint64 slash = w ^ (kOnes * '\\');
      const quint64 special =
          ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | (w - kOnes * 0x20) | w;
      if (special & kHigh)
        break;
      p_ += 8;
    }
    if (p_ == end_)
      break;
    const unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      *out = storage_ == StringStorage::ViewIntoSource ? QByteArray::fromRawData(start, p_ - start)
                                                       : QByteArray(start, p_ - start);
      ++p_;
      return;
    }
    if (c == '\\')
      break;  // slow path below
    if (c < 0x20)
      fail("control character in string");
    if (c >= 0x80) {
      const size_t n = utf8SequenceLength(reinterpret_cast<const unsigned char*>(p_),
                                          reinterpret_cast<const unsigned char*>(end_));
      if (n == 0)
        fail("invalid UTF-8 in string");
      p_ += n;
    } else {
      ++p_;
    }
  }
  if (p_ == end_)
    fail("unterminated string");
  *out = QByteArray(start, p_ - start);
  for (;;) {
    // Copy the run of plain bytes in one go.
    const char* run = p_;
    while (p_ != end_) {
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
        break;
      ++p_;
    }
    if (p_ != run)
      out->append(run, p_ - run);
    if (p_ == end_)
      fail("unterminated string");
    const unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      return;
    }
    if (c < 0x20)
      fail("control character in string");
    if (c >= 0x80) {
      const size_t n = utf8SequenceLength(reinterpret_cast<const unsigned char*>(p_),
                                          reinterpret_cast<const unsigned char*>(end_));
      if (n == 0)
        fail("invalid UTF-8 in string");
      out->append(p_, static_cast<qsizetype>(n));
      p_ += n;
      continue;
    }
    // Escape.
    ++p_;
    if (p_ == end_)
      fail("unterminated string");
    switch (*p_++) {
      case '"':
        out->append('"');
        break;
      case '\\':
        out->append('\\');
        break;
      case '/':
        out->append('/');
        break;
      case 'b':
        out->append('\b');
        break;
      case 'f':
        out->append('\f');
        break;
      case 'n':
        out->append('\n');
        break;
      case 'r':
        out->append('\r');
        break;
      case 't':
        out->append('\t');
        break;
      case 'u': {
        auto hex4 = [this]() -> uint32_t {
          if (end_ - p_ < 4)
            fail("bad \\u escape");
          uint32_t v = 0;
          for (int i = 0; i < 4; ++i) {
            const int h = hexValue(p_[i]);
            if (h < 0)
              fail("bad \\u escape");
            v = (v << 4) | static_cast<uint32_t>(h);
          }
          p_ += 4;
          return v;
        };
        uint32_t cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
            p_ += 2;
            const uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF)
              fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            fail("unpaired surrogate in \\u escape");
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          fail("unpaired surrogate in \\u escape");
        }
        appendUtf8(out, cp);
        break;
      }
      default:
        --p_;
        fail("bad escape in string");
    }
  }
}

double Reader::readNumber(bool* isInteger) {
  skipSpace();
  const char* start = p_;
  const char* q = p_;
  if (q != end_ && *q == '-')
    ++q;
  if (q == end_ || *q < '0' || *q > '9')
    fail("expected a value");
  if (*q == '0') {
    ++q;
  } else {
    while (q != end_ && *q >= '0' && *q <= '9')
      ++q;
  }
  bool integer = true;
  if (q != end_ && *q == '.') {
    integer = false;
    ++q;
    if (q == end_ || *q < '0' || *q > '9')
      fail("bad number");
    while (q != end_ && *q >= '0' && *q <= '9')
      ++q;
  }
  if (q != end_ && (*q == 'e' || *q == 'E')) {
    integer = false;
    ++q;
    if (q != end_ && (*q == '+' || *q == '-'))
      ++q;
    if (q == end_ || *q < '0' || *q > '9')
      fail("bad number");
    while (q != end_ && *q >= '0' && *q <= '9')
      ++q;
  }
  double value = 0;
  const auto result = std::from_chars(start, q, value);
  if (result.ec == std::errc::result_out_of_range)
    fail("number out of range");
  if (result.ec != std::errc() || result.ptr != q)
    fail("bad number");
  p_ = q;
  if (isInteger)
    *isInteger = integer;
  return value;
}

char Reader::readLiteral() {
  skipSpace();
  auto match = [this](const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) >= n && std::memcmp(p_, word, n) == 0) {
      p_ += n;
      return true;
    }
    return false;
  };
  if (match("true", 4))
    return 't';
  if (match("false", 5))
    return 'f';
  if (match("null", 4))
    return 'n';
  fail("expected a value");
}

void Reader::captureString(QByteArray* out) {
  // Validate by unescaping, then write back in our canonical escaping.
  QByteArray text;
  readString(&text);
  std::string buffer;
  appendString(buffer, text);
  out->append(buffer.data(), static_cast<qsizetype>(buffer.size()));
}

void Reader::captureNumber(QByteArray* out) {
  skipSpace();
  const char* start = p_;
  readNumber();
  out->append(start, p_ - start);
}

void Reader::captureValue(QByteArray* out) {
  captureValue(out, 0);
}

void Reader::captureValue(QByteArray* out, int depth) {
  if (depth > kMaxDepth)
    fail("nesting too deep");
  const char c = peek();
  switch (c) {
    case '"':
      captureString(out);
      return;
    case '{': {
      ++p_;
      out->append('{');
      if (consumeIf('}')) {
        out->append('}');
        return;
      }
      for (;;) {
        if (peek() != '"')
          fail("expected a string");
        captureString(out);
        expect(':');
        out->append(':');
        captureValue(out, depth + 1);
        if (consumeIf(',')) {
          out->append(',');
          continue;
        }
        expect('}');
        out->append('}');
        return;
      }
    }
    case '[': {
      ++p_;
      out->append('[');
      if (consumeIf(']')) {
        out->append(']');
        return;
      }
      for (;;) {
        captureValue(out, depth + 1);
        if (consumeIf(',')) {
          out->append(',');
          continue;
        }
        expect(']');
        out->append(']');
        return;
      }
    }
    case 't':
    case 'f':
    case 'n': {
      const char* start = p_;
      readLiteral();
      out->append(start, p_ - start);
      return;
    }
    case '\0':
      fail("unexpected end of file");
    default:
      captureNumber(out);
      return;
  }
}

void Reader::skipValue() {
  QByteArray sink;
  captureValue(&sink);
}

void appendString(std::string& out, const char* text, size_t size) {
  static const char kHex[] = "0123456789abcdef";
  out.push_back('"');
  const char* p = text;
  const char* end = text + size;
  while (p != end) {
    const char* run = p;
    while (p != end) {
      const unsigned char c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20)
        break;
      ++p;
    }
    out.append(run, static_cast<size_t>(p - run));
    if (p == end)
      break;
    const unsigned char c = static_cast<unsigned char>(*p++);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.push_back('"');
}

}  // namespace vs::json
