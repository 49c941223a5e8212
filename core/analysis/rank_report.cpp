#include "core/analysis/rank_report.h"

#include <QJsonArray>

#include "core/analysis/analysis_json.h"
#include "core/analysis/project_sources.h"
#include "core/analysis/rounding.h"
#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::analysis {
namespace {

QString num(const std::optional<double>& v, int decimals = 3) {
  return v ? QString::number(*v, 'f', decimals) : QStringLiteral("—");
}

QJsonValue optionalJson(const std::optional<double>& v) {
  return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject preferenceJson(const Ranking& r) {
  QJsonArray board;
  for (const auto& e : r.people) {
    board.append(QJsonObject{
        {QStringLiteral("generator"), QString::fromStdString(e.generator)},
        {QStringLiteral("strength"), optionalJson(e.strength)},
        {QStringLiteral("strength_ci"),
         e.strengthCi ? QJsonValue(QJsonArray{e.strengthCi->low, e.strengthCi->high}) : QJsonValue()},
        {QStringLiteral("log_strength"), optionalJson(e.logStrength)},
        {QStringLiteral("comparisons"), static_cast<double>(e.comparisons)},
        {QStringLiteral("wins"), e.wins},
        {QStringLiteral("losses"), e.losses},
        {QStringLiteral("ties"), e.ties}});
  }
  return QJsonObject{{QStringLiteral("by"), QStringLiteral("preference")},
                     {QStringLiteral("pairs"), static_cast<double>(r.pairs)},
                     {QStringLiteral("leaderboard"), board}};
}

QString preferenceText(const Ranking& r) {
  QString t = QStringLiteral(
                  "generators ranked by %1 people's preferences (Bradley-Terry strength, sums to 1; "
                  "95% intervals over prompts)\n\n")
                  .arg(r.pairs);
  t += QStringLiteral("rank  generator             compared  wins  losses  ties  strength  CI\n");
  int rank = 0;
  for (const auto& e : r.people) {
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
  return t;
}

}  // namespace

Ranking projectRanking(const store::Store& store, const QString& path, const QString& by,
                       const BestOfNOptions& selection, const BootstrapOptions& bootstrap) {
  Ranking r;
  if (by == QLatin1String("preference")) {
    const std::vector<JudgedPair> pairs = projectJudgedPairs(store);
    if (pairs.empty())
      throw Error(Error::Kind::Usage, path, QStringLiteral("the project has no preferences"));
    r.byPreference = true;
    r.by = by;
    r.pairs = static_cast<int64_t>(pairs.size());
    r.people = preferenceLeaderboard(pairs, bootstrap);
    return r;
  }
  const std::optional<ScoreSource> model = firstSource(store, AnnotatorKind::Model);
  const std::optional<ScoreSource> human = firstSource(store, AnnotatorKind::Human);
  std::optional<ScoreSource> source;
  if (by == QLatin1String("model"))
    source = model ? std::optional(ScoreSource{ScoreSource::Kind::Model, {}}) : std::nullopt;
  else if (by == QLatin1String("human"))
    source = human;
  else
    source = ScoreSource::parse(by);
  if (!source)
    throw Error(Error::Kind::Usage, path, QStringLiteral("the project has no %1 scores").arg(by));
  r.by = source->text();
  r.scores = generatorLeaderboard(projectGeneratorSamples(store, *source), bootstrap);
  if (model && human) {
    r.candidates = projectCandidates(store, ScoreSource{ScoreSource::Kind::Model, {}}, *human);
    r.best = bestOfN(r.candidates, selection);
  }
  return r;
}

QJsonObject rankingJson(const Ranking& r) {
  if (r.byPreference)
    return preferenceJson(r);
  return QJsonObject{{QStringLiteral("by"), r.by},
                     {QStringLiteral("leaderboard"), leaderboardToJson(r.scores)},
                     {QStringLiteral("best_of_n"),
                      r.best ? QJsonValue(bestOfNToJson(*r.best, r.candidates)) : QJsonValue()}};
}

QString rankingText(const Ranking& r) {
  if (r.byPreference)
    return preferenceText(r);
  QString t = QStringLiteral(
                  "generators ranked by %1 scores (Bradley-Terry log-strength from same-prompt "
                  "comparisons; 95% intervals over prompts)\n\n")
                  .arg(r.by);
  t += QStringLiteral("rank  generator             videos   mean    mean CI             BT      BT CI\n");
  auto ci = [](const std::optional<Interval>& i) {
    return i ? QStringLiteral("[%1, %2]")
                   .arg(QString::number(i->low, 'f', 2), QString::number(i->high, 'f', 2))
             : QStringLiteral("—");
  };
  int rank = 0;
  for (const LeaderboardEntry& e : r.scores) {
    t += QStringLiteral("%1  %2 %3 %4    %5 %6 %7\n")
             .arg(++rank, 4)
             .arg(QString::fromStdString(e.generator).leftJustified(20))
             .arg(e.videos, 7)
             .arg(num(e.meanScore), 7)
             .arg(ci(e.meanCi).leftJustified(18))
             .arg(num(e.strength), 7)
             .arg(ci(e.strengthCi));
  }
  if (r.best && r.best->groups > 0) {
    t += QStringLiteral(
             "\nBest-of-N over %1 prompts: the model's pick is a human best in %2% (random pick: %3%), "
             "mean regret %4 points\n")
             .arg(r.best->groups)
             .arg(num(percent3(r.best->top1Agreement)), num(percent3(r.best->chanceAgreement)),
                  num(round3(r.best->meanRegret)));
  }
  return t;
}

}  // namespace vs::analysis
