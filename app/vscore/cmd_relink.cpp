// vscore relink PROJECT DIR...: finds the project's missing videos again after a move.
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include "cmd_options.h"
#include "cmd_progress.h"
#include "command.h"
#include "core/library/relink.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runRelink(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Adds the folders to the project's media folders and links every video whose file is gone\n"
      "to the file of its name found there (also below sub-folders). Prints what was found and\n"
      "what is still missing."));
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("folders to search"),
                               QStringLiteral("DIR..."));
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("relink"), args))
    return *stop;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() < 2)
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: vscore relink PROJECT DIR... [--json]"));
  for (const QString& dir : positional.mid(1)) {
    if (!QFileInfo(dir).isDir())
      return cli::fail(cli::kExitRuntime, QStringLiteral("%1: not a folder").arg(dir));
  }
  if (!store::projectExists(positional.first())) {
    return cli::fail(cli::kExitRuntime, QStringLiteral("%1: no such project file").arg(positional.first()));
  }
  store::Store store(positional.first(), store::OpenMode::OpenExisting);
  cli::ProgressLine progress(QStringLiteral("probing"));
  const library::RelinkResult r = library::relink(store, positional.mid(1), [&](qint64 done, qint64 total) {
    progress.update(done, total);
    return true;
  });
  if (parser.isSet(QStringLiteral("json"))) {
    cli::printJson(QJsonObject{{QStringLiteral("found"), QJsonArray::fromStringList(r.found)},
                               {QStringLiteral("changed"), QJsonArray::fromStringList(r.changed)},
                               {QStringLiteral("missing"), QJsonArray::fromStringList(r.missing)},
                               {QStringLiteral("already_linked"), r.alreadyLinked}});
  } else {
    QString text;
    for (const QString& name : r.found) {
      text += (r.changed.contains(name) ? QStringLiteral("changed\t") : QStringLiteral("found\t")) + name +
              QLatin1Char('\n');
    }
    for (const QString& name : r.missing)
      text += QStringLiteral("missing\t") + name + QLatin1Char('\n');
    text += QStringLiteral("found %1, missing %2, changed %3, already linked %4\n")
                .arg(r.found.size())
                .arg(r.missing.size())
                .arg(r.changed.size())
                .arg(r.alreadyLinked);
    cli::out(text);
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kRelink({QStringLiteral("relink"),
                                        QStringLiteral("relink PROJECT DIR... [--json]"),
                                        QStringLiteral("Find missing videos again after their folder moved"),
                                        runRelink});

}  // namespace
