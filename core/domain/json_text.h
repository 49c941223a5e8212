#pragma once
// A small strict JSON (RFC 8259) reader and writer over UTF-8 bytes, for the bulk paths where
// QJsonDocument is too slow and would reorder keys. The reader walks the text in place; values
// of keys nobody knows are captured as compact JSON text so they round-trip in their order.
#include <QByteArray>
#include <cstddef>
#include <string>

namespace vs::json {

// Thrown by Reader; `offset` is the byte position of the problem.
struct SyntaxError {
  size_t offset;
  const char* what;
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
// Appends compact JSON text (as Reader::captureValue writes it) laid out the way Python's
// json.dumps does: `indent` < 0 gives one line with ", " and ": " separators; `indent` >= 0 gives
// json.dumps(..., indent=4) with the value starting at nesting depth `indent`.
void appendPythonLayout(std::string& out, const char* compact, size_t size, int indent);
// Shortest text that reads back as the same double; integral values without ".0".
void appendNumber(std::string& out, double value);

}  // namespace vs::json
