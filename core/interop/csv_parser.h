#pragma once
// RFC 4180 records: comma separated, fields optionally in double quotes with "" for a quote;
// quoted fields may hold commas and line breaks. Errors throw vs::Error(InvalidData) at
// "<file>:<line>".
#include <QByteArray>
#include <QString>
#include <vector>

#include "core/domain/error.h"

namespace vs::interop {

class CsvParser {
 public:
  CsvParser(const char* begin, const char* end, const QString& file) : p_(begin), end_(end), file_(file) {}

  bool atEnd() const { return p_ >= end_; }
  int line() const { return line_; }

  // Reads one record; returns false at the end of the input.
  bool readRecord(std::vector<QByteArray>* fields, int* startLine) {
    fields->clear();
    if (p_ >= end_)
      return false;
    *startLine = line_;
    for (;;) {
      QByteArray field;
      if (p_ < end_ && *p_ == '"') {
        ++p_;
        for (;;) {
          if (p_ >= end_)
            fail(*startLine, "unterminated quoted field");
          const char c = *p_++;
          if (c == '"') {
            if (p_ < end_ && *p_ == '"') {
              field.append('"');
              ++p_;
              continue;
            }
            break;
          }
          if (c == '\n')
            ++line_;
          field.append(c);
        }
        if (p_ < end_ && *p_ != ',' && *p_ != '\n' && *p_ != '\r')
          fail(line_, "unexpected text after a closing quote");
      } else {
        const char* start = p_;
        while (p_ < end_ && *p_ != ',' && *p_ != '\n' && *p_ != '\r') {
          if (*p_ == '"')
            fail(line_, "quote inside an unquoted field");
          ++p_;
        }
        field = QByteArray(start, p_ - start);
      }
      fields->push_back(std::move(field));
      if (p_ >= end_)
        return true;
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == '\r') {
        ++p_;
        if (p_ < end_ && *p_ == '\n')
          ++p_;
      } else {
        ++p_;
      }
      ++line_;
      return true;
    }
  }

  [[noreturn]] void fail(int line, const char* what) const {
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(file_).arg(line),
                QString::fromLatin1(what));
  }

 private:
  const char* p_;
  const char* end_;
  QString file_;
  int line_ = 1;
};

}  // namespace vs::interop
