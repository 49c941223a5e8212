// vscore: command-line access to VideoScore Studio projects, data formats and the evaluator.
#include <QCoreApplication>
#include <algorithm>
#include <exception>
#ifdef VS_CLI_FORWARD
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#endif

#include "command.h"

using namespace vs::cli;

static void printUsage() {
  QString text = QStringLiteral(
      "usage: vscore <command> [options]\n\n"
      "Exit codes: 0 ok, 1 runtime or I/O failure, 2 usage error, 3 invalid input data.\n\n"
      "Commands:\n");
  std::vector<Command> sorted = commands();
  std::sort(sorted.begin(), sorted.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  for (const Command& c : sorted) {
    text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, c.summary);
  }
  text += QStringLiteral("\nRun `vscore <command> --help` for a command's options.\n");
  out(text);
}

#ifdef VS_CLI_FORWARD
// This `vscore` holds only the store, exchange and analysis commands, so it starts without
// loading QtGui, FFmpeg or the HTTP stack; anything else (and the full help) is the same command
// line run by `vscore-full`, which holds every command.
[[noreturn]] static void forwardToFull(char** argv) {
  // Next to this program (no QCoreApplication yet, so from /proc), else on PATH.
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string full = error ? std::string("vscore-full") : (self.parent_path() / "vscore-full").string();
  ::execv(full.c_str(), argv);
  ::execvp("vscore-full", argv);
  std::fprintf(stderr, "vscore: error: cannot run %s: %s\n", full.c_str(), std::strerror(errno));
  std::exit(kExitRuntime);
}
#endif

int main(int argc, char** argv) {
#ifdef VS_CLI_FORWARD
  {
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
    if (!here && !(argc > 1 && std::strcmp(argv[1], "--version") == 0)) {
      forwardToFull(argv);
    }
  }
#endif
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
