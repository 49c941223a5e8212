// vscore team PROJECT [--judgements-per-video K] [--json]: a project's team settings (how many
// people should judge each video) and the live leases.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "cmd_options.h"
#include "command.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runTeam(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("judgements-per-video"),
                    QStringLiteral("set k, the people wanted per video"), QStringLiteral("K")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("team"), args))
    return *stop;
  if (const auto stop = cli::requirePositionals(
          parser, 1, QStringLiteral("vscore team PROJECT [--judgements-per-video K] [--json]"))) {
    return *stop;
  }
  store::Store store(parser.positionalArguments().first(), store::OpenMode::OpenExisting);
  if (parser.isSet(QStringLiteral("judgements-per-video"))) {
    bool ok = false;
    const int k = parser.value(QStringLiteral("judgements-per-video")).toInt(&ok);
    if (!ok || k < 1)
      return cli::fail(cli::kExitUsage, QStringLiteral("--judgements-per-video takes a whole number >= 1"));
    store.setJudgementsPerVideo(k);
  }
  const QVector<store::Lease> leases = store.liveLeases();
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonArray list;
    for (const store::Lease& l : leases) {
      const auto who = store.findAnnotator(l.annotatorId);
      list.append(QJsonObject{{QStringLiteral("video_name"), l.videoName},
                              {QStringLiteral("annotator"), who ? who->name : QString()},
                              {QStringLiteral("lease_expires"), l.expires.toString(Qt::ISODateWithMs)}});
    }
    cli::printJson(QJsonObject{{QStringLiteral("judgements_per_video"), store.judgementsPerVideo()},
                               {QStringLiteral("leases"), list}});
    return cli::kExitOk;
  }
  QString text = QStringLiteral("judgements per video  %1\nlive leases           %2\n")
                     .arg(store.judgementsPerVideo())
                     .arg(leases.size());
  for (const store::Lease& l : leases) {
    const auto who = store.findAnnotator(l.annotatorId);
    text += QStringLiteral("  %1\t%2\tuntil %3\n")
                .arg(l.videoName, who ? who->name : QString(), l.expires.toString(Qt::ISODateWithMs));
  }
  cli::out(text);
  return cli::kExitOk;
}

const cli::CommandRegistration kTeam({QStringLiteral("team"),
                                      QStringLiteral("team PROJECT [--judgements-per-video K]"),
                                      QStringLiteral("Team settings (people per video) and live leases"),
                                      runTeam});

}  // namespace
