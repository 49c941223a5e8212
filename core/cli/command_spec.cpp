#include "core/cli/command_spec.h"

#include <memory>

#include "core/domain/error.h"

namespace vs::cli {

Opt projectArgument() {
  return {"PROJECT", "project: a .vsproj file or a postgresql:// URI"};
}

Opt jsonOption(const QString& what) {
  return {"json", what};
}

void usageError(const QString& message) {
  throw Error(Error::Kind::Usage, QString(), message);
}

QString Args::usage() const {
  return spec_.usage.isEmpty() ? QStringLiteral("vscore ") + spec_.synopsis : spec_.usage;
}

qint64 Args::integer(const QString& option, qint64 minimum, qint64 maximum, const QString& message) const {
  bool ok = false;
  const qint64 v = value(option).toLongLong(&ok);
  if (!ok || v < minimum || v > maximum)
    usageError(message);
  return v;
}

double Args::real(const QString& option, double minimum, double maximum, const QString& message) const {
  bool ok = false;
  const double v = value(option).toDouble(&ok);
  if (!ok || v < minimum || v > maximum)
    usageError(message);
  return v;
}

void Args::requireValues(const QStringList& options) const {
  for (const QString& o : options) {
    if (value(o).isEmpty())
      usageError(QStringLiteral("--%1 is required; usage: %2").arg(o, usage()));
  }
}

// Qt's help, its usage line naming the command ("vscore export") instead of the path the program
// was started by.
static QString helpText(const QCommandLineParser& parser, const QString& name) {
  const QString help = parser.helpText();
  const qsizetype options = help.indexOf(QLatin1String(" [options]"));
  const qsizetype end = help.indexOf(QLatin1Char('\n'));
  if (!help.startsWith(QLatin1String("Usage: ")) || options < 0 || options > end)
    return help;
  return QStringLiteral("Usage: vscore ") + name + help.mid(options);
}

Command declaredCommand(Spec spec, std::function<int(const Args&)> run) {
  auto shared = std::make_shared<const Spec>(std::move(spec));
  Command command{shared->name, shared->synopsis, shared->summary, {}, shared->fullOptions};
  command.run = [shared, run](const QStringList& args) {
    const Spec& s = *shared;
    QCommandLineParser parser;
    if (!s.description.isEmpty())
      parser.setApplicationDescription(s.description);
    parser.addHelpOption();
    for (const Opt& a : s.arguments)
      parser.addPositionalArgument(a.name, a.description, a.valueName);
    for (const Opt& o : s.options) {
      parser.addOption(o.valueName.isEmpty()
                           ? QCommandLineOption(o.name, o.description)
                           : QCommandLineOption(o.name, o.description, o.valueName, o.defaultValue));
    }
    if (!parser.parse(QStringList{QStringLiteral("vscore ") + s.name} + args))
      usageError(parser.errorText());
    if (parser.isSet("help")) {
      out(helpText(parser, s.name));
      return int(kExitOk);
    }
    const Args parsed(s, parser);
    const qsizetype n = parser.positionalArguments().size();
    const qsizetype count = qsizetype(s.arguments.size());
    const bool many = count > 0 && s.arguments.back().valueName.endsWith(QLatin1String("..."));
    bool ok = n >= (s.minArgs < 0 ? count : s.minArgs) && n <= (s.maxArgs >= 0 ? s.maxArgs
                                                                : many         ? kAnyCount
                                                                               : count);
    for (const QString& o : s.required)
      ok = ok && parser.isSet(o);
    if (!ok)
      usageError(QStringLiteral("usage: ") + parsed.usage());
    return run(parsed);
  };
  return command;
}

CommandRegistration::CommandRegistration(Spec spec, std::function<int(const Args&)> run)
    : CommandRegistration(declaredCommand(std::move(spec), std::move(run))) {}

}  // namespace vs::cli
