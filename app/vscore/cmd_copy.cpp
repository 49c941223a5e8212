// vscore copy SRC DST: a whole project between a .vsproj file and a PostgreSQL database (either
// way, or file to file, database to database), ids and history included, whole or not at all.
#include <QCommandLineParser>

#include "cmd_options.h"
#include "command.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runCopy(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("SRC"),
                               QStringLiteral("project to copy (.vsproj or postgresql://...)"));
  parser.addPositionalArgument(
      QStringLiteral("DST"),
      QStringLiteral("new project: a .vsproj that does not exist yet, or an empty database"));
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("copy"), args))
    return *stop;
  if (const auto stop = cli::requirePositionals(parser, 2, QStringLiteral("vscore copy SRC DST")))
    return *stop;
  const QStringList p = parser.positionalArguments();
  const store::CopyResult r = store::Store::copy(p[0], p[1]);
  cli::out(QStringLiteral("copied %1 to %2: %3 videos, %4 evaluations, %5 rows in all\n")
               .arg(p[0], p[1])
               .arg(r.videos)
               .arg(r.evaluations)
               .arg(r.rows));
  return cli::kExitOk;
}

const cli::CommandRegistration kCopy(
    {QStringLiteral("copy"), QStringLiteral("copy SRC DST"),
     QStringLiteral("Copy a whole project between a .vsproj file and PostgreSQL"), runCopy});

}  // namespace
