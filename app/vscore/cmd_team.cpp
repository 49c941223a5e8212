// vscore team PROJECT [--judgements-per-video K] [--json]: a project's team settings (how many
// people should judge each video) and the live leases.
#include "cmd_options.h"
#include "core/analysis/project_report.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kTeam(
    {"team",
     "team PROJECT [--judgements-per-video K]",
     "Team settings (people per video) and live leases",
     {cli::projectArgument()},
     {{"judgements-per-video", "set k, the people wanted per video", "K"}, cli::jsonOption()},
     {},
     "vscore team PROJECT [--judgements-per-video K] [--json]"},
    [](const cli::Args& args) {
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      if (args.has("judgements-per-video")) {
        store.setJudgementsPerVideo(int(args.integer("judgements-per-video", 1, INT_MAX,
                                                     "--judgements-per-video takes a whole number >= 1")));
      }
      if (args.json())
        cli::printJson(analysis::teamJson(store));
      else
        cli::out(analysis::teamText(store));
      return cli::kExitOk;
    });

}  // namespace
