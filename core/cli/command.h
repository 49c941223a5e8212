#pragma once
// vscore subcommands. Each app/vscore/cmd_<name>.cpp registers itself with a static
// CommandRegistration; program.h dispatches. Exit codes are shared by every command (ExitCode).
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace vs::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitRuntime = 1,      // runtime or I/O failure
  kExitUsage = 2,        // bad command line
  kExitInvalidData = 3,  // the input's content is invalid
};

struct Command {
  QString name;
  QString synopsis;                                 // one line: "init PROJECT.vsproj"
  QString summary;                                  // one line: what it does
  std::function<int(const QStringList& args)> run;  // args exclude "vscore" and the name
  // Options whose work needs more than the light `vscore` links (FFmpeg, ...): given one of
  // them, the light program hands the whole command line to vscore-full.
  QStringList full_options = {};
};

struct Spec;
class Args;

struct CommandRegistration {
  explicit CommandRegistration(Command command);
  // A command declared as a table (command_spec.h): parsing, --help and usage errors done once.
  CommandRegistration(Spec spec, std::function<int(const Args&)> run);
};

const std::vector<Command>& commands();

// "vscore: error: <message>" on stderr, one line. Returns `code` so callers can `return fail(...)`.
int fail(int code, const QString& message);
// Maps a vs::Error (core) to its exit code and prints it.
int failWith(const std::exception& error);
// Writes to stdout/stderr (UTF-8).
void out(const QString& text);
void err(const QString& text);

}  // namespace vs::cli
