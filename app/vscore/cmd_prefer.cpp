// vscore prefer PROJECT --annotator A --left X --right Y --choice left|right|tie
//   [--dimension overall|visual|t2v|phy] [--reason T] [--time-ms MS] [--randomised] [--json]
// Records one person's preference between two videos of a prompt (by video name), as the
// workstation's preference mode does: one committed transaction, history kept. Recording the same
// pair again (in either order) replaces that judgement.
#include <QCommandLineParser>

#include "cmd_options.h"
#include "command.h"
#include "core/domain/error.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runPrefer(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("annotator"), QStringLiteral("who judged (a person; added when new)"),
                    QStringLiteral("NAME")});
  parser.addOption(
      {QStringLiteral("left"), QStringLiteral("video shown on the left (name)"), QStringLiteral("VIDEO")});
  parser.addOption(
      {QStringLiteral("right"), QStringLiteral("video shown on the right (name)"), QStringLiteral("VIDEO")});
  parser.addOption(
      {QStringLiteral("choice"), QStringLiteral("left, right or tie"), QStringLiteral("CHOICE")});
  parser.addOption({QStringLiteral("dimension"), QStringLiteral("overall (default), visual, t2v or phy"),
                    QStringLiteral("DIM"), QStringLiteral("overall")});
  parser.addOption({QStringLiteral("reason"), QStringLiteral("why (optional)"), QStringLiteral("TEXT")});
  parser.addOption({QStringLiteral("time-ms"), QStringLiteral("time spent judging, in ms"),
                    QStringLiteral("MS"), QStringLiteral("0")});
  parser.addOption(
      {QStringLiteral("randomised"), QStringLiteral("the left/right order was drawn at random")});
  parser.addOption(
      {QStringLiteral("json"), QStringLiteral("print the stored preference as one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("prefer"), args)) {
    return *stop;
  }
  const QString usage = QStringLiteral(
      "vscore prefer PROJECT --annotator A --left X --right Y --choice left|right|tie [--dimension D] "
      "[--reason T]");
  if (const auto stop = cli::requirePositionals(parser, 1, usage)) {
    return *stop;
  }
  for (const char* required : {"annotator", "left", "right", "choice"}) {
    if (parser.value(QLatin1String(required)).isEmpty()) {
      return cli::fail(cli::kExitUsage,
                       QStringLiteral("--%1 is required; usage: %2").arg(QLatin1String(required), usage));
    }
  }
  const auto choice = preferenceChoiceFromName(parser.value(QStringLiteral("choice")));
  if (!choice) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--choice must be left, right or tie"));
  }
  const auto dimension = preferenceDimensionFromName(parser.value(QStringLiteral("dimension")));
  if (!dimension) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--dimension must be overall, visual, t2v or phy"));
  }
  bool ok = false;
  const qint64 timeMs = parser.value(QStringLiteral("time-ms")).toLongLong(&ok);
  if (!ok || timeMs < 0) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--time-ms needs a number >= 0"));
  }
  const QString path = parser.positionalArguments().first();
  store::Store store(path, store::OpenMode::OpenExisting);
  PreferenceRecord p;
  for (const char* side : {"left", "right"}) {
    const QString name = parser.value(QLatin1String(side));
    const auto video = store.findVideoByName(name);
    if (!video) {
      return cli::fail(cli::kExitUsage, QStringLiteral("%1: no video named \"%2\"").arg(path, name));
    }
    (qstrcmp(side, "left") == 0 ? p.leftVideoId : p.rightVideoId) = video->id;
  }
  p.annotatorId = store.addAnnotator(parser.value(QStringLiteral("annotator")), AnnotatorKind::Human);
  p.choice = *choice;
  p.dimension = *dimension;
  p.reason = parser.value(QStringLiteral("reason"));
  p.timeSpentMs = timeMs;
  p.order = parser.isSet(QStringLiteral("randomised")) ? PresentationOrder::Randomised
                                                       : PresentationOrder::AsListed;
  const store::PreferenceChange change = store.recordPreference(p);
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), static_cast<double>(change.after.id));
    o.insert(QStringLiteral("left"), parser.value(QStringLiteral("left")));
    o.insert(QStringLiteral("right"), parser.value(QStringLiteral("right")));
    o.insert(QStringLiteral("preference"), preferenceChoiceName(change.after.choice));
    o.insert(QStringLiteral("dimension"), preferenceDimensionName(change.after.dimension));
    o.insert(QStringLiteral("annotator"), parser.value(QStringLiteral("annotator")));
    o.insert(QStringLiteral("replaced"),
             change.before ? QJsonValue(preferenceChoiceName(change.before->choice)) : QJsonValue());
    cli::printJson(o);
  } else {
    cli::out(QStringLiteral("%1 preference %2: %3 vs %4 (%5) = %6\n")
                 .arg(change.before ? QStringLiteral("updated") : QStringLiteral("recorded"))
                 .arg(change.after.id)
                 .arg(parser.value(QStringLiteral("left")), parser.value(QStringLiteral("right")),
                      preferenceDimensionName(change.after.dimension),
                      preferenceChoiceName(change.after.choice)));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kPrefer(
    {QStringLiteral("prefer"),
     QStringLiteral("prefer PROJECT --annotator A --left X --right Y --choice left|right|tie [--dimension D] "
                    "[--reason T]"),
     QStringLiteral("Record one person's preference between two videos of a prompt"), runPrefer});

}  // namespace
