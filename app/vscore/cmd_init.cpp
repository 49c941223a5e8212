// vscore init PROJECT: creates an empty project at the current schema version: a new .vsproj file, or
// the tables of a project in an existing, empty PostgreSQL database (postgresql:// URI).
#include <QCommandLineParser>

#include "cmd_options.h"
#include "command.h"
#include "core/store/store.h"

namespace {

int runInit(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(
      QStringLiteral("PROJECT"),
      QStringLiteral("project file to create (.vsproj), or an empty database (postgresql://...)"));
  if (const auto stop = vs::cli::parseCommandLine(parser, QStringLiteral("init"), args)) {
    return *stop;
  }
  if (const auto stop = vs::cli::requirePositionals(
          parser, 1, QStringLiteral("vscore init PROJECT.vsproj|postgresql://..."))) {
    return *stop;
  }
  const QString path = parser.positionalArguments().first();
  vs::store::Store store(path, vs::store::OpenMode::CreateNew);
  vs::cli::out(QStringLiteral("created %1 (schema version %2)\n").arg(path).arg(store.schemaVersion()));
  return vs::cli::kExitOk;
}

const vs::cli::CommandRegistration kInit(
    {QStringLiteral("init"), QStringLiteral("init PROJECT.vsproj"),
     QStringLiteral("Create an empty project (a file, or in an empty PostgreSQL database)"), runInit});

}  // namespace
