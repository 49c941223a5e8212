// vscore score VIDEO --prompt TEXT --model DIR: one VideoScore2 evaluation through vscore-worker
// (vscore itself never links the engine), or --server URL: through an OpenAI-compatible server.
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <memory>

#include "cmd_remote_options.h"
#include "command.h"
#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/score_request.h"
#include "core/scoring/worker_call.h"
#include "core/domain/error.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

using namespace vs::cli;
using vs::scoring::WorkerClient;

namespace {

int exitCodeFor(const QString& code) {
  if (code == QLatin1String("bad_model") || code == QLatin1String("bad_video"))
    return kExitInvalidData;
  if (code == QLatin1String("invalid_request"))
    return kExitUsage;
  return kExitRuntime;
}

QString fmtScore(const QJsonValue& v, int decimals) {
  return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("-");
}

}  // namespace

static int scoreLocal(const QCommandLineParser& p, const vs::scoring::ScoreRequest& request, bool json,
                      QJsonObject* out_result);
static int scoreRemote(const vs::scoring::RemoteSettings& settings, const vs::scoring::ScoreRequest& request,
                       QJsonObject* out_result);
static int printResult(const QJsonObject& result, bool json);

static int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addPositionalArgument("video", "The video file.");
  p.addOption({"prompt", "The text-to-video prompt.", "TEXT"});
  p.addOption({"model", "Checkpoint directory (Hugging Face layout).", "DIR"});
  p.addOption({"device", "cpu or cuda (default cpu).", "DEVICE", "cpu"});
  p.addOption({"dtype", "f32, bf16 or f16 (default f32).", "DTYPE", "f32"});
  p.addOption({"greedy", "Greedy decoding (deterministic)."});
  p.addOption({"temperature", "Sampling temperature (default 0.7, the model card's).", "T", "0.7"});
  p.addOption({"seed", "Sampling seed (default 0).", "N", "0"});
  p.addOption({"max-new-tokens", "Generation budget (default 1024).", "N", "1024"});
  p.addOption({"fps", "Frames per second sampled from the video (default 2.0).", "F", "2.0"});
  p.addOption({"constrained", "Force the score block to the reference format (always parses)."});
  p.addOption({"template",
               "Query template: videoscore2 (default), videoscore2-eval, a template saved in "
               "--project, or a file with $t2v_prompt.",
               "NAME|FILE", "videoscore2"});
  p.addOption({"project", "Project whose saved templates --template may name.", "PROJECT"});
  p.addOption({"json", "Print the full result as JSON."});
  addRemoteOptions(p);
  if (!p.parse(QStringList{QStringLiteral("vscore score")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  if (p.positionalArguments().size() != 1)
    return fail(kExitUsage, QStringLiteral("score needs one VIDEO"));
  const bool remote = p.isSet("server");
  if (!p.isSet("prompt") || (!p.isSet("model") && !remote)) {
    return fail(kExitUsage, QStringLiteral("score needs --prompt and --model (or --server URL)"));
  }
  bool ok = true;
  vs::scoring::ScoreRequest request;
  request.videoPath = QFileInfo(p.positionalArguments().first()).absoluteFilePath();
  request.prompt = p.value("prompt");
  auto& s = request.settings;
  if (p.isSet("greedy")) {
    s.sampling = vs::scoring::Sampling::Greedy;
  } else {
    s.temperature = p.value("temperature").toDouble(&ok);
    if (!ok || s.temperature <= 0)
      return fail(kExitUsage, QStringLiteral("--temperature must be > 0"));
  }
  s.seed = p.value("seed").toULongLong(&ok);
  if (!ok)
    return fail(kExitUsage, QStringLiteral("--seed must be a non-negative integer"));
  s.maxNewTokens = p.value("max-new-tokens").toInt(&ok);
  if (!ok || s.maxNewTokens < 1)
    return fail(kExitUsage, QStringLiteral("--max-new-tokens must be >= 1"));
  s.fps = p.value("fps").toDouble(&ok);
  if (!ok || s.fps <= 0)
    return fail(kExitUsage, QStringLiteral("--fps must be > 0"));
  s.format = p.isSet("constrained") ? vs::scoring::ScoreFormat::Constrained : vs::scoring::ScoreFormat::Free;
  try {
    if (p.isSet("project")) {
      const vs::store::Store project(p.value("project"), vs::store::OpenMode::OpenExisting);
      vs::scoring::chooseTemplate(s, p.value("template"), &project);
    } else {
      vs::scoring::chooseTemplate(s, p.value("template"), nullptr);
    }
  } catch (const vs::Error& e) {
    return failWith(e);
  }
  if (!QFileInfo::exists(request.videoPath))
    return fail(kExitRuntime, request.videoPath + QStringLiteral(": no such file"));

  const bool json = p.isSet("json");
  QJsonObject result;
  if (remote) {
    QString why;
    const auto settings = remoteSettings(p, &why);
    if (!settings)
      return fail(kExitUsage, why);
    const int code = scoreRemote(*settings, request, &result);
    if (code != kExitOk)
      return code;
  } else {
    const int code = scoreLocal(p, request, json, &result);
    if (code != kExitOk)
      return code;
  }
  return printResult(result, json);
}

// One score through a fresh vscore-worker.
static int scoreLocal(const QCommandLineParser& p, const vs::scoring::ScoreRequest& request, bool json,
                      QJsonObject* out_result) {
  WorkerClient worker(siblingProgram(QStringLiteral("vscore-worker")));
  if (!vs::scoring::startWorkerAndWait(worker)) {
    return fail(kExitRuntime, QStringLiteral("cannot start vscore-worker: %1").arg(worker.lastStderr()));
  }

  const QString modelDir = QFileInfo(p.value("model")).absoluteFilePath();
  const vs::scoring::WorkerReply load = vs::scoring::callWorker(
      worker, QStringLiteral("load"),
      QJsonObject{{"model", modelDir}, {"device", p.value("device")}, {"dtype", p.value("dtype")}});
  if (!load.ok) {
    worker.stop();
    return fail(exitCodeFor(load.code), QStringLiteral("%1: %2").arg(load.code, load.message));
  }
  std::function<void(const QJsonObject&)> progress;
  if (!json) {
    progress = [](const QJsonObject& e) {
      err(QStringLiteral("\r%1 %2 tokens   ")
              .arg(e.value("stage").toString())
              .arg(e.value("tokens").toInteger()));
    };
  }
  const vs::scoring::WorkerReply scored =
      vs::scoring::callWorker(worker, QStringLiteral("score"), request.toParams(), progress);
  if (!json)
    err(QStringLiteral("\n"));
  worker.stop(1000);
  if (!scored.ok)
    return fail(exitCodeFor(scored.code), QStringLiteral("%1: %2").arg(scored.code, scored.message));
  QJsonObject result = scored.result;
  QJsonObject timings = result.value("timings").toObject();
  timings.insert("load_ms", load.result.value("load_ms"));
  result.insert("timings", timings);
  *out_result = result;
  return kExitOk;
}

// One score through the servers of `settings`.
static int scoreRemote(const vs::scoring::RemoteSettings& settings, const vs::scoring::ScoreRequest& request,
                       QJsonObject* out_result) {
  std::unique_ptr<vs::scoring::RemoteScoringQueue> queue;
  try {
    queue = std::make_unique<vs::scoring::RemoteScoringQueue>(settings);
  } catch (const vs::Error& e) {
    return failWith(e);
  }
  QEventLoop loop;
  QString code, message;
  QObject::connect(queue.get(), &vs::scoring::ScoringBackend::jobFinished, &loop,
                   [&](qint64, const vs::scoring::ScoreResult& r) {
                     *out_result = r.raw;
                     loop.quit();
                   });
  QObject::connect(queue.get(), &vs::scoring::ScoringBackend::jobFailed, &loop,
                   [&](qint64, const QString& c, const QString& m) {
                     code = c;
                     message = m;
                     loop.quit();
                   });
  queue->enqueue(request);
  loop.exec();
  if (!code.isEmpty())
    return fail(exitCodeFor(code), QStringLiteral("%1: %2").arg(code, message));
  return kExitOk;
}

static int printResult(const QJsonObject& result, bool json) {
  const QJsonObject timings = result.value("timings").toObject();
  if (json) {
    out(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)));
    return kExitOk;
  }
  const QJsonObject hard = result.value("scores").toObject();
  const QJsonObject soft = result.value("soft_scores").toObject();
  QString text = QStringLiteral("%1\n\n").arg(result.value("text").toString());
  for (const char* key : {"visual", "t2v", "phy"}) {
    text += QStringLiteral("%1  %2  (soft %3)\n")
                .arg(QString::fromLatin1(key), -7)
                .arg(fmtScore(hard.value(key), 0))
                .arg(fmtScore(soft.value(key), 4));
  }
  const QJsonArray grid = result.value("sampler").toObject().value("grid_thw").toArray();
  text +=
      QStringLiteral(
          "parsed %1, constrained %2, %3 prompt + %4 generated tokens, %5 frames (grid %6x%7x%8), %9 ms\n")
          .arg(result.value("parsed").toBool() ? "yes" : "no",
               result.value("constrained").toBool() ? "yes" : "no")
          .arg(result.value("prompt_tokens").toInteger())
          .arg(result.value("generated_tokens").toInteger())
          .arg(result.value("sampler").toObject().value("nframes").toInteger())
          .arg(grid.at(0).toInteger())
          .arg(grid.at(1).toInteger())
          .arg(grid.at(2).toInteger())
          .arg(timings.value("total_ms").toDouble(), 0, 'f', 0);
  out(text);
  return kExitOk;
}

static const CommandRegistration registration{Command{
    QStringLiteral("score"),
    QStringLiteral(
        "score VIDEO --prompt TEXT (--model DIR [--device cpu|cuda] | --server URL [--served-model NAME] "
        "[--api-key-env VAR] [--model DIR]) [--greedy | --temperature T --seed N] "
        "[--max-new-tokens N] [--fps F] [--constrained] [--template NAME|FILE [--project PROJECT]] [--json]"),
    QStringLiteral("Score one video with VideoScore2 (through vscore-worker)"), run}};
