// vscore stats PROJECT [--json]: counts and per-dimension score histograms.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "cmd_options.h"
#include "command.h"
#include "core/domain/dimension.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runStats(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("stats"), args)) {
    return *stop;
  }
  if (const auto stop = cli::requirePositionals(parser, 1, QStringLiteral("vscore stats PROJECT [--json]"))) {
    return *stop;
  }
  const store::Store store(parser.positionalArguments().first(), store::OpenMode::OpenExisting);
  const store::ProjectStats st = store.stats();
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject histograms;
    for (Dimension d : kDimensions) {
      QJsonArray counts;
      for (qint64 n : st.histogram[static_cast<size_t>(index(d))])
        counts.append(n);
      histograms.insert(dimensionKey(d), counts);
    }
    QJsonObject root{{QStringLiteral("prompts"), st.prompts},
                     {QStringLiteral("videos"), st.videos},
                     {QStringLiteral("evaluations"), st.evaluations},
                     {QStringLiteral("annotators"), st.annotators},
                     {QStringLiteral("histograms"), histograms}};
    cli::printJson(root);
    return cli::kExitOk;
  }
  QString text = QStringLiteral(
                     "prompts      %1\nvideos       %2\nevaluations  %3\nannotators   %4\n\n"
                     "score histogram    1      2      3      4      5\n")
                     .arg(st.prompts)
                     .arg(st.videos)
                     .arg(st.evaluations)
                     .arg(st.annotators);
  for (Dimension d : kDimensions) {
    text += dimensionKey(d).leftJustified(13);
    for (qint64 n : st.histogram[static_cast<size_t>(index(d))])
      text += QString::number(n).rightJustified(7);
    text += QLatin1Char('\n');
  }
  cli::out(text);
  return cli::kExitOk;
}

const cli::CommandRegistration kStats(
    {QStringLiteral("stats"), QStringLiteral("stats PROJECT [--json]"),
     QStringLiteral("Count prompts, videos, evaluations, annotators; score histograms"), runStats});

}  // namespace
