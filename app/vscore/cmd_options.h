#pragma once
// What every vscore subcommand does with its command line and its JSON output, in one place:
// parse errors are usage errors (exit 2), --help prints the help and succeeds, JSON goes to
// stdout as one compact line.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace vs::cli {

// Parses `args` of `vscore <command>`. Returns the exit code to stop with (kExitUsage after
// printing the parser's error, kExitOk after printing --help), nullopt when the command goes on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command,
                                    const QStringList& args);

// Usage error (exit 2, "usage: ..." on stderr) unless exactly `count` positional arguments
// were given; nullopt when they were.
std::optional<int> requirePositionals(const QCommandLineParser& parser, qsizetype count,
                                      const QString& usage);

// The PROJECT positional argument of the project commands.
void addProjectArgument(QCommandLineParser& parser);

// One compact JSON document and a newline on stdout.
void printJson(const QJsonObject& object);
void printJson(const QJsonArray& array);

}  // namespace vs::cli
