#include "core/cli/program.h"

#include <algorithm>
#include <cstring>
#include <exception>

#include "core/cli/command.h"

namespace vs::cli {

static void printUsage() {
  QString text = QStringLiteral(
      "usage: vscore <command> [options]\n\n"
      "Exit codes: 0 ok, 1 runtime or I/O failure, 2 usage error, 3 invalid input data.\n\n"
      "Commands:\n");
  std::vector<Command> sorted = commands();
  std::sort(sorted.begin(), sorted.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  for (const Command& c : sorted)
    text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
  text += QStringLiteral("\nRun `vscore <command> --help` for a command's options.\n");
  out(text);
}

int runProgram(QStringList args, const QString& version_line) {
  if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") ||
      args.first() == QLatin1String("help")) {
    printUsage();
    return args.isEmpty() ? kExitUsage : kExitOk;
  }
  if (args.first() == QLatin1String("--version")) {
    out(version_line + QLatin1Char('\n'));
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

bool runsHere(int argc, const char* const* argv) {
  if (argc > 1 && std::strcmp(argv[1], "--version") == 0)
    return true;
  bool here = false;
  if (argc > 1) {
    for (const Command& c : commands()) {
      if (c.name == QLatin1String(argv[1])) {
        here = std::none_of(argv + 2, argv + argc, [&c](const char* arg) {
          const QLatin1String a(arg);
          return std::any_of(c.full_options.begin(), c.full_options.end(), [&a](const QString& option) {
            return a == option || a.startsWith(option + QLatin1Char('='));
          });
        });
      }
    }
  }
  return here;
}

}  // namespace vs::cli
