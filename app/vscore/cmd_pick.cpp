// vscore pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]
//   [--time-ms MS] [--json]
// Records one person's Best-of-N pick among the candidates of a prompt, as the workstation's
// Best-of-N mode does: see core/library/judgement_entry.h.
#include "cmd_options.h"
#include "core/library/judgement_entry.h"
#include "core/store/store.h"

namespace {

using namespace vs;

std::optional<QString> optional(const cli::Args& args, const QString& name) {
  return args.has(name) ? std::optional(args.value(name)) : std::nullopt;
}

const cli::CommandRegistration kPick(
    {QStringLiteral("pick"),
     QStringLiteral(
         "pick PROJECT --annotator A --prompt-of VIDEO --best X [--worst Y] [--candidates V1,V2,...]"),
     QStringLiteral("Record one person's Best-of-N pick among the candidates of a prompt"),
     {cli::projectArgument()},
     {{QStringLiteral("annotator"), QStringLiteral("who picked (a person; added when new)"),
       QStringLiteral("NAME")},
      {QStringLiteral("prompt-of"), QStringLiteral("a video of the prompt (name); default: the best video"),
       QStringLiteral("VIDEO")},
      {QStringLiteral("best"), QStringLiteral("the best candidate (name)"), QStringLiteral("VIDEO")},
      {QStringLiteral("worst"), QStringLiteral("the worst candidate (name, optional)"),
       QStringLiteral("VIDEO")},
      {QStringLiteral("candidates"),
       QStringLiteral(
           "the candidates shown, comma-separated names in tile order (default: every video of the "
           "prompt)"),
       QStringLiteral("V1,V2,...")},
      {QStringLiteral("time-ms"), QStringLiteral("time spent picking, in ms"), QStringLiteral("MS"),
       QStringLiteral("0")},
      cli::jsonOption(QStringLiteral("print the stored pick as one JSON object"))}},
    [](const cli::Args& args) {
      args.requireValues({QStringLiteral("annotator"), QStringLiteral("best")});
      library::PickEntry entry;
      entry.timeSpentMs = args.integer(QStringLiteral("time-ms"), 0, LLONG_MAX,
                                       QStringLiteral("--time-ms needs a number >= 0"));
      entry.annotator = args.value(QStringLiteral("annotator"));
      entry.best = args.value(QStringLiteral("best"));
      entry.promptOf = optional(args, QStringLiteral("prompt-of"));
      entry.worst = optional(args, QStringLiteral("worst"));
      if (args.has(QStringLiteral("candidates")))
        entry.candidates =
            args.value(QStringLiteral("candidates")).split(QLatin1Char(','), Qt::SkipEmptyParts);
      store::Store store(args.at(0), store::OpenMode::OpenExisting);
      const library::PickEntered entered = library::enterPick(store, args.at(0), entry);
      if (args.json())
        cli::printJson(library::pickEnteredJson(entered));
      else
        cli::out(library::pickEnteredText(entered));
      return cli::kExitOk;
    });

}  // namespace
