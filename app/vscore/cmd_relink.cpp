// vscore relink PROJECT DIR...: finds the project's missing videos again after a move.
#include "core/cli/command_spec.h"
#include "core/cli/progress_line.h"
#include "core/library/project_media.h"

namespace {

using namespace vs;

const cli::CommandRegistration kRelink(
    cli::Spec{"relink",
              "relink PROJECT DIR... [--json]",
              "Find missing videos again after their folder moved",
              {cli::projectArgument(), {"DIR", "folders to search", "DIR..."}},
              {cli::jsonOption()}}
        .withDescription(
            "Adds the folders to the project's media folders and links every video whose file is gone\n"
            "to the file of its name found there (also below sub-folders). Prints what was found and\n"
            "what is still missing."),
    [](const cli::Args& args) {
      cli::ProgressLine progress("probing");
      const library::RelinkResult r =
          library::relinkProject(args.at(0), args.positional().mid(1), progress.steps());
      cli::printReport(args.json(), library::relinkJson(r), library::relinkText(r));
      return cli::kExitOk;
    });

}  // namespace
