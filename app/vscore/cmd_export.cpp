// vscore export PROJECT --format F --out FILE: see core/interop/project_export.h.
#include "core/cli/command_spec.h"
#include "core/cli/progress_line.h"
#include "core/interop/project_export.h"

namespace {

using namespace vs;

const cli::CommandRegistration kExport(
    cli::Spec{
        "export",
        "export PROJECT --format vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio|pairs|"
        "labelstudio-pairwise --out FILE [--annotator NAME|--origin human|model]",
        "Export a project's evaluations (written to a temporary file, then renamed)",
        {cli::projectArgument()},
        {{"format",
          "vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio; people's preferences: "
          "pairs|labelstudio-pairwise",
          "FORMAT"},
         {"out", "file to write", "FILE"},
         {"annotator", "only this annotator's evaluations", "NAME"},
         {"origin", "only evaluations of this origin: human|model|model-accepted|model-edited", "ORIGIN"},
         {"model", "predictions: the model annotator (default: the project's only model)", "NAME"},
         {"instruction", "sft: user-turn template with $t2v_prompt", "TEXT"}}}
        .requiring({"format", "out"})
        .withUsage("vscore export PROJECT --format FORMAT --out FILE"),
    [](const cli::Args& args) {
      cli::ProgressLine progress("exporting");
      const interop::ExportRequest request{
          args.at(0),           args.value("format"), args.value("out"),         args.value("annotator"),
          args.given("origin"), args.value("model"),  args.value("instruction"), progress.reporter()};
      cli::out(interop::exportProject(request));
      return cli::kExitOk;
    });

}  // namespace
