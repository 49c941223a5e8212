// vscore add-videos PROJECT PATH... : a user's own video files into a project, each probed;
// nothing is added unless every file is a readable video with a prompt.
#include <QCommandLineParser>
#include <QFile>

#include "cmd_options.h"
#include "cmd_progress.h"
#include "command.h"
#include "core/library/intake_plan.h"
#include "core/library/video_intake.h"
#include "core/store/store.h"

namespace {

using namespace vs;

constexpr const char* kUsage =
    "vscore add-videos PROJECT PATH... [--recursive] [--prompt TEXT | --prompts FILE] "
    "[--generator NAME | --generator-from folder|file] [--batch NAME] [--allow-no-prompt]";

int printProblems(const QVector<library::IntakeProblem>& problems) {
  QString text;
  for (const library::IntakeProblem& p : problems)
    text += p.file + QStringLiteral(": ") + p.reason + QLatin1Char('\n');
  cli::err(text);
  return cli::fail(cli::kExitInvalidData,
                   QStringLiteral("%1 file(s) cannot be added; nothing was added").arg(problems.size()));
}

int runAddVideos(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Adds video files, or the video files in folders, to a project.\n"
      "video_name: a file given by itself is named by its base name; a file inside a folder given\n"
      "by its path below that folder without the extension (\"sora/cat\").\n"
      "Prompt: --prompt, else --prompts FILE (JSON object name -> prompt, CSV with video_name and\n"
      "prompt columns, or a VideoFeedback2 file), else a sidecar <clip>.txt, else prompt.txt in the\n"
      "clip's folder.\n"
      "Layouts: generator/clip.mp4 (--generator-from folder) or prompt/generator.mp4 with\n"
      "prompt/prompt.txt (--generator-from file)."));
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("video files or folders"),
                               QStringLiteral("PATH..."));
  parser.addOption({QStringLiteral("recursive"), QStringLiteral("descend into sub-folders")});
  parser.addOption(
      {QStringLiteral("prompt"), QStringLiteral("one prompt for every file"), QStringLiteral("TEXT")});
  parser.addOption({QStringLiteral("prompts"), QStringLiteral("file mapping video_name to prompt"),
                    QStringLiteral("FILE")});
  parser.addOption(
      {QStringLiteral("generator"), QStringLiteral("generator of every file"), QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("generator-from"),
                    QStringLiteral("folder: the parent folder's name; file: the file's base name"),
                    QStringLiteral("folder|file")});
  parser.addOption(
      {QStringLiteral("batch"), QStringLiteral("batch label of the videos added"), QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("allow-no-prompt"), QStringLiteral("add files no prompt was found for")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("add-videos"), args))
    return *stop;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() < 2)
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: ") + QLatin1String(kUsage));
  if (parser.isSet(QStringLiteral("prompt")) && parser.isSet(QStringLiteral("prompts"))) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--prompt and --prompts exclude each other"));
  }
  if (parser.isSet(QStringLiteral("generator")) && parser.isSet(QStringLiteral("generator-from"))) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--generator and --generator-from exclude each other"));
  }
  library::IntakeOptions options;
  options.recursive = parser.isSet(QStringLiteral("recursive"));
  options.allowNoPrompt = parser.isSet(QStringLiteral("allow-no-prompt"));
  if (parser.isSet(QStringLiteral("prompt")))
    options.prompt = parser.value(QStringLiteral("prompt"));
  options.generator = parser.value(QStringLiteral("generator"));
  options.batch = parser.value(QStringLiteral("batch"));
  if (parser.isSet(QStringLiteral("generator-from"))) {
    const QString from = parser.value(QStringLiteral("generator-from"));
    if (from == QLatin1String("folder")) {
      options.generatorFrom = library::GeneratorFrom::Folder;
    } else if (from == QLatin1String("file")) {
      options.generatorFrom = library::GeneratorFrom::FileName;
    } else {
      return cli::fail(cli::kExitUsage,
                       QStringLiteral("--generator-from takes folder or file, not '%1'").arg(from));
    }
  }
  const QString projectPath = positional.first();
  if (!store::projectExists(projectPath)) {
    return cli::fail(
        cli::kExitRuntime,
        QStringLiteral("%1: no such project file (create it with vscore init)").arg(projectPath));
  }
  std::optional<library::PromptMap> prompts;
  if (parser.isSet(QStringLiteral("prompts"))) {
    prompts = library::PromptMap::read(parser.value(QStringLiteral("prompts")));
    options.prompts = &*prompts;
  }
  const library::IntakePlan plan = library::planIntake(positional.mid(1), options);
  if (!plan.problems.isEmpty())
    return printProblems(plan.problems);
  if (plan.entries.isEmpty()) {
    return cli::fail(
        cli::kExitInvalidData,
        QStringLiteral("no video files found in %1").arg(positional.mid(1).join(QStringLiteral(", "))));
  }
  store::Store store(projectPath, store::OpenMode::OpenExisting);
  cli::ProgressLine progress(QStringLiteral("probing"));
  const library::IntakeResult result = library::addVideos(store, plan, [&](qint64 done, qint64 total) {
    progress.update(done, total);
    return true;
  });
  if (!result.problems.isEmpty())
    return printProblems(result.problems);
  cli::out(QStringLiteral("added %1 videos, updated %2\n").arg(result.added).arg(result.updated));
  return cli::kExitOk;
}

const cli::CommandRegistration kAddVideos(
    {QStringLiteral("add-videos"), QString::fromLatin1(kUsage).mid(7),
     QStringLiteral("Add video files or folders to a project, each probed"), runAddVideos});

}  // namespace
