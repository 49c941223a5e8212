// vscore rank PROJECT.vsproj [--by model|human|SOURCE] [--json]
// Generator leaderboard (mean total score and Bradley-Terry strength from same-prompt
// comparisons, with bootstrap intervals over prompts) and, when the project holds both model and
// human scores, Best-of-N agreement between the model's pick and the people's best per prompt.
#include <QCommandLineParser>
#include <QJsonArray>
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

QJsonValue intervalJson(const std::optional<Interval>& i) {
  return i ? QJsonValue(QJsonArray{i->low, i->high}) : QJsonValue();
}

QJsonValue optionalJson(const std::optional<double>& v) {
  return v ? QJsonValue(*v) : QJsonValue();
}

// Bradley-Terry from people's preferences (overall and per dimension together), strengths
// normalised to sum to 1, intervals from a bootstrap over prompts.
int rankByPreference(const store::Store& store, const QString& path, const BootstrapOptions& bootstrap,
                     bool json) {
  const std::vector<JudgedPair> pairs = projectJudgedPairs(store);
  if (pairs.empty()) {
    return cli::fail(cli::kExitUsage, QStringLiteral("%1: the project has no preferences").arg(path));
  }
  const auto entries = preferenceLeaderboard(pairs, bootstrap);
  if (json) {
    QJsonArray board;
    for (const auto& e : entries) {
      QJsonObject o;
      o.insert(QStringLiteral("generator"), QString::fromStdString(e.generator));
      o.insert(QStringLiteral("strength"), optionalJson(e.strength));
      o.insert(QStringLiteral("strength_ci"), intervalJson(e.strengthCi));
      o.insert(QStringLiteral("log_strength"), optionalJson(e.logStrength));
      o.insert(QStringLiteral("comparisons"), static_cast<double>(e.comparisons));
      o.insert(QStringLiteral("wins"), e.wins);
      o.insert(QStringLiteral("losses"), e.losses);
      o.insert(QStringLiteral("ties"), e.ties);
      board.append(o);
    }
    QJsonObject o;
    o.insert(QStringLiteral("by"), QStringLiteral("preference"));
    o.insert(QStringLiteral("pairs"), static_cast<double>(pairs.size()));
    o.insert(QStringLiteral("leaderboard"), board);
    cli::printJson(o);
    return cli::kExitOk;
  }
  QString t = QStringLiteral(
                  "generators ranked by %1 people's preferences (Bradley-Terry strength, sums to 1; "
                  "95% intervals over prompts)\n\n")
                  .arg(pairs.size());
  t += QStringLiteral("rank  generator             compared  wins  losses  ties  strength  CI\n");
  int rank = 0;
  for (const auto& e : entries) {
    t += QStringLiteral("%1  %2 %3 %4 %5 %6  %7  %8\n")
             .arg(++rank, 4)
             .arg(QString::fromStdString(e.generator).leftJustified(20))
             .arg(e.comparisons, 9)
             .arg(e.wins, 5)
             .arg(e.losses, 7)
             .arg(e.ties, 5)
             .arg(num(e.strength), 8)
             .arg(e.strengthCi
                      ? QStringLiteral("[%1, %2]").arg(num(e.strengthCi->low), num(e.strengthCi->high))
                      : QStringLiteral("—"));
  }
  cli::out(t);
  return cli::kExitOk;
}

int runRank(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption(
      {QStringLiteral("by"),
       QStringLiteral("whose scores rank the generators: model (default), human, preference (people's "
                      "pairs, Bradley-Terry), or a SOURCE (annotator name, model:ID)"),
       QStringLiteral("WHO"), QStringLiteral("model")});
  parser.addOption(
      {QStringLiteral("weights"),
       QStringLiteral("Best-of-N: per-dimension weights of the selection score (default 1,1,1: the "
                      "total; soft model scores select by soft total)"),
       QStringLiteral("V,T,P"), QStringLiteral("1,1,1")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  cli::addBootstrapOptions(parser);
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("rank"), args)) {
    return *stop;
  }
  if (const auto stop = cli::requirePositionals(
          parser, 1, QStringLiteral("vscore rank PROJECT [--by model|human] [--json]"))) {
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
  if (parser.value(QStringLiteral("by")) == QLatin1String("preference")) {
    return rankByPreference(store, path, bootstrap, parser.isSet(QStringLiteral("json")));
  }
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
  QString t = QStringLiteral(
                  "generators ranked by %1 scores (Bradley-Terry log-strength from same-prompt "
                  "comparisons; 95% intervals over prompts)\n\n")
                  .arg(source->text());
  t += QStringLiteral("rank  generator             videos   mean    mean CI             BT      BT CI\n");
  int rank = 0;
  for (const LeaderboardEntry& e : entries) {
    auto ci = [](const std::optional<Interval>& i) {
      return i ? QStringLiteral("[%1, %2]")
                     .arg(QString::number(i->low, 'f', 2), QString::number(i->high, 'f', 2))
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
    t += QStringLiteral(
             "\nBest-of-N over %1 prompts: the model's pick is a human best in %2% (random pick: %3%), "
             "mean regret %4 points\n")
             .arg(best->groups)
             .arg(num(percent3(best->top1Agreement)), num(percent3(best->chanceAgreement)),
                  num(round3(best->meanRegret)));
  }
  cli::out(t);
  return cli::kExitOk;
}

const cli::CommandRegistration kRank(
    {QStringLiteral("rank"), QStringLiteral("rank PROJECT [--by model|human] [--json]"),
     QStringLiteral("Generator leaderboard (means, Bradley-Terry) and Best-of-N agreement"), runRank});

}  // namespace
