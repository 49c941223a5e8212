// vscore add-videos PROJECT PATH... : a user's own video files into a project, each probed;
// nothing is added unless every file is a readable video with a prompt.
#include "core/cli/command_spec.h"
#include "core/cli/progress_line.h"
#include "core/library/project_media.h"

namespace {

using namespace vs;

void exclusive(const cli::Args& args, const QString& a, const QString& b) {
  if (args.has(a) && args.has(b))
    cli::usageError(QStringLiteral("--%1 and --%2 exclude each other").arg(a, b));
}

const cli::CommandRegistration kAddVideos(
    cli::Spec{
        "add-videos",
        "add-videos PROJECT PATH... [--recursive] [--prompt TEXT | --prompts FILE] "
        "[--generator NAME | --generator-from folder|file] [--batch NAME] [--allow-no-prompt]",
        "Add video files or folders to a project, each probed",
        {cli::projectArgument(), {"PATH", "video files or folders", "PATH..."}},
        {{"recursive", "descend into sub-folders"},
         {"prompt", "one prompt for every file", "TEXT"},
         {"prompts", "file mapping video_name to prompt", "FILE"},
         {"generator", "generator of every file", "NAME"},
         {"generator-from", "folder: the parent folder's name; file: the file's base name", "folder|file"},
         {"batch", "batch label of the videos added", "NAME"},
         {"allow-no-prompt", "add files no prompt was found for"}}}
        .withDescription(
            "Adds video files, or the video files in folders, to a project.\n"
            "video_name: a file given by itself is named by its base name; a file inside a folder given\n"
            "by its path below that folder without the extension (\"sora/cat\").\n"
            "Prompt: --prompt, else --prompts FILE (JSON object name -> prompt, CSV with video_name and\n"
            "prompt columns, or a VideoFeedback2 file), else a sidecar <clip>.txt, else prompt.txt in the\n"
            "clip's folder.\n"
            "Layouts: generator/clip.mp4 (--generator-from folder) or prompt/generator.mp4 with\n"
            "prompt/prompt.txt (--generator-from file)."),
    [](const cli::Args& args) {
      exclusive(args, "prompt", "prompts");
      exclusive(args, "generator", "generator-from");
      library::IntakeOptions options;
      options.recursive = args.has("recursive");
      options.allowNoPrompt = args.has("allow-no-prompt");
      options.prompt = args.given("prompt");
      options.generator = args.value("generator");
      options.batch = args.value("batch");
      const QString from = args.value("generator-from");
      if (args.has("generator-from") && from != QLatin1String("folder") && from != QLatin1String("file"))
        cli::usageError(QStringLiteral("--generator-from takes folder or file, not '%1'").arg(from));
      options.generatorFrom = from == QLatin1String("folder") ? library::GeneratorFrom::Folder
                              : from == QLatin1String("file") ? library::GeneratorFrom::FileName
                                                              : library::GeneratorFrom::None;
      cli::ProgressLine progress("probing");
      const library::IntakeResult result = library::addVideosToProject(
          args.at(0), args.positional().mid(1), options, args.given("prompts"), progress.steps());
      if (!result.problems.isEmpty()) {
        cli::err(library::intakeProblemsText(result.problems));
        throw Error(
            Error::Kind::InvalidData, QString(),
            QStringLiteral("%1 file(s) cannot be added; nothing was added").arg(result.problems.size()));
      }
      cli::out(QStringLiteral("added %1 videos, updated %2\n").arg(result.added).arg(result.updated));
      return cli::kExitOk;
    });

}  // namespace
