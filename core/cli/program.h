#pragma once
// A program made of registered commands (command.h): `vscore <command> [options]`.
#include <QStringList>

namespace vs::cli {

// Runs the command line without the program name: the command named first, the list of
// commands for none, --help or help (exit 2 for none), `version_line` for --version. A command's
// exception is printed and mapped to its exit code (failWith).
int runProgram(QStringList args, const QString& version_line);

// Whether this program runs `argv` itself: it holds the command argv[1] names and none of that
// command's full_options is given (as `--opt` or `--opt=value`), or it is --version. The light
// `vscore` hands any other command line to vscore-full.
bool runsHere(int argc, const char* const* argv);

}  // namespace vs::cli
