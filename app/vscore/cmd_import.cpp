// vscore import PROJECT FILE: see core/interop/project_import.h.
#include "core/cli/command_spec.h"
#include "core/cli/progress_line.h"
#include "core/interop/project_import.h"
#ifndef VS_CLI_FORWARD  // the light vscore hands `--videos` to vscore-full (see fullOptions)
#include "core/library/project_media.h"
#endif

namespace {

using namespace vs;

const cli::CommandRegistration kImport(
    cli::Spec{
        "import",
        "import PROJECT FILE [--format auto|vf2-json|vf2-jsonl|csv|predictions|labelstudio] "
        "[--annotator NAME] [--videos DIR]...",
        "Import a data file into a project, all or nothing",
        {cli::projectArgument(), {"FILE", "file to import"}},
        {{"format",
          "auto|vf2-json|vf2-jsonl|csv|predictions|labelstudio|pairs|labelstudio-pairwise "
          "(default auto: from content and extension)",
          "FORMAT", "auto"},
         {"annotator",
          "who gave the scores (default \"default\"; for prediction files the ground-truth scores, "
          "default \"gt\")",
          "NAME"},
         {"model", "prediction files: the model annotator (default \"VideoScore2\")", "NAME", "VideoScore2"},
         {"model-id", "prediction files: checkpoint id to record", "ID"},
         {"busy-timeout-ms", "how long to wait for another program writing the project (default 5000)", "MS",
          "5000"},
         {"videos",
          "folder holding the items' video files (repeatable): added to the project's media folders "
          "and each video's file found and probed now",
          "DIR"},
         {"timings", "print the time of each phase on stderr"}}}
        .withUsage("vscore import PROJECT FILE [--format F] [--annotator NAME]")
        .handedToFullWith({"--videos"}),  // finding and probing videos needs FFmpeg
    [](const cli::Args& args) {
      interop::ImportRequest request;
      request.project = args.at(0);
      request.file = args.at(1);
      request.format = args.value("format");
      request.annotator = args.given("annotator");
      request.model = args.value("model");
      request.modelId = args.value("model-id");
      bool ok = false;
      request.busyTimeoutMs = args.value("busy-timeout-ms").toInt(&ok);
      request.busyTimeoutMs = ok ? request.busyTimeoutMs : -1;  // checked when the project is opened
      request.videoFolders = args.values("videos");
      cli::ProgressLine progress("importing");
      request.progress = progress.reporter();
#ifndef VS_CLI_FORWARD
      // Finds the items' video files in the folders.
      request.afterWrite = [&request](store::Store& store) {
        cli::ProgressLine probing("finding videos");
        const library::RelinkResult linked = library::relink(store, request.videoFolders, probing.steps());
        cli::err(library::missingVideosText(linked));
        return library::importedVideosSummary(linked);
      };
#endif
      const interop::ImportReport report = interop::importFile(request);
      if (args.has("timings") && !report.timings.isEmpty())
        cli::err(report.timings + QLatin1Char('\n'));
      cli::out(report.summary);
      return cli::kExitOk;
    });

}  // namespace
