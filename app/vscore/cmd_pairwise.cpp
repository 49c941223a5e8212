// vscore pairwise SCORES.json --pairs PAIRS.json: see core/analysis/pairwise_report.h.
#include "cmd_options.h"
#include "core/analysis/pairwise_report.h"

namespace {

using namespace vs;
using namespace vs::analysis;

const cli::CommandRegistration kPairwise(
    {QStringLiteral("pairwise"),
     QStringLiteral("pairwise SCORES.json --pairs PAIRS.json [--ties] [--json]"),
     QStringLiteral("Preference accuracy of summed model scores against labelled pairs"),
     {{QStringLiteral("SCORES"), QStringLiteral("prediction file with v/t/p_score_model")}},
     {{QStringLiteral("pairs"), QStringLiteral("preference pairs (JSON array)"),
       QStringLiteral("PAIRS.json")},
      {QStringLiteral("ties"), QStringLiteral("count ties (predicted tie within the threshold)")},
      {QStringLiteral("threshold"),
       QStringLiteral("tie threshold with --ties (default 0.5 integer scores, 0.001 soft scores)"),
       QStringLiteral("X")},
      {QStringLiteral("score"),
       QStringLiteral("what is compared: total (v+t+p, default), mean, visual, t2v or phy"),
       QStringLiteral("S"), QStringLiteral("total")},
      cli::jsonOption()},
     1,
     1,
     {QStringLiteral("pairs")}},
    [](const cli::Args& args) {
      const QString score = args.value(QStringLiteral("score"));
      const int kind = pairScoreKind(score);
      if (kind < 0)
        cli::usageError(QStringLiteral("--score must be total, mean, visual, t2v or phy"));
      const PairScores scores = readPairScores(args.at(0), kind);
      double threshold = referenceTieThreshold(scores.soft ? ScoreScale::Soft : ScoreScale::Integer);
      if (args.has(QStringLiteral("threshold"))) {
        bool ok = false;
        threshold = args.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || threshold < 0)
          cli::usageError(QStringLiteral("--threshold takes a non-negative number"));
      }
      const ScoredPairs pairs = readScoredPairs(args.value(QStringLiteral("pairs")), scores);
      const TieHandling ties =
          args.has(QStringLiteral("ties")) ? TieHandling::Included : TieHandling::Excluded;
      const PairwiseResult result = pairwiseAccuracy(pairs.pairs, ties, threshold);
      if (args.json())
        cli::printJson(pairwiseJson(result, ties, threshold, pairs.missing, score));
      else
        cli::out(pairwiseText(result, ties, threshold, pairs.missing));
      return cli::kExitOk;
    });

}  // namespace
