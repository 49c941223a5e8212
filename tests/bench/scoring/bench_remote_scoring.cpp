// Videos per minute for batch scoring a project (BatchScorer) through `vscore serve` endpoints
// on loopback against the local vscore-worker, same tiny `vscore demo-model` checkpoint, same
// clips, same run: "local" (the baseline: one worker, prefetch on), "serve x1" (one endpoint),
// "serve x2" (two endpoints, each with its own worker). Also the client's request encoding time
// per video (frames to PNG, then base64) and the request size. Greedy, constrained. The clock
// starts at the batch start (model loads included, for every mode: servers are started before
// and load their model on the first request, as the local worker does).
//   env VS_BENCH_CLIPS (default 24), VS_BENCH_TOKENS (max new tokens, 24), VS_BENCH_CONCURRENCY
//   (requests in flight per endpoint, 2), VS_BENCH_CLIP (ffmpeg lavfi source, default
//   testsrc2 4 s 480x270 at 24 fps)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "tests/support/serve_process.h"
#include "core/scoring/batch_scorer.h"
#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/scoring_queue.h"
#include "core/store/store.h"
#include "tests/bench/scoring/bench_project.h"

using namespace vs::scoring;

namespace {

struct Run {
  int done = 0;
  int failed = 0;
  double seconds = 0;
  std::vector<double> encodeMs;  // remote: PNG + base64 per video
  std::vector<double> bytes;     // remote: data URL size per video
  QHash<QString, int> byServer;
};

Run scoreProject(vs::store::Store& store, ScoringBackend& backend, const QString& annotator,
                 const QString& model, int maxNewTokens) {
  ScoreSettings settings;
  settings.sampling = Sampling::Greedy;
  settings.maxNewTokens = maxNewTokens;
  settings.format = ScoreFormat::Constrained;
  BatchScorer batch(store, backend, annotator, model, settings);
  Run run;
  QElapsedTimer clock;
  QObject::connect(&batch, &BatchScorer::videoDone, [&](qint64, const QString&, const ScoreResult& r) {
    const QJsonObject timings = r.raw.value(QStringLiteral("timings")).toObject();
    if (timings.contains(QStringLiteral("encode_ms"))) {
      run.encodeMs.push_back(timings.value(QStringLiteral("encode_ms")).toDouble());
      run.bytes.push_back(timings.value(QStringLiteral("request_bytes")).toDouble());
    }
    ++run.byServer[r.raw.value(QStringLiteral("settings"))
                       .toObject()
                       .value(QStringLiteral("server"))
                       .toString(QStringLiteral("local"))];
  });
  QObject::connect(&batch, &BatchScorer::videoFailed,
                   [&](qint64, const QString& name, const QString& code, const QString& message) {
                     std::fprintf(stderr, "failed %s: %s %s\n", qPrintable(name), qPrintable(code),
                                  qPrintable(message));
                   });
  QObject::connect(&batch, &BatchScorer::finished, [&](const BatchProgress& p) {
    run.seconds = clock.nsecsElapsed() / 1e9;
    run.done = p.done;
    run.failed = p.failed;
    QCoreApplication::quit();
  });
  clock.start();
  batch.start(BatchSelection::All);
  QCoreApplication::exec();
  return run;
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v)
    s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const int clips = vs::bench::envInt("VS_BENCH_CLIPS", 24);
  const int tokens = vs::bench::envInt("VS_BENCH_TOKENS", 24);
  const int concurrency = vs::bench::envInt("VS_BENCH_CONCURRENCY", 2);
  const QString source = vs::bench::clipSource();
  QTemporaryDir tmp;
  vs::bench::BenchProject project =
      vs::bench::makeBenchProject(tmp, QStringLiteral(VSCORE_PATH), clips, source);
  if (!project.store)
    return 1;
  const QString& model = project.model;
  vs::store::Store& store = *project.store;
  vs::test::ServeProcess a, b;
  if (!a.start(QStringLiteral(VSCORE_PATH), model) || !b.start(QStringLiteral(VSCORE_PATH), model))
    return 1;
  std::printf(
      "bench_remote_scoring: %d clips (%s), demo model, greedy, constrained, max %d new tokens, CPU, "
      "%d requests in flight per endpoint\n",
      clips, qPrintable(source), tokens, concurrency);
  std::printf("%-9s %6s %8s %10s %9s %15s %15s %11s\n", "mode", "videos", "seconds", "videos/min", "vs local",
              "encode ms p50", "encode ms mean", "request MB");
  double local = 0;
  for (int mode = 0; mode < 3; ++mode) {
    std::unique_ptr<ScoringBackend> backend;
    if (mode == 0) {
      WorkerSettings ws;
      ws.program = QStringLiteral(VS_WORKER_PATH);
      ws.modelDir = model;
      backend = std::make_unique<ScoringQueue>(ws);
    } else {
      RemoteSettings rs;
      rs.servers << a.url;
      if (mode == 2)
        rs.servers << b.url;
      rs.modelDir = model;
      rs.concurrency = concurrency;
      rs.sampling = samplingOfCheckpoint(model);
      backend = std::make_unique<RemoteScoringQueue>(rs);
    }
    const char* name = mode == 0 ? "local" : mode == 1 ? "serve x1" : "serve x2";
    const Run r = scoreProject(store, *backend, QStringLiteral("bench-%1").arg(mode), model, tokens);
    const double perMin = r.seconds > 0 ? r.done / r.seconds * 60.0 : 0;
    if (mode == 0)
      local = perMin;
    std::printf("%-9s %6d %8.2f %10.1f %8.2fx", name, r.done, r.seconds, perMin,
                local > 0 ? perMin / local : 0.0);
    if (mode == 0) {
      std::printf(" %15s %15s %11s", "-", "-", "-");  // the worker reads the file itself
    } else {
      std::printf(" %15.1f %15.1f %11.2f", median(r.encodeMs), mean(r.encodeMs), mean(r.bytes) / 1e6);
    }
    std::printf("%s\n", r.failed ? " (failures)" : "");
    if (mode == 2) {
      for (auto it = r.byServer.cbegin(); it != r.byServer.cend(); ++it) {
        std::printf("  %s: %d videos\n", qPrintable(it.key()), it.value());
      }
    }
  }
  return 0;
}
