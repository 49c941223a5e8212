// vscore rank PROJECT [--by model|human|preference|SOURCE] [--json]: see core/analysis/rank_report.h.
#include "core/analysis/bootstrap_option_rows.h"
#include "core/analysis/rank_report.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kRank(
    {"rank",
     "rank PROJECT [--by model|human] [--json]",
     "Generator leaderboard (means, Bradley-Terry) and Best-of-N agreement",
     {cli::projectArgument()},
     analysis::withBootstrapRows({{"by",
                                   "whose scores rank the generators: model (default), human, preference "
                                   "(people's pairs, Bradley-Terry), or a SOURCE (annotator name, model:ID)",
                                   "WHO", "model"},
                                  {"weights",
                                   "Best-of-N: per-dimension weights of the selection score (default 1,1,1: "
                                   "the total; soft model scores select by soft total)",
                                   "V,T,P", "1,1,1"},
                                  cli::jsonOption()})},
    [](const cli::Args& args) {
      const analysis::BootstrapOptions bootstrap = analysis::bootstrapOptions(args);
      analysis::BestOfNOptions selection;
      const QStringList weights = args.value("weights").split(QLatin1Char(','));
      bool ok = weights.size() == 3;
      for (int d = 0; d < 3 && ok; ++d)
        selection.weights[static_cast<size_t>(d)] = weights[d].toDouble(&ok);
      if (!ok)
        cli::usageError("--weights takes three numbers: V,T,P");
      const store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const analysis::Ranking ranking =
          analysis::projectRanking(store, args.at(0), args.value("by"), selection, bootstrap);
      cli::printReport(args.json(), analysis::rankingJson(ranking), analysis::rankingText(ranking));
      return cli::kExitOk;
    });

}  // namespace
