// vscore rank PROJECT.vsproj [--by model|human|SOURCE] [--json]
// Generator leaderboard (mean total score and Bradley-Terry strength from same-prompt
// comparisons, with bootstrap intervals over prompts) and, when the project holds both model and
// human scores, Best-of-N agreement between the model's pick and the people's best per prompt.
#include <QCommandLineParser>
#include <QJsonObject>

#include "cmd_analysis_options.h"
#include "cmd_options.h"
#include "command.h"
#include "core/analysis/analysis_json.h"
#include "core/analysis/best_of_n.h"
#include "core/analysis/leaderboard.h"
#include "core/analysis/project_sources.h"
#include "core/analysis/rounding.h"
#include "core/store/store.h"

namespace {

using namespace vs;
using namespace vs::analysis;

QString num(const std::optional<double>& v, int decimals = 3) {
  return v ? QString::number(*v, 'f', decimals) : QStringLiteral("—");
}

int runRank(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("by"),
                    QStringLiteral("whose scores rank the generators: model (default), human, or a SOURCE "
                                   "(annotator name, model:ID)"),
                    QStringLiteral("WHO"), QStringLiteral("model")});
  parser.addOption({QStringLiteral("weights"),
                    QStringLiteral("Best-of-N: per-dimension weights of the selection score (default 1,1,1: the "
                                   "total; soft model scores select by soft total)"),
                    QStringLiteral("V,T,P"), QStringLiteral("1,1,1")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  cli::addBootstrapOptions(parser);
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("rank"), args)) {
    return *stop;
  }
  if (const auto stop = cli::requirePositionals(parser, 1, QStringLiteral("vscore rank PROJECT [--by model|human] [--json]"))) {
    return *stop;
  }
  BootstrapOptions bootstrap;
  if (!cli::readBootstrapOptions(parser, &bootstrap)) {
    return cli::kExitUsage;
  }
  BestOfNOptions selection;
  const QStringList weights = parser.value(QStringLiteral("weights")).split(QLatin1Char(','));
  bool weightsOk = weights.size() == 3;
  for (int d = 0; d < 3 && weightsOk; ++d) {
    selection.weights[static_cast<size_t>(d)] = weights[d].toDouble(&weightsOk);
  }
  if (!weightsOk) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--weights takes three numbers: V,T,P"));
  }
  const QString path = parser.positionalArguments().first();
  const store::Store store(path, store::OpenMode::OpenExisting);
  const std::optional<ScoreSource> model = firstSource(store, AnnotatorKind::Model);
  const std::optional<ScoreSource> human = firstSource(store, AnnotatorKind::Human);
  const QString by = parser.value(QStringLiteral("by"));
  std::optional<ScoreSource> source;
  if (by == QLatin1String("model")) {
    source = model ? std::optional(ScoreSource{ScoreSource::Kind::Model, {}}) : std::nullopt;
  } else if (by == QLatin1String("human")) {
    source = human;
  } else {
    source = ScoreSource::parse(by);
  }
  if (!source) {
    return cli::fail(cli::kExitUsage, QStringLiteral("%1: the project has no %2 scores").arg(path, by));
  }
  const auto entries = generatorLeaderboard(projectGeneratorSamples(store, *source), bootstrap);
  std::optional<BestOfNResult> best;
  std::vector<Candidate> candidates;
  if (model && human) {
    candidates = projectCandidates(store, ScoreSource{ScoreSource::Kind::Model, {}}, *human);
    best = bestOfN(candidates, selection);
  }
  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject o;
    o.insert(QStringLiteral("by"), source->text());
    o.insert(QStringLiteral("leaderboard"), leaderboardToJson(entries));
    o.insert(QStringLiteral("best_of_n"), best ? QJsonValue(bestOfNToJson(*best, candidates)) : QJsonValue());
    cli::printJson(o);
    return cli::kExitOk;
  }
  QString t = QStringLiteral("generators ranked by %1 scores (Bradley-Terry log-strength from same-prompt "
                             "comparisons; 95% intervals over prompts)\n\n")
                  .arg(source->text());
  t += QStringLiteral("rank  generator             videos   mean    mean CI             BT      BT CI\n");
  int rank = 0;
  for (const LeaderboardEntry& e : entries) {
    auto ci = [](const std::optional<Interval>& i) {
      return i ? QStringLiteral("[%1, %2]").arg(QString::number(i->low, 'f', 2), QString::number(i->high, 'f', 2))
               : QStringLiteral("—");
    };
    t += QStringLiteral("%1  %2 %3 %4    %5 %6 %7\n")
             .arg(++rank, 4)
             .arg(QString::fromStdString(e.generator).leftJustified(20))
             .arg(e.videos, 7)
             .arg(num(e.meanScore), 7)
             .arg(ci(e.meanCi).leftJustified(18))
             .arg(num(e.strength), 7)
             .arg(ci(e.strengthCi));
  }
  if (best && best->groups > 0) {
    t += QStringLiteral("\nBest-of-N over %1 prompts: the model's pick is a human best in %2% (random pick: %3%), "
                        "mean regret %4 points\n")
             .arg(best->groups)
             .arg(num(percent3(best->top1Agreement)), num(percent3(best->chanceAgreement)),
                  num(round3(best->meanRegret)));
  }
  cli::out(t);
  return cli::kExitOk;
}

const cli::CommandRegistration kRank({QStringLiteral("rank"), QStringLiteral("rank PROJECT [--by model|human] [--json]"),
                                      QStringLiteral("Generator leaderboard (means, Bradley-Terry) and Best-of-N agreement"),
                                      runRank});

}  // namespace
