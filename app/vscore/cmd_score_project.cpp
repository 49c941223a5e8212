// vscore score-project PROJECT --model DIR: scores every video of a project with VideoScore2 and
// stores each result at once as a model evaluation; --only-unscored resumes an interrupted run.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <memory>
#include <optional>

#include "cmd_remote_options.h"
#include "command.h"
#include "core/domain/error.h"
#include "core/scoring/batch_scorer.h"
#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/scoring_queue.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

using namespace vs::cli;
using namespace vs::scoring;

static int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addPositionalArgument("project", "The project file (.vsproj).");
  p.addOption({"model", "Checkpoint directory (Hugging Face layout).", "DIR"});
  p.addOption({"device", "cpu or cuda (default cpu).", "DEVICE", "cpu"});
  p.addOption({"dtype", "f32, bf16 or f16 (default f32).", "DTYPE", "f32"});
  p.addOption(
      {"annotator", "Model annotator name in the project (default: the model folder's name).", "NAME"});
  p.addOption({"only-unscored", "Skip videos this model annotator already evaluated (resume)."});
  p.addOption({"greedy", "Greedy decoding."});
  p.addOption({"temperature", "Sampling temperature (default 0.7).", "T", "0.7"});
  p.addOption({"seed", "Sampling seed (default 0).", "N", "0"});
  p.addOption({"max-new-tokens", "Generation budget (default 1024).", "N", "1024"});
  p.addOption({"constrained", "Force the score block to the reference format."});
  p.addOption({"no-prefetch", "Sample each video only when its turn comes (no overlap with the model)."});
  p.addOption({"fps", "Frames per second sampled from each video (default 2.0).", "F", "2.0"});
  p.addOption({"template",
               "Query template: videoscore2 (default), videoscore2-eval, a template saved in the "
               "project (vscore score-template), or a file with $t2v_prompt.",
               "NAME|FILE", "videoscore2"});
  addRemoteOptions(p);
  if (!p.parse(QStringList{QStringLiteral("vscore score-project")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  const bool remote = p.isSet("server");
  if (p.positionalArguments().size() != 1 || (!p.isSet("model") && !remote)) {
    return fail(kExitUsage, QStringLiteral("score-project needs PROJECT and --model DIR (or --server URL)"));
  }
  const QString projectPath = p.positionalArguments().first();
  const QString modelDir = p.isSet("model") ? QFileInfo(p.value("model")).absoluteFilePath() : QString();
  // The model id stored with each evaluation: the checkpoint, else the served model's name.
  const QString modelId = !modelDir.isEmpty()       ? modelDir
                          : p.isSet("served-model") ? p.value("served-model")
                                                    : QStringLiteral("remote");
  ScoreSettings settings;
  bool ok = true;
  if (p.isSet("greedy")) {
    settings.sampling = Sampling::Greedy;
  } else {
    settings.temperature = p.value("temperature").toDouble(&ok);
    if (!ok || settings.temperature <= 0)
      return fail(kExitUsage, QStringLiteral("--temperature must be > 0"));
  }
  settings.seed = p.value("seed").toULongLong(&ok);
  if (!ok)
    return fail(kExitUsage, QStringLiteral("--seed must be a non-negative integer"));
  settings.maxNewTokens = p.value("max-new-tokens").toInt(&ok);
  if (!ok || settings.maxNewTokens < 1)
    return fail(kExitUsage, QStringLiteral("--max-new-tokens must be >= 1"));
  settings.format = p.isSet("constrained") ? ScoreFormat::Constrained : ScoreFormat::Free;
  settings.fps = p.value("fps").toDouble(&ok);
  if (!ok || settings.fps <= 0)
    return fail(kExitUsage, QStringLiteral("--fps must be > 0"));
  const QString annotator = p.isSet("annotator") ? p.value("annotator") : QFileInfo(modelId).fileName();

  std::optional<vs::store::Store> opened;
  try {
    opened.emplace(projectPath, vs::store::OpenMode::OpenExisting);
    chooseTemplate(settings, p.value("template"), &*opened);
  } catch (const vs::Error& e) {
    return failWith(e);
  }
  vs::store::Store& store = *opened;
  WorkerSettings ws;
  ws.program = siblingProgram(QStringLiteral("vscore-worker"));
  ws.modelDir = modelDir;
  ws.device = p.value("device");
  ws.dtype = p.value("dtype");
  ws.prefetch = p.isSet("no-prefetch") ? Prefetch::Off : Prefetch::NextVideo;
  std::unique_ptr<ScoringBackend> backend;
  RemoteScoringQueue* remoteQueue = nullptr;
  if (remote) {
    QString why;
    const auto rs = remoteSettings(p, &why);
    if (!rs)
      return fail(kExitUsage, why);
    try {
      backend = std::make_unique<RemoteScoringQueue>(*rs);
    } catch (const vs::Error& e) {
      return failWith(e);
    }
    remoteQueue = static_cast<RemoteScoringQueue*>(backend.get());
  } else {
    backend = std::make_unique<ScoringQueue>(ws);
  }
  BatchScorer batch(store, *backend, annotator, modelId, settings);
  QString firstError;
  int exitCode = kExitOk;
  QObject::connect(&batch, &BatchScorer::videoFailed,
                   [&](qint64, const QString& name, const QString& code, const QString& message) {
                     err(QStringLiteral("\nvscore: error: %1: %2: %3\n").arg(name, code, message));
                     if (firstError.isEmpty()) {
                       firstError = code;
                       exitCode = (code == QLatin1String("bad_model") || code == QLatin1String("bad_video"))
                                      ? kExitInvalidData
                                      : kExitRuntime;
                     }
                   });
  QObject::connect(&batch, &BatchScorer::progressChanged, [](const BatchProgress& pr) {
    err(QStringLiteral("\r%1/%2 scored, %3 failed, %4 s elapsed, ETA %5 s   ")
            .arg(pr.done)
            .arg(pr.total)
            .arg(pr.failed)
            .arg(pr.elapsedS, 0, 'f', 1)
            .arg(pr.etaS < 0 ? QStringLiteral("?") : QString::number(pr.etaS, 'f', 0)));
  });
  BatchProgress final;
  QObject::connect(&batch, &BatchScorer::finished, [&](const BatchProgress& pr) {
    final = pr;
    QCoreApplication::quit();
  });
  const int queued =
      batch.start(p.isSet("only-unscored") ? BatchSelection::OnlyUnscored : BatchSelection::All);
  err(QStringLiteral("%1 videos to score with %2 as \"%3\"\n")
          .arg(queued)
          .arg(remote ? p.values("server").join(QStringLiteral(", ")) : modelDir, annotator));
  QCoreApplication::exec();
  err(QStringLiteral("\n"));
  out(QStringLiteral("scored %1 of %2 videos (%3 failed) in %4 s; %5 videos/min\n")
          .arg(final.done)
          .arg(final.total)
          .arg(final.failed)
          .arg(final.elapsedS, 0, 'f', 1)
          .arg(final.elapsedS > 0 ? final.done / final.elapsedS * 60.0 : 0.0, 0, 'f', 2));
  if (remoteQueue != nullptr) {
    for (const auto& s : remoteQueue->serverStats()) {
      out(QStringLiteral("  %1: %2 scored, %3 failed, %4 videos/min%5\n")
              .arg(s.url)
              .arg(s.done)
              .arg(s.failed)
              .arg(final.elapsedS > 0 ? s.done / final.elapsedS * 60.0 : 0.0, 0, 'f', 2)
              .arg(s.down.isEmpty() ? QString() : QStringLiteral(" (left out: %1)").arg(s.down)));
    }
  }
  return exitCode;
}

static const CommandRegistration registration{Command{
    QStringLiteral("score-project"),
    QStringLiteral(
        "score-project PROJECT (--model DIR [--device cpu|cuda] | --server URL [--server URL2 ...] "
        "[--concurrency N] [--served-model NAME] [--api-key-env VAR]) [--only-unscored] [--constrained] "
        "[--template NAME|FILE]"),
    QStringLiteral("Score every video of a project with VideoScore2 and store the results"), run}};
