// vscore next PROJECT --annotator NAME [--lease-seconds N] [--json]: leases the next video for a
// person to judge (see Store::leaseNext: at most k people per video, their own live lease renewed
// first). --json prints {"video_name": ..., "lease_expires": ...} (ISO 8601 UTC; both null when
// nothing is left).
#include <QCommandLineParser>
#include <QJsonObject>

#include "cmd_options.h"
#include "command.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runNext(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption(
      {QStringLiteral("annotator"), QStringLiteral("the person who will judge it"), QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("lease-seconds"),
                    QStringLiteral("how long the video stays theirs (default 900)"), QStringLiteral("N"),
                    QStringLiteral("900")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("next"), args))
    return *stop;
  const QString usage = QStringLiteral("vscore next PROJECT --annotator NAME [--lease-seconds N] [--json]");
  if (const auto stop = cli::requirePositionals(parser, 1, usage))
    return *stop;
  if (!parser.isSet(QStringLiteral("annotator")) ||
      parser.value(QStringLiteral("annotator")).trimmed().isEmpty()) {
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: %1 (--annotator is required)").arg(usage));
  }
  bool ok = false;
  const int seconds = parser.value(QStringLiteral("lease-seconds")).toInt(&ok);
  if (!ok || seconds < 1)
    return cli::fail(cli::kExitUsage, QStringLiteral("--lease-seconds takes a whole number >= 1"));
  store::Store store(parser.positionalArguments().first(), store::OpenMode::OpenExisting);
  const auto lease = store.leaseNext(parser.value(QStringLiteral("annotator")), seconds);
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o;
    o.insert(QStringLiteral("video_name"), lease ? QJsonValue(lease->videoName) : QJsonValue());
    o.insert(QStringLiteral("lease_expires"),
             lease ? QJsonValue(lease->expires.toString(Qt::ISODateWithMs)) : QJsonValue());
    cli::printJson(o);
  } else if (lease) {
    cli::out(QStringLiteral("%1\t(leased until %2)\n")
                 .arg(lease->videoName, lease->expires.toString(Qt::ISODateWithMs)));
  } else {
    cli::out(QStringLiteral("nothing left to judge\n"));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kNext({QStringLiteral("next"),
                                      QStringLiteral("next PROJECT --annotator NAME [--json]"),
                                      QStringLiteral("Lease the next video for a person to judge"), runNext});

}  // namespace
