// vscore team PROJECT [--judgements-per-video K] [--json]: a project's team settings (how many
// people should judge each video) and the live leases.
#include "core/cli/command_spec.h"
#include "core/analysis/project_report.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kTeam(
    cli::Spec{"team",
              "team PROJECT [--judgements-per-video K]",
              "Team settings (people per video) and live leases",
              {cli::projectArgument()},
              {{"judgements-per-video", "set k, the people wanted per video", "K"}, cli::jsonOption()}}
        .withUsage("vscore team PROJECT [--judgements-per-video K] [--json]"),
    [](const cli::Args& args) {
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      if (args.has("judgements-per-video")) {
        store.setJudgementsPerVideo(int(args.integer("judgements-per-video", 1, INT_MAX,
                                                     "--judgements-per-video takes a whole number >= 1")));
      }
      cli::printReport(args.json(), analysis::teamJson(store), analysis::teamText(store));
      return cli::kExitOk;
    });

}  // namespace
