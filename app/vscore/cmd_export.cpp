// vscore export PROJECT --format F --out FILE: see core/interop/project_export.h.
#include "cmd_options.h"
#include "cmd_progress.h"
#include "core/interop/project_export.h"

namespace {

using namespace vs;

const cli::CommandRegistration kExport(
    {QStringLiteral("export"),
     QStringLiteral("export PROJECT --format vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio|pairs|"
                    "labelstudio-pairwise --out FILE [--annotator NAME|--origin human|model]"),
     QStringLiteral("Export a project's evaluations (written to a temporary file, then renamed)"),
     {cli::projectArgument()},
     {{QStringLiteral("format"),
       QStringLiteral("vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio; people's preferences: "
                      "pairs|labelstudio-pairwise"),
       QStringLiteral("FORMAT")},
      {QStringLiteral("out"), QStringLiteral("file to write"), QStringLiteral("FILE")},
      {QStringLiteral("annotator"), QStringLiteral("only this annotator's evaluations"),
       QStringLiteral("NAME")},
      {QStringLiteral("origin"),
       QStringLiteral("only evaluations of this origin: human|model|model-accepted|model-edited"),
       QStringLiteral("ORIGIN")},
      {QStringLiteral("model"),
       QStringLiteral("predictions: the model annotator (default: the project's only model)"),
       QStringLiteral("NAME")},
      {QStringLiteral("instruction"), QStringLiteral("sft: user-turn template with $t2v_prompt"),
       QStringLiteral("TEXT")}},
     1,
     1,
     {QStringLiteral("format"), QStringLiteral("out")},
     QStringLiteral("vscore export PROJECT --format FORMAT --out FILE")},
    [](const cli::Args& args) {
      interop::ExportRequest request{args.at(0), args.value(QStringLiteral("format")),
                                     args.value(QStringLiteral("out")),
                                     args.value(QStringLiteral("annotator"))};
      if (args.has(QStringLiteral("origin")))
        request.origin = args.value(QStringLiteral("origin"));
      request.model = args.value(QStringLiteral("model"));
      request.instruction = args.value(QStringLiteral("instruction"));
      cli::ProgressLine progress(QStringLiteral("exporting"));
      request.progress = progress.reporter();
      cli::out(interop::exportProject(request));
      return cli::kExitOk;
    });

}  // namespace
