#pragma once
// A vscore command as one declarative table: its arguments and options (in help order), how many
// arguments it takes and which options it needs. Parsing errors, a wrong argument count and
// wrong option values are usage errors (vs::Error, exit 2, mapped in command.cpp); --help prints
// the help and succeeds.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <climits>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "command.h"
#include "core/domain/error.h"

namespace vs::cli {

// An option, or an argument (then `valueName` is its syntax in the usage line, "FILE...").
struct Opt {
  QString name;
  QString description;
  QString valueName = {};  // empty: a flag
  QString defaultValue = {};
};

struct Spec {
  QString name;
  QString synopsis;  // "rank PROJECT [--by model|human] [--json]"
  QString summary;
  std::vector<Opt> arguments;
  std::vector<Opt> options;
  QStringList required = {};     // options without which the usage is shown
  QString usage = {};            // default: "vscore " + synopsis
  QString description = {};      // above the options in --help
  QStringList fullOptions = {};  // see Command::full_options
  // How many arguments; by default one per argument, any number from the last when it is "NAME...".
  qsizetype minArgs = -1;
  qsizetype maxArgs = -1;
};
constexpr qsizetype kAnyCount = std::numeric_limits<qsizetype>::max();

// Standard table rows.
Opt projectArgument();
Opt jsonOption(const QString& what = QStringLiteral("print one JSON object"));

class Args {
 public:
  Args(const Spec& spec, QCommandLineParser& parser) : spec_(spec), parser_(parser) {}
  bool has(const QString& option) const { return parser_.isSet(option); }
  QString value(const QString& option) const { return parser_.value(option); }
  QStringList values(const QString& option) const { return parser_.values(option); }
  QStringList positional() const { return parser_.positionalArguments(); }
  QString at(qsizetype i) const { return parser_.positionalArguments().at(i); }
  bool json() const { return has(QStringLiteral("json")); }
  QString usage() const;
  // The option as a whole number in [minimum, maximum]; else a usage error saying `message`.
  qint64 integer(const QString& option, qint64 minimum, qint64 maximum, const QString& message) const;
  // A usage error "--NAME is required; usage: ..." for the first of `options` left empty.
  void requireValues(const QStringList& options) const;

 private:
  const Spec& spec_;
  QCommandLineParser& parser_;
};

// The older form, for commands that build their own parser: returns the exit code to stop with
// (after printing the error or --help), nullopt when the command goes on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command,
                                    const QStringList& args);
std::optional<int> requirePositionals(const QCommandLineParser& parser, qsizetype count,
                                      const QString& usage);

[[noreturn]] void usageError(const QString& message);

// One compact JSON document and a newline on stdout.
void printJson(const QJsonObject& object);
void printJson(const QJsonArray& array);
// Indented, as probe, check-media and sample print.
void printIndentedJson(const QJsonObject& object);
void printIndentedJson(const QJsonArray& array);

}  // namespace vs::cli
