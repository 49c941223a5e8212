// Videos per minute for batch scoring a project (BatchScorer -> ScoringQueue -> vscore-worker),
// CPU, tiny random-weight demo checkpoint. "overlap": the worker samples the next video on its
// prefetch thread while the model runs (Prefetch::NextVideo); "baseline": the same run with
// Prefetch::Off (decode+sample, then the model, one after the other). Runs alternate so both
// see the same machine load. The clock starts when the model is loaded and stops when the last
// result is in the project.
//   env VS_BENCH_CLIPS (default 12), VS_BENCH_ROUNDS (2), VS_BENCH_TOKENS (max new tokens, 24),
//   VS_BENCH_CLIP (ffmpeg lavfi source, default testsrc2 4 s 480x270 at 24 fps)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

#include "core/scoring/batch_scorer.h"
#include "core/scoring/scoring_queue.h"
#include "core/store/store.h"
#include "tests/bench/scoring/bench_project.h"

using namespace vs::scoring;

namespace {

struct Run {
  int done = 0;
  int failed = 0;
  double seconds = 0;
  double sampleMs = 0;  // summed: time score spent getting the sample (waiting, with prefetch)
  double totalMs = 0;   // summed worker time per video
  int prefetched = 0;
};

Run scoreProject(vs::store::Store& store, const QString& projectDir, const QString& model, Prefetch prefetch,
                 const QString& annotator, int maxNewTokens) {
  WorkerSettings ws;
  ws.program = QStringLiteral(VS_WORKER_PATH);
  ws.modelDir = model;
  ws.prefetch = prefetch;
  ScoringQueue queue(ws);
  ScoreSettings settings;
  settings.sampling = Sampling::Greedy;
  settings.maxNewTokens = maxNewTokens;
  settings.format = ScoreFormat::Constrained;
  BatchScorer batch(store, queue, annotator, model, settings);
  Run run;
  QElapsedTimer clock;
  QObject::connect(&queue, &ScoringQueue::modelLoaded, [&] { clock.start(); });
  QObject::connect(&batch, &BatchScorer::videoDone, [&](qint64, const QString&, const ScoreResult& r) {
    const QJsonObject timings = r.raw.value(QStringLiteral("timings")).toObject();
    run.sampleMs += timings.value(QStringLiteral("sample_ms")).toDouble();
    run.totalMs += timings.value(QStringLiteral("total_ms")).toDouble();
    run.prefetched +=
        r.raw.value(QStringLiteral("sampler")).toObject().value(QStringLiteral("prefetched")).toBool();
  });
  QObject::connect(&batch, &BatchScorer::videoFailed,
                   [&](qint64, const QString& name, const QString& code, const QString& message) {
                     std::fprintf(stderr, "failed %s: %s %s\n", qPrintable(name), qPrintable(code),
                                  qPrintable(message));
                   });
  QObject::connect(&batch, &BatchScorer::finished, [&](const BatchProgress& p) {
    run.seconds = clock.isValid() ? clock.nsecsElapsed() / 1e9 : 0;
    run.done = p.done;
    run.failed = p.failed;
    QCoreApplication::quit();
  });
  batch.start(BatchSelection::All);
  QCoreApplication::exec();
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rows appear as they are measured
  const int clips = vs::bench::envInt("VS_BENCH_CLIPS", 12);
  const int rounds = vs::bench::envInt("VS_BENCH_ROUNDS", 2);
  const int tokens = vs::bench::envInt("VS_BENCH_TOKENS", 24);
  const QString source = vs::bench::clipSource();
  QTemporaryDir tmp;
  vs::bench::BenchProject project =
      vs::bench::makeBenchProject(tmp, QStringLiteral(VSCORE_PATH), clips, source);
  if (!project.store)
    return 1;
  const QString& model = project.model;
  vs::store::Store& store = *project.store;
  std::printf("bench_scoring: %d clips (%s), demo model, greedy, constrained, max %d new tokens, CPU\n",
              clips, qPrintable(source), tokens);
  std::printf("%-10s %5s %6s %8s %10s %14s %12s %10s\n", "mode", "round", "videos", "seconds", "videos/min",
              "sample ms/vid", "total ms/vid", "prefetched");
  double sum[2] = {0, 0};
  for (int round = 1; round <= rounds; ++round) {
    for (int m = 0; m < 2; ++m) {
      const Prefetch mode = m == 0 ? Prefetch::Off : Prefetch::NextVideo;
      const QString annotator = QStringLiteral("demo-%1-%2").arg(m).arg(round);
      const Run r = scoreProject(store, tmp.path(), model, mode, annotator, tokens);
      const double perMin = r.seconds > 0 ? r.done / r.seconds * 60.0 : 0;
      sum[m] += perMin;
      std::printf("%-10s %5d %6d %8.2f %10.1f %14.1f %12.1f %10d%s\n", m == 0 ? "baseline" : "overlap", round,
                  r.done, r.seconds, perMin, r.done ? r.sampleMs / r.done : 0,
                  r.done ? r.totalMs / r.done : 0, r.prefetched, r.failed ? " (failures)" : "");
    }
  }
  std::printf("mean videos/min: baseline %.1f, overlap %.1f (x%.2f)\n", sum[0] / rounds, sum[1] / rounds,
              sum[0] > 0 ? sum[1] / sum[0] : 0.0);
  return 0;
}
