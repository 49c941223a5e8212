// vscore score VIDEO --prompt TEXT --model DIR: one VideoScore2 evaluation through vscore-worker
// (vscore itself never links the engine), or --server URL: through OpenAI-compatible servers.
// See core/scoring/single_score.h.
#include <QFileInfo>
#include <optional>

#include "core/cli/sibling_program.h"
#include "core/scoring/score_option_table.h"
#include "core/scoring/score_report.h"
#include "core/scoring/single_score.h"
#include "core/store/store.h"

namespace {

using namespace vs;

const cli::CommandRegistration kScore(
    cli::Spec{
        "score",
        "score VIDEO --prompt TEXT (--model DIR [--device cpu|cuda] | --server URL [--served-model NAME] "
        "[--api-key-env VAR] [--model DIR]) [--greedy | --temperature T --seed N] [--max-new-tokens N] "
        "[--fps F] [--constrained] [--template NAME|FILE [--project PROJECT]] [--json]",
        "Score one video with VideoScore2 (through vscore-worker)",
        {{"video", "The video file."}},
        scoring::scoreOptionRows({{"prompt", "The text-to-video prompt.", "TEXT"}},
                                 {{"project", "Project whose saved templates --template may name.",
                                   "PROJECT"},
                                  {"json", "Print the full result as JSON."}})}
        .takingArguments(0, cli::kAnyCount),
    [](const cli::Args& args) {
      if (args.positional().size() != 1)
        cli::usageError("score needs one VIDEO");
      if (!args.has("prompt") || (!args.has("model") && !args.has("server")))
        cli::usageError("score needs --prompt and --model (or --server URL)");
      std::optional<store::Store> project;
      const scoring::ScoreSettings settings = scoring::scoreSettings(scoring::scoreOptionText(args), [&] {
        return args.has("project") ? &project.emplace(args.value("project"), store::OpenMode::OpenExisting)
                                   : nullptr;
      });
      const scoring::ScoreRequest request{QFileInfo(args.at(0)).absoluteFilePath(), args.value("prompt"),
                                          settings, 0};
      if (!QFileInfo::exists(request.videoPath))
        throw Error(Error::Kind::Io, request.videoPath, "no such file");
      QJsonObject result;
      if (args.has("server")) {
        result = scoring::scoreRemotely(scoring::remoteSettings(args), request);
      } else {
        const scoring::LocalModel model{cli::siblingProgram("vscore-worker"), scoring::modelDirOption(args),
                                        args.value("device"), args.value("dtype")};
        const auto progress = [](const QJsonObject& e) { cli::err(scoring::scoreProgressText(e)); };
        result = scoring::scoreWithWorker(model, request, args.json() ? scoring::ScoreProgress() : progress);
      }
      if (args.json())
        cli::printIndentedJson(result);
      else
        cli::out(scoring::scoreResultText(result));
      return cli::kExitOk;
    });

}  // namespace
