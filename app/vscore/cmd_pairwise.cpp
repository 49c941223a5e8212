// vscore pairwise SCORES.json --pairs PAIRS.json: see core/analysis/pairwise_report.h.
#include "core/cli/command_spec.h"
#include "core/analysis/pairwise_report.h"

namespace {

using namespace vs;
using namespace vs::analysis;

const cli::CommandRegistration kPairwise(
    {"pairwise",
     "pairwise SCORES.json --pairs PAIRS.json [--ties] [--json]",
     "Preference accuracy of summed model scores against labelled pairs",
     {{"SCORES", "prediction file with v/t/p_score_model"}},
     {{"pairs", "preference pairs (JSON array)", "PAIRS.json"},
      {"ties", "count ties (predicted tie within the threshold)"},
      {"threshold", "tie threshold with --ties (default 0.5 integer scores, 0.001 soft scores)", "X"},
      {"score", "what is compared: total (v+t+p, default), mean, visual, t2v or phy", "S", "total"},
      cli::jsonOption()},
     {"pairs"}},
    [](const cli::Args& args) {
      const QString score = args.value("score");
      const int kind = pairScoreKind(score);
      if (kind < 0)
        cli::usageError("--score must be total, mean, visual, t2v or phy");
      const PairScores scores = readPairScores(args.at(0), kind);
      double threshold = referenceTieThreshold(scores.soft ? ScoreScale::Soft : ScoreScale::Integer);
      if (args.has("threshold"))
        threshold = args.real("threshold", 0, std::numeric_limits<double>::infinity(),
                              "--threshold takes a non-negative number");
      const ScoredPairs pairs = readScoredPairs(args.value("pairs"), scores);
      const TieHandling ties = args.has("ties") ? TieHandling::Included : TieHandling::Excluded;
      const PairwiseResult result = pairwiseAccuracy(pairs.pairs, ties, threshold);
      cli::printReport(args.json(), pairwiseJson(result, ties, threshold, pairs.missing, score),
                       pairwiseText(result, ties, threshold, pairs.missing));
      return cli::kExitOk;
    });

}  // namespace
