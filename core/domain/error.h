#pragma once
// One error type for core: what failed and where. Boundaries (CLI, worker client, UI) map the
// kind to exit codes or messages; nothing in core aborts on user input.
#include <QString>
#include <stdexcept>

namespace vs {

class Error : public std::runtime_error {
 public:
  enum class Kind {
    Io,           // file missing, unreadable, disk full, database busy: exit 1
    InvalidData,  // the input's content is wrong: exit 3
    Usage,        // the caller asked for something impossible: exit 2
  };

  Error(Kind kind, QString where, QString what)
      : std::runtime_error((where.isEmpty() ? what : where + QStringLiteral(": ") + what).toStdString()),
        kind_(kind),
        where_(std::move(where)),
        what_(std::move(what)) {}

  Kind kind() const { return kind_; }
  const QString& where() const { return where_; }  // "a.json:117" or "a.json: item 24 (...)"
  const QString& message() const { return what_; }
  QString full() const { return QString::fromStdString(std::runtime_error::what()); }

 private:
  Kind kind_;
  QString where_;
  QString what_;
};

}  // namespace vs
