// bench_store: times `vscore stats` on an empty project (start-up), then `vscore import` (and
// `vscore init` before it) and `vscore export` of generated VideoFeedback2 files of 9 MB and
// 32 MB (whole processes, as a user runs them) against the same work through Python's json +
// sqlite3 (executemany in one transaction), measured in the same run; then the commit latency
// of single edits through the Store API. Prints tables; asserts nothing.
// Usage: bench_store [MB,MB,...] [runs]
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <sys/resource.h>
#include <cstdio>
#include <string>
#include <vector>

#include "core/store/store.h"
#include "bench_items.h"

namespace {

double childrenCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds (user + system) of the last program run by timed(); on a busy machine this is
// the steadier figure, wall time includes waiting for a core.
double g_lastCpu = 0;

// Runs one program to completion; returns wall seconds, or -1 on failure.
double timed(const QString& program, const QStringList& args) {
  const double cpuBefore = childrenCpuSeconds();
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  QElapsedTimer t;
  t.start();
  p.start(program, args);
  if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    std::fprintf(stderr, "failed: %s %s\n", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    return -1;
  }
  const double wall = static_cast<double>(t.nsecsElapsed()) / 1e9;
  p.readAllStandardOutput();
  g_lastCpu = childrenCpuSeconds() - cpuBefore;
  return wall;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QList<QByteArray> sizes = QByteArray(argc > 1 ? argv[1] : "9,32").split(',');
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const QString vscore = QStringLiteral(VSCORE_PATH);
  const QString vscoreFull = QStringLiteral(VSCORE_FULL_PATH);
  const QString baseline = QStringLiteral(VS_BENCH_DIR "/baseline_json_sqlite.py");
  const QString python = QStringLiteral("python3");
  QTemporaryDir dir;

  // Start-up: the work is nothing, so this is what loading the program costs.
  {
    const int startRuns = 20;
    const QString project = dir.filePath(QStringLiteral("empty.vsproj"));
    const QString db = dir.filePath(QStringLiteral("empty.sqlite"));
    const QString none = dir.filePath(QStringLiteral("none.json"));
    QFile f(none);
    if (!f.open(QIODevice::WriteOnly) || f.write("[]") != 2)
      qFatal("cannot write %s", qPrintable(none));
    f.close();
    timed(vscore, {QStringLiteral("init"), project});
    timed(python, {baseline, QStringLiteral("import"), none, db});
    std::vector<double> light, lightCpu, full, fullCpu, py, pyCpu;
    for (int r = 0; r < startRuns; ++r) {
      light.push_back(timed(vscore, {QStringLiteral("stats"), project}));
      lightCpu.push_back(g_lastCpu);
      full.push_back(timed(vscoreFull, {QStringLiteral("stats"), project}));
      fullCpu.push_back(g_lastCpu);
      py.push_back(timed(python, {baseline, QStringLiteral("stats"), db}));
      pyCpu.push_back(g_lastCpu);
    }
    std::printf("bench_store: start-up, stats of an empty project, median of %d runs\n", startRuns);
    std::printf("%-34s %10s %10s\n", "program", "wall", "CPU");
    std::printf("%-34s %8.1fms %8.1fms\n", "vscore stats", 1e3 * median(light), 1e3 * median(lightCpu));
    std::printf("%-34s %8.1fms %8.1fms\n", "vscore-full stats (every command)", 1e3 * median(full),
                1e3 * median(fullCpu));
    std::printf("%-34s %8.1fms %8.1fms\n\n", "python3 json+sqlite3 stats", 1e3 * median(py),
                1e3 * median(pyCpu));
  }

  for (const QByteArray& size : sizes) {
    const double mb = size.toDouble();
    const QString items = dir.filePath(QStringLiteral("items%1.json").arg(QString::fromLatin1(size)));
    const int count = vs::bench::writeItems(items, 0, static_cast<qint64>(mb * 1e6));
    std::printf("bench_store: %d items, %.1f MB VideoFeedback2 JSON, median of %d runs\n", count,
                static_cast<double>(QFileInfo(items).size()) / 1e6, runs);
    std::vector<double> oursInit, oursImport, pyImport, oursExport, pyExport;
    std::vector<double> oursImportCpu, pyImportCpu, oursExportCpu, pyExportCpu;
    for (int r = 0; r < runs; ++r) {
      const QString project =
          dir.filePath(QStringLiteral("p%1_%2.vsproj").arg(QString::fromLatin1(size)).arg(r));
      const QString db = dir.filePath(QStringLiteral("b%1_%2.sqlite").arg(QString::fromLatin1(size)).arg(r));
      oursInit.push_back(timed(vscore, {QStringLiteral("init"), project}));
      oursImport.push_back(timed(vscore, {QStringLiteral("import"), project, items}));
      oursImportCpu.push_back(g_lastCpu);
      pyImport.push_back(timed(python, {baseline, QStringLiteral("import"), items, db}));
      pyImportCpu.push_back(g_lastCpu);
      oursExport.push_back(timed(
          vscore, {QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("vf2-json"),
                   QStringLiteral("--out"), dir.filePath(QStringLiteral("out.json"))}));
      oursExportCpu.push_back(g_lastCpu);
      pyExport.push_back(
          timed(python, {baseline, QStringLiteral("export"), db, dir.filePath(QStringLiteral("py.json"))}));
      pyExportCpu.push_back(g_lastCpu);
    }
    const double oi = median(oursImport), pi = median(pyImport), oe = median(oursExport),
                 pe = median(pyExport);
    std::printf("\n%-34s %10s %18s %8s\n", "operation", "vscore", "python json+sqlite3", "speed-up");
    const double oinit = median(oursInit);
    std::printf("%-34s %9.3fs %17.3fs %7.2fx\n", "import (import process)", oi, pi, pi / oi);
    std::printf("%-34s %9.3fs %17.3fs %7.2fx\n", "import (init + import processes)", oinit + oi, pi,
                pi / (oinit + oi));
    std::printf("%-34s %9.3fs %17.3fs %7.2fx\n", "export vf2-json (process)", oe, pe, pe / oe);
    const double oic = median(oursImportCpu), pic = median(pyImportCpu), oec = median(oursExportCpu),
                 pec = median(pyExportCpu);
    std::printf("%-34s %9.3fs %17.3fs %7.2fx\n", "import, CPU time (user+sys)", oic, pic, pic / oic);
    std::printf("%-34s %9.3fs %17.3fs %7.2fx\n", "export, CPU time (user+sys)", oec, pec, pec / oec);
    std::printf("\n");
  }

  // Single edits: each is one committed transaction with its history row.
  std::vector<double> editMs;
  {
    vs::store::Store store(
        dir.filePath(QStringLiteral("p%1_0.vsproj").arg(QString::fromLatin1(sizes.first()))));
    const auto sample = store.listItems(
        {vs::store::ItemFilter{std::nullopt, vs::store::ItemFilter::Evaluated::Any, QString(), 500, 0}});
    const vs::EvaluationField fields[] = {vs::EvaluationField::VisualScore, vs::EvaluationField::T2VScore,
                                          vs::EvaluationField::PhyScore, vs::EvaluationField::Thinking};
    for (int i = 0; i < 2000; ++i) {
      const auto& item = sample[static_cast<qsizetype>(i) % sample.size()];
      const vs::EvaluationField field = fields[i % 4];
      const QVariant value = field == vs::EvaluationField::Thinking
                                 ? QVariant(QStringLiteral("edit %1").arg(i))
                                 : QVariant(1 + i % 5);
      QElapsedTimer t;
      t.start();
      store.editField(item.evaluations.front().id, field, value);
      editMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
  }

  std::printf("single edit commit (Store::editField, 2000 edits): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
              percentile(editMs, 0.50), percentile(editMs, 0.99), percentile(editMs, 1.0));
  return 0;
}
