// vscore pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]
//   [--time-ms MS] [--json]
// Records one person's Best-of-N pick among the candidates of a prompt (by video name), as the
// workstation's Best-of-N mode does: one committed transaction, history kept. The candidates are
// the prompt's videos (2 to 9) unless --candidates names the ones shown. Picking again for the
// same prompt replaces that pick.
#include <QCommandLineParser>
#include <QJsonArray>

#include "cmd_options.h"
#include "command.h"
#include "core/domain/error.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runPick(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("annotator"), QStringLiteral("who picked (a person; added when new)"),
                    QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("prompt-of"),
                    QStringLiteral("a video of the prompt (name); default: the best video"),
                    QStringLiteral("VIDEO")});
  parser.addOption(
      {QStringLiteral("best"), QStringLiteral("the best candidate (name)"), QStringLiteral("VIDEO")});
  parser.addOption({QStringLiteral("worst"), QStringLiteral("the worst candidate (name, optional)"),
                    QStringLiteral("VIDEO")});
  parser.addOption(
      {QStringLiteral("candidates"),
       QStringLiteral("the candidates shown, comma-separated names in tile order (default: every video "
                      "of the prompt)"),
       QStringLiteral("V1,V2,...")});
  parser.addOption({QStringLiteral("time-ms"), QStringLiteral("time spent picking, in ms"),
                    QStringLiteral("MS"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print the stored pick as one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("pick"), args)) {
    return *stop;
  }
  const QString usage = QStringLiteral(
      "vscore pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]");
  if (const auto stop = cli::requirePositionals(parser, 1, usage)) {
    return *stop;
  }
  for (const char* required : {"annotator", "best"}) {
    if (parser.value(QLatin1String(required)).isEmpty()) {
      return cli::fail(cli::kExitUsage,
                       QStringLiteral("--%1 is required; usage: %2").arg(QLatin1String(required), usage));
    }
  }
  bool ok = false;
  const qint64 timeMs = parser.value(QStringLiteral("time-ms")).toLongLong(&ok);
  if (!ok || timeMs < 0) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--time-ms needs a number >= 0"));
  }
  const QString path = parser.positionalArguments().first();
  store::Store store(path, store::OpenMode::OpenExisting);
  auto videoNamed = [&](const QString& name) -> std::optional<Video> { return store.findVideoByName(name); };
  const QString bestName = parser.value(QStringLiteral("best"));
  const QString anchorName =
      parser.isSet(QStringLiteral("prompt-of")) ? parser.value(QStringLiteral("prompt-of")) : bestName;
  const auto anchor = videoNamed(anchorName);
  if (!anchor) {
    return cli::fail(cli::kExitUsage, QStringLiteral("%1: no video named \"%2\"").arg(path, anchorName));
  }
  if (anchor->promptId == 0) {
    return cli::fail(cli::kExitUsage, QStringLiteral("%1: video \"%2\" has no prompt").arg(path, anchorName));
  }
  BestOfNPick pick;
  pick.promptId = anchor->promptId;
  QStringList shown;
  if (parser.isSet(QStringLiteral("candidates"))) {
    shown = parser.value(QStringLiteral("candidates")).split(QLatin1Char(','), Qt::SkipEmptyParts);
  } else {
    for (const Video& v : store.videosOfPrompt(anchor->promptId)) {
      shown << v.name;
    }
  }
  if (shown.size() < 2 || shown.size() > BestOfNPick::kMaxCandidates) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("%1: a pick needs 2 to %2 candidates, got %3 (name them with "
                                    "--candidates)")
                         .arg(path)
                         .arg(BestOfNPick::kMaxCandidates)
                         .arg(shown.size()));
  }
  for (const QString& name : shown) {
    const auto v = videoNamed(name.trimmed());
    if (!v) {
      return cli::fail(cli::kExitUsage,
                       QStringLiteral("%1: no video named \"%2\"").arg(path, name.trimmed()));
    }
    pick.candidateVideoIds.append(v->id);
  }
  const auto best = videoNamed(bestName);
  if (!best) {
    return cli::fail(cli::kExitUsage, QStringLiteral("%1: no video named \"%2\"").arg(path, bestName));
  }
  pick.bestVideoId = best->id;
  if (parser.isSet(QStringLiteral("worst"))) {
    const auto worst = videoNamed(parser.value(QStringLiteral("worst")));
    if (!worst) {
      return cli::fail(
          cli::kExitUsage,
          QStringLiteral("%1: no video named \"%2\"").arg(path, parser.value(QStringLiteral("worst"))));
    }
    pick.worstVideoId = worst->id;
  }
  pick.annotatorId = store.addAnnotator(parser.value(QStringLiteral("annotator")), AnnotatorKind::Human);
  pick.timeSpentMs = timeMs;
  // The store checks the rest (candidates of that prompt, best and worst among them and apart).
  const store::BestOfNPickChange change = store.recordBestOfNPick(pick);
  const QString worstName = change.after.worstVideoId ? parser.value(QStringLiteral("worst")) : QString();
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), static_cast<double>(change.after.id));
    o.insert(QStringLiteral("annotator"), parser.value(QStringLiteral("annotator")));
    o.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(shown));
    o.insert(QStringLiteral("best"), bestName);
    o.insert(QStringLiteral("worst"), worstName.isEmpty() ? QJsonValue() : QJsonValue(worstName));
    o.insert(QStringLiteral("replaced"), change.before.has_value());
    cli::printJson(o);
  } else {
    cli::out(QStringLiteral("%1 pick %2: best %3%4 of %5 candidates\n")
                 .arg(change.before ? QStringLiteral("updated") : QStringLiteral("recorded"))
                 .arg(change.after.id)
                 .arg(bestName, worstName.isEmpty() ? QString() : QStringLiteral(", worst %1").arg(worstName))
                 .arg(shown.size()));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration kPick(
    {QStringLiteral("pick"),
     QStringLiteral(
         "pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]"),
     QStringLiteral("Record one person's Best-of-N pick among the candidates of a prompt"), runPick});

}  // namespace
