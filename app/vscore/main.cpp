// vscore: command-line access to VideoScore Studio projects, data formats and the evaluator.
#include <QCoreApplication>
#include <algorithm>
#include <exception>

#include "command.h"

using namespace vs::cli;

static void printUsage() {
  QString text = QStringLiteral(
      "usage: vscore <command> [options]\n\n"
      "Exit codes: 0 ok, 1 runtime or I/O failure, 2 usage error, 3 invalid input data.\n\n"
      "Commands:\n");
  std::vector<Command> sorted = commands();
  std::sort(sorted.begin(), sorted.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  for (const Command& c : sorted) {
    text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
  }
  text += QStringLiteral("\nRun `vscore <command> --help` for a command's options.\n");
  out(text);
}

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("vscore"));
  QCoreApplication::setApplicationVersion(QStringLiteral(VS_VERSION));
  QStringList args = QCoreApplication::arguments().mid(1);
  if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
      args.first() == QLatin1String("help")) {
    printUsage();
    return args.isEmpty() ? kExitUsage : kExitOk;
  }
  if (args.first() == QLatin1String("--version")) {
    out(QStringLiteral("vscore %1\n").arg(QStringLiteral(VS_VERSION)));
    return kExitOk;
  }
  const QString name = args.takeFirst();
  for (const Command& c : commands()) {
    if (c.name == name) {
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        return failWith(e);
      }
    }
  }
  return fail(kExitUsage, QStringLiteral("unknown command '%1' (see vscore --help)").arg(name));
}
