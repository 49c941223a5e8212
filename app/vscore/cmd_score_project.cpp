// vscore score-project PROJECT --model DIR: scores every video of a project with VideoScore2 and
// stores each result at once as a model evaluation; --only-unscored resumes an interrupted run.
// See core/scoring/batch_scorer.h and batch_run.h.
#include <QFileInfo>
#include <memory>
#include <optional>

#include "core/cli/sibling_program.h"
#include "core/scoring/batch_run.h"
#include "core/scoring/score_option_table.h"
#include "core/scoring/score_report.h"
#include "core/scoring/scoring_queue.h"
#include "core/scoring/single_score.h"
#include "core/store/store.h"

namespace {

using namespace vs;
using namespace vs::scoring;

const cli::CommandRegistration kScoreProject(
    cli::Spec{
        "score-project",
        "score-project PROJECT (--model DIR [--device cpu|cuda] | --server URL [--server URL2 ...] "
        "[--concurrency N] [--served-model NAME] [--api-key-env VAR]) [--only-unscored] [--constrained] "
        "[--template NAME|FILE]",
        "Score every video of a project with VideoScore2 and store the results",
        {{"project", "The project file (.vsproj)."}},
        scoring::scoreOptionRows(
            {},
            {{"annotator", "Model annotator name in the project (default: the model folder's name).", "NAME"},
             {"only-unscored", "Skip videos this model annotator already evaluated (resume)."},
             {"no-prefetch", "Sample each video only when its turn comes (no overlap with the model)."}})}
        .takingArguments(0, cli::kAnyCount),
    [](const cli::Args& args) {
      const bool remote = args.has("server");
      if (args.positional().size() != 1 || (!args.has("model") && !remote))
        cli::usageError("score-project needs PROJECT and --model DIR (or --server URL)");
      const QString modelDir = scoring::modelDirOption(args);
      // The model id stored with each evaluation: the checkpoint, else the served model's name.
      const QString modelId = !modelDir.isEmpty()        ? modelDir
                              : args.has("served-model") ? args.value("served-model")
                                                         : QStringLiteral("remote");
      std::optional<store::Store> store;
      const ScoreSettings settings = scoreSettings(scoring::scoreOptionText(args), [&] {
        return &store.emplace(args.at(0), store::OpenMode::OpenExisting);
      });
      const QString annotator =
          args.has("annotator") ? args.value("annotator") : QFileInfo(modelId).fileName();
      std::unique_ptr<ScoringBackend> backend;
      RemoteScoringQueue* servers = nullptr;
      if (remote) {
        backend = std::make_unique<RemoteScoringQueue>(scoring::remoteSettings(args));
        servers = static_cast<RemoteScoringQueue*>(backend.get());
      } else {
        WorkerSettings local;
        local.program = cli::siblingProgram("vscore-worker");
        local.modelDir = modelDir;
        local.device = args.value("device");
        local.dtype = args.value("dtype");
        local.prefetch = args.has("no-prefetch") ? Prefetch::Off : Prefetch::NextVideo;
        backend = std::make_unique<ScoringQueue>(local);
      }
      BatchScorer batch(*store, *backend, annotator, modelId, settings);
      const BatchRunEnd end =
          runBatch(batch, args.has("only-unscored") ? BatchSelection::OnlyUnscored : BatchSelection::All,
                   remote ? args.values("server").join(", ") : modelDir, annotator, &cli::err);
      cli::out(batchSummaryText(end.progress,
                                servers ? servers->serverStats() : QList<RemoteScoringQueue::ServerStats>()));
      // A video's failure is the run's, not the command line's: invalid data or a runtime failure.
      if (end.firstFailure.isEmpty())
        return cli::kExitOk;
      return errorKindOf(end.firstFailure) == Error::Kind::InvalidData ? cli::kExitInvalidData
                                                                       : cli::kExitRuntime;
    });

}  // namespace
