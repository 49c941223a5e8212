// vscore prefer PROJECT --annotator A --left X --right Y --choice left|right|tie
//   [--dimension overall|visual|t2v|phy] [--reason T] [--time-ms MS] [--randomised] [--json]
// Records one person's preference between two videos of a prompt: see core/library/judgement_entry.h.
#include "cmd_options.h"
#include "core/library/judgement_entry.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kPrefer(
    {QStringLiteral("prefer"),
     QStringLiteral("prefer PROJECT --annotator A --left X --right Y --choice left|right|tie [--dimension D] "
                    "[--reason T]"),
     QStringLiteral("Record one person's preference between two videos of a prompt"),
     {cli::projectArgument()},
     {{QStringLiteral("annotator"), QStringLiteral("who judged (a person; added when new)"),
       QStringLiteral("NAME")},
      {QStringLiteral("left"), QStringLiteral("video shown on the left (name)"), QStringLiteral("VIDEO")},
      {QStringLiteral("right"), QStringLiteral("video shown on the right (name)"), QStringLiteral("VIDEO")},
      {QStringLiteral("choice"), QStringLiteral("left, right or tie"), QStringLiteral("CHOICE")},
      {QStringLiteral("dimension"), QStringLiteral("overall (default), visual, t2v or phy"),
       QStringLiteral("DIM"), QStringLiteral("overall")},
      {QStringLiteral("reason"), QStringLiteral("why (optional)"), QStringLiteral("TEXT")},
      {QStringLiteral("time-ms"), QStringLiteral("time spent judging, in ms"), QStringLiteral("MS"),
       QStringLiteral("0")},
      {QStringLiteral("randomised"), QStringLiteral("the left/right order was drawn at random")},
      cli::jsonOption(QStringLiteral("print the stored preference as one JSON object"))}},
    [](const cli::Args& args) {
      args.requireValues({QStringLiteral("annotator"), QStringLiteral("left"), QStringLiteral("right"),
                          QStringLiteral("choice")});
      library::PreferenceEntry entry;
      const auto choice = preferenceChoiceFromName(args.value(QStringLiteral("choice")));
      if (!choice)
        cli::usageError(QStringLiteral("--choice must be left, right or tie"));
      const auto dimension = preferenceDimensionFromName(args.value(QStringLiteral("dimension")));
      if (!dimension)
        cli::usageError(QStringLiteral("--dimension must be overall, visual, t2v or phy"));
      entry.timeSpentMs = args.integer(QStringLiteral("time-ms"), 0, LLONG_MAX,
                                       QStringLiteral("--time-ms needs a number >= 0"));
      entry.annotator = args.value(QStringLiteral("annotator"));
      entry.left = args.value(QStringLiteral("left"));
      entry.right = args.value(QStringLiteral("right"));
      entry.choice = *choice;
      entry.dimension = *dimension;
      entry.reason = args.value(QStringLiteral("reason"));
      entry.randomised = args.has(QStringLiteral("randomised"));
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const library::PreferenceEntered entered = library::enterPreference(store, args.at(0), entry);
      if (args.json())
        cli::printJson(library::preferenceEnteredJson(entered));
      else
        cli::out(library::preferenceEnteredText(entered));
      return cli::kExitOk;
    });

}  // namespace
