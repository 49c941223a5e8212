#pragma once
// A small strict JSON (RFC 8259) reader over UTF-8 bytes, for the bulk paths where QJsonDocument
// is too slow and would reorder keys, and JSON string literals. (Python's json.dump layout is
// core/interop/python_json.h.) The reader walks the text in place; values
// of keys nobody knows are captured as compact JSON text so they round-trip in their order.
#include <QByteArray>
#include <cstddef>
#include <string>

#include "core/domain/error.h"

namespace vs::json {

// Thrown by Reader: a vs::Error (InvalidData) whose `offset` is the byte position of the problem;
// readers of files turn it into an Error naming the file and line.
class SyntaxError : public Error {
 public:
  SyntaxError(size_t offset, const char* problem)
      : Error(Error::Kind::InvalidData, QStringLiteral("byte %1").arg(offset), QString::fromLatin1(problem)),
        offset(offset),
        problem(problem) {}
  size_t offset;
  const char* problem;
};

// True when [text, text+size) is valid UTF-8; otherwise sets *badOffset to the first bad byte.
bool isValidUtf8(const char* text, size_t size, size_t* badOffset);

// Line number (1-based) of a byte offset.
int lineOfOffset(const char* begin, size_t offset);

// Where readString() puts text without escapes: copied, or as QByteArray::fromRawData views
// of the source (no copy; only for callers whose source bytes outlive every string read).
enum class StringStorage { Copy, ViewIntoSource };

class Reader {
 public:
  Reader(const char* begin, const char* end) : begin_(begin), p_(begin), end_(end) {}
  void setStringStorage(StringStorage storage) { storage_ = storage; }

  void skipSpace();
  void skipByteOrderMark() {
    if (end_ - p_ >= 3 && p_[0] == '\xEF' && p_[1] == '\xBB' && p_[2] == '\xBF')
      p_ += 3;
  }
  bool atEnd() {
    skipSpace();
    return p_ == end_;
  }
  char peek();             // next non-space byte, 0 at end
  void expect(char c);     // skips space, then requires `c`
  bool consumeIf(char c);  // skips space; consumes `c` when it is next
  size_t offset() const { return static_cast<size_t>(p_ - begin_); }

  // A string value, unescaped into `out` (replaced). Requires valid UTF-8.
  void readString(QByteArray* out);
  // A number; `isInteger` tells whether the text had no fraction or exponent.
  double readNumber(bool* isInteger = nullptr);
  // true/false/null; returns the literal's first char ('t','f','n').
  char readLiteral();
  // Any value, validated, appended to `out` as compact JSON text.
  void captureValue(QByteArray* out);
  // Skips any value.
  void skipValue();

  [[noreturn]] void fail(const char* what) const { throw SyntaxError{offset(), what}; }

 private:
  void captureString(QByteArray* out);
  void captureNumber(QByteArray* out);
  void captureValue(QByteArray* out, int depth);
  const char* begin_;
  const char* p_;
  const char* end_;
  StringStorage storage_ = StringStorage::Copy;
};

// Appends `text` as a JSON string literal; non-ASCII stays UTF-8 (like ensure_ascii=False).
void appendString(std::string& out, const char* text, size_t size);
inline void appendString(std::string& out, const QByteArray& text) {
  appendString(out, text.constData(), static_cast<size_t>(text.size()));
}
}  // namespace vs::json
