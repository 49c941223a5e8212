// bench_intake [N=1000] [baseline files=100]: wall time of `vscore add-videos` on a folder of N
// clips (generator/clip layout, sidecar prompts), of `vscore list --json` (status of every file)
// and of `vscore relink` after the folder moved; baseline: the ffprobe program once per file
// (-count_packets, as a script would probe a folder), timed on the first files and scaled to N.
// Clips: one 2 s 320x240 H.264 clip made by the ffmpeg program, copied N times.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <cstdio>

namespace {

double runMs(const QString& program, const QStringList& args, QByteArray* out = nullptr) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  p.start(program, args);
  p.waitForFinished(-1);
  const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
  if (p.exitCode() != 0) {
    std::fprintf(stderr, "%s failed (%d): %s\n", qPrintable(program), p.exitCode(),
                 p.readAllStandardError().constData());
    std::exit(1);
  }
  if (out)
    *out = p.readAllStandardOutput();
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int baselineFiles = std::min(n, argc > 2 ? std::atoi(argv[2]) : 100);
  const QString vscore = QStringLiteral(VSCORE_PATH);
  QDir root(QDir::tempPath() + QStringLiteral("/bench_intake"));
  root.removeRecursively();
  QDir().mkpath(root.filePath(QStringLiteral("clips")));
  const QString seed = root.filePath(QStringLiteral("seed.mp4"));
  runMs(QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
         QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x240:rate=24"), QStringLiteral("-t"),
         QStringLiteral("2"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), seed});
  QStringList files;
  for (int i = 0; i < n; ++i) {
    const QString folder = root.filePath(QStringLiteral("clips/gen%1").arg(i % 10));
    QDir().mkpath(folder);
    const QString file = folder + QStringLiteral("/clip%1.mp4").arg(i, 5, 10, QLatin1Char('0'));
    QFile::copy(seed, file);
    QFile sidecar(folder + QStringLiteral("/clip%1.txt").arg(i, 5, 10, QLatin1Char('0')));
    sidecar.open(QIODevice::WriteOnly);
    sidecar.write("prompt number " + QByteArray::number(i / 4));
    files << file;
  }
  const QString project = root.filePath(QStringLiteral("p.vsproj"));
  runMs(vscore, {QStringLiteral("init"), project});
  const double addMs = runMs(
      vscore, {QStringLiteral("add-videos"), project, root.filePath(QStringLiteral("clips")),
               QStringLiteral("--recursive"), QStringLiteral("--generator-from"), QStringLiteral("folder")});
  const double listMs = runMs(vscore, {QStringLiteral("list"), project, QStringLiteral("--json")});
  QDir().rename(root.filePath(QStringLiteral("clips")), root.filePath(QStringLiteral("moved")));
  const double listMissingMs = runMs(vscore, {QStringLiteral("list"), project, QStringLiteral("--json")});
  const double relinkMs =
      runMs(vscore, {QStringLiteral("relink"), project, root.filePath(QStringLiteral("moved"))});
  double ffprobeMs = 0;
  for (int i = 0; i < baselineFiles; ++i) {
    QString moved = files[i];
    moved.replace(QStringLiteral("/clips/"), QStringLiteral("/moved/"));
    ffprobeMs +=
        runMs(QStringLiteral("ffprobe"),
              {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_packets"),
               QStringLiteral("-show_streams"), QStringLiteral("-of"), QStringLiteral("json"), moved});
  }
  const double ffprobeScaled = ffprobeMs / baselineFiles * n;
  std::printf("%-44s %10s %12s\n", "step (N files)", "wall ms", "ms per file");
  std::printf("%-44s %10.0f %12.2f\n",
              qPrintable(QStringLiteral("vscore add-videos (probe + add), N=%1").arg(n)), addMs, addMs / n);
  std::printf("%-44s %10.0f %12.2f\n", "vscore list --json (status of every file)", listMs, listMs / n);
  std::printf("%-44s %10.0f %12.2f\n", "vscore list --json, folder moved (missing)", listMissingMs,
              listMissingMs / n);
  std::printf("%-44s %10.0f %12.2f\n", "vscore relink (search, probe, store)", relinkMs, relinkMs / n);
  std::printf("%-44s %10.0f %12.2f\n",
              qPrintable(QStringLiteral("baseline: ffprobe per file (%1 timed, scaled)").arg(baselineFiles)),
              ffprobeScaled, ffprobeScaled / n);
  root.removeRecursively();
  return 0;
}
