// vscore init PROJECT.vsproj: creates an empty project file at the current schema version.
#include <QCommandLineParser>

#include "command.h"
#include "core/store/store.h"

namespace {

int runInit(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("project file to create (.vsproj)"));
  if (!parser.parse(QStringList{QStringLiteral("vscore init")} + args)) {
    return vs::cli::fail(vs::cli::kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    vs::cli::out(parser.helpText());
    return vs::cli::kExitOk;
  }
  if (parser.positionalArguments().size() != 1) {
    return vs::cli::fail(vs::cli::kExitUsage, QStringLiteral("usage: vscore init PROJECT.vsproj"));
  }
  const QString path = parser.positionalArguments().first();
  vs::store::Store store(path, vs::store::OpenMode::CreateNew);
  vs::cli::out(QStringLiteral("created %1 (schema version %2)\n").arg(path).arg(store.schemaVersion()));
  return vs::cli::kExitOk;
}

const vs::cli::CommandRegistration kInit({QStringLiteral("init"), QStringLiteral("init PROJECT.vsproj"),
                                          QStringLiteral("Create an empty project file"), runInit});

}  // namespace
