// vscore pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]
//   [--time-ms MS] [--json]
// Records one person's Best-of-N pick among the candidates of a prompt, as the workstation's
// Best-of-N mode does: see core/library/judgement_entry.h.
#include "core/cli/command_spec.h"
#include "core/library/judgement_entry.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kPick(
    {"pick",
     "pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]",
     "Record one person's Best-of-N pick among the candidates of a prompt",
     {cli::projectArgument()},
     {{"annotator", "who picked (a person; added when new)", "NAME"},
      {"prompt-of", "a video of the prompt (name); default: the best video", "VIDEO"},
      {"best", "the best candidate (name)", "VIDEO"},
      {"worst", "the worst candidate (name, optional)", "VIDEO"},
      {"candidates",
       "the candidates shown, comma-separated names in tile order (default: every video of the "
       "prompt)",
       "V1,V2,..."},
      {"time-ms", "time spent picking, in ms", "MS", "0"},
      cli::jsonOption("print the stored pick as one JSON object")}},
    [](const cli::Args& args) {
      args.requireValues({"annotator", "best"});
      library::PickEntry entry;
      entry.timeSpentMs = args.integer("time-ms", 0, LLONG_MAX, "--time-ms needs a number >= 0");
      entry.annotator = args.value("annotator");
      entry.best = args.value("best");
      entry.promptOf = args.given("prompt-of");
      entry.worst = args.given("worst");
      if (args.has("candidates"))
        entry.candidates = args.value("candidates").split(QLatin1Char(','), Qt::SkipEmptyParts);
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const library::PickEntered entered = library::enterPick(store, args.at(0), entry);
      cli::printReport(args.json(), library::pickEnteredJson(entered), library::pickEnteredText(entered));
      return cli::kExitOk;
    });

}  // namespace
