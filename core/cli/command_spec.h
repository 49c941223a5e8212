#pragma once
// A command as one declarative table: its arguments and options (in help order), how many
// arguments it takes and which options it needs. Parsing errors, a wrong argument count and
// wrong option values are usage errors (vs::Error, exit 2, mapped in command.cpp); --help prints
// the help and succeeds.
#include <QCommandLineParser>
#include <QStringList>
#include <climits>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "core/cli/command.h"
#include "core/cli/json_output.h"
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

  // The settings after the options, named where a table sets them:
  //   cli::Spec{name, synopsis, summary, arguments, options}.requiring({"out"}).withUsage("...")
  Spec requiring(QStringList options) && { return required = std::move(options), std::move(*this); }
  Spec withUsage(QString line) && { return usage = std::move(line), std::move(*this); }
  Spec withDescription(QString text) && { return description = std::move(text), std::move(*this); }
  Spec handedToFullWith(QStringList options) && { return fullOptions = std::move(options), std::move(*this); }
  Spec takingArguments(qsizetype minimum, qsizetype maximum) && {
    return minArgs = minimum, maxArgs = maximum, std::move(*this);
  }
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
  // The value when the option was given, nullopt otherwise (its default does not count).
  std::optional<QString> given(const QString& option) const {
    return has(option) ? std::optional(value(option)) : std::nullopt;
  }
  QStringList values(const QString& option) const { return parser_.values(option); }
  QStringList positional() const { return parser_.positionalArguments(); }
  // The options given, in command-line order, repeated as often as given.
  QStringList optionNames() const { return parser_.optionNames(); }
  QString at(qsizetype i) const { return parser_.positionalArguments().at(i); }
  bool json() const { return has(QStringLiteral("json")); }
  QString usage() const;
  // The option as a whole number in [minimum, maximum]; else a usage error saying `message`.
  qint64 integer(const QString& option, qint64 minimum, qint64 maximum, const QString& message) const;
  // The option as a number in [minimum, maximum] (NaN passes: it compares false); else a usage
  // error saying `message`.
  double real(const QString& option, double minimum, double maximum, const QString& message) const;
  // A usage error "--NAME is required; usage: ..." for the first of `options` left empty.
  void requireValues(const QStringList& options) const;

 private:
  const Spec& spec_;
  QCommandLineParser& parser_;
};

// The command `spec` declares, running `run` on its parsed arguments.
Command declaredCommand(Spec spec, std::function<int(const Args&)> run);

[[noreturn]] void usageError(const QString& message);

}  // namespace vs::cli
