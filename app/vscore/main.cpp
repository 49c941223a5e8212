// vscore: command-line access to VideoScore Studio projects, data formats and the evaluator.
// Commands register themselves (cmd_*.cpp); core/cli parses and dispatches.
#include <QCoreApplication>
#ifdef VS_CLI_FORWARD
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#endif

#include "core/cli/command.h"
#include "core/cli/program.h"

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
  std::exit(vs::cli::kExitRuntime);
}
#endif

int main(int argc, char** argv) {
#ifdef VS_CLI_FORWARD
  if (!vs::cli::runsHere(argc, argv))
    forwardToFull(argv);
#endif
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("vscore"));
  QCoreApplication::setApplicationVersion(QStringLiteral(VS_VERSION));
  return vs::cli::runProgram(QCoreApplication::arguments().mid(1), QStringLiteral("vscore " VS_VERSION));
}
