// vscore prefer PROJECT --annotator A --left X --right Y --choice left|right|tie
//   [--dimension overall|visual|t2v|phy] [--reason T] [--time-ms MS] [--randomised] [--json]
// Records one person's preference between two videos of a prompt: see core/library/judgement_entry.h.
#include "core/cli/command_spec.h"
#include "core/library/judgement_entry.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kPrefer(
    {"prefer",
     "prefer PROJECT --annotator A --left X --right Y --choice left|right|tie [--dimension D] "
     "[--reason T]",
     "Record one person's preference between two videos of a prompt",
     {cli::projectArgument()},
     {{"annotator", "who judged (a person; added when new)", "NAME"},
      {"left", "video shown on the left (name)", "VIDEO"},
      {"right", "video shown on the right (name)", "VIDEO"},
      {"choice", "left, right or tie", "CHOICE"},
      {"dimension", "overall (default), visual, t2v or phy", "DIM", "overall"},
      {"reason", "why (optional)", "TEXT"},
      {"time-ms", "time spent judging, in ms", "MS", "0"},
      {"randomised", "the left/right order was drawn at random"},
      cli::jsonOption("print the stored preference as one JSON object")}},
    [](const cli::Args& args) {
      args.requireValues({"annotator", "left", "right", "choice"});
      library::PreferenceEntry entry;
      const auto choice = preferenceChoiceFromName(args.value("choice"));
      if (!choice)
        cli::usageError("--choice must be left, right or tie");
      const auto dimension = preferenceDimensionFromName(args.value("dimension"));
      if (!dimension)
        cli::usageError("--dimension must be overall, visual, t2v or phy");
      entry.timeSpentMs = args.integer("time-ms", 0, LLONG_MAX, "--time-ms needs a number >= 0");
      entry.annotator = args.value("annotator");
      entry.left = args.value("left");
      entry.right = args.value("right");
      entry.choice = *choice;
      entry.dimension = *dimension;
      entry.reason = args.value("reason");
      entry.randomised = args.has("randomised");
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const library::PreferenceEntered entered = library::enterPreference(store, args.at(0), entry);
      cli::printReport(args.json(), library::preferenceEnteredJson(entered),
                       library::preferenceEnteredText(entered));
      return cli::kExitOk;
    });

}  // namespace
