// bench_fill: what the fill pass buys on a 10 s 720p25 clip with one 250-frame GOP (x264's
// default keyint, the usual shape of a generated video): time from request to picture for random
// frames before any pass (seek + decode + scale on the clip's thread) and after it (a lookup), the
// pass's own wall time, and the ffmpeg program decoding the whole clip once as a baseline for it.
// Prints a table; never asserts on time.
// Usage: bench_fill [WORK_DIR] [READS]   (default: <build>/tests/bench/player, 40)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include "ui/player/frame_source.h"

using namespace vs::ui;

namespace {

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

FrameRequest at(qint64 anchor, quint64 gen) {
  FrameRequest r;
  r.anchor = anchor;
  r.ahead = 0;
  r.tile = QSize(640, 360);
  r.geometry_gen = gen;
  return r;
}

// Request → frameReady for each frame, one at a time, in ms.
std::vector<double> seekTimes(FrameSource& source, const std::vector<qint64>& frames, quint64 gen) {
  std::vector<double> ms;
  QElapsedTimer timer;
  for (qint64 f : frames) {
    QEventLoop loop;
    auto c = QObject::connect(&source, &FrameSource::frameReady, &loop, [&](int, qint64 index, quint64) {
      if (index == f)
        loop.quit();
    });
    source.forget({f});
    timer.start();
    source.request(at(f, gen));
    loop.exec();
    ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    QObject::disconnect(c);
  }
  return ms;
}

void row(const char* what, const std::vector<double>& ms) {
  std::printf("| %-52s | %8.2f | %8.2f |\n", what, percentile(ms, 0.5), percentile(ms, 0.95));
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  QGuiApplication app(argc, argv);
  const QString dir =
      argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(VS_BINARY_DIR "/tests/bench/player");
  const int reads = argc > 2 ? std::max(4, atoi(argv[2])) : 40;
  QDir().mkpath(dir);
  const QString clip = dir + QStringLiteral("/fill_720p25_10s.mp4");
  if (!QFileInfo::exists(clip)) {
    if (QProcess::execute(QStringLiteral("ffmpeg"),
                          {"-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                           "testsrc2=size=1280x720:rate=25", "-frames:v", "250", "-pix_fmt", "yuv420p",
                           "-c:v", "libx264", "-preset", "veryfast", clip}) != 0) {
      std::fprintf(stderr, "ffmpeg failed\n");
      return 1;
    }
  }
  std::vector<qint64> frames(static_cast<size_t>(reads));
  std::mt19937 rng(11);
  std::uniform_int_distribution<qint64> pick(0, 249);
  for (qint64& f : frames) {
    f = pick(rng);
  }

  std::vector<double> before;
  {
    FrameSource source(0, clip, std::make_shared<ReadAheadGate>());  // no fill budget: no pass
    source.start();
    seekTimes(source, {0}, 1);  // opened
    before = seekTimes(source, frames, 1);
  }
  std::vector<double> after;
  double pass_ms = 0;
  qint64 filled = 0;
  qint64 bytes = 0;
  {
    FrameSource source(0, clip, std::make_shared<ReadAheadGate>());
    source.setFillBudget(qint64(512) << 20);
    QEventLoop loop;
    QObject::connect(&source, &FrameSource::fillComplete, &loop, &QEventLoop::quit);
    source.start();
    source.request(at(0, 1));
    loop.exec();
    const FillStatus status = source.fillStatus();
    pass_ms = status.pass_ms;
    filled = status.filled;
    bytes = status.bytes;
    after = seekTimes(source, frames, 1);
  }
  QElapsedTimer timer;
  timer.start();
  QProcess::execute(QStringLiteral("ffmpeg"), {"-nostdin", "-v", "error", "-i", clip, "-f", "null", "-"});
  const double ffmpeg_ms = double(timer.nsecsElapsed()) / 1e6;

  std::printf("10 s 1280x720 25 fps H.264, one 250-frame GOP; tile 640x360; %d random frames; ms\n\n", reads);
  std::printf("| %-52s | %8s | %8s |\n", "request to picture", "p50", "p95");
  std::printf("|------------------------------------------------------|----------|----------|\n");
  row("before the fill pass (seek, decode, scale)", before);
  row("after the fill pass (lookup)", after);
  std::printf(
      "\nfill pass: %lld frames, %.1f MB, %.0f ms wall; ffmpeg program decoding the clip once: %.0f ms\n",
      static_cast<long long>(filled), double(bytes) / (1 << 20), pass_ms, ffmpeg_ms);
  return 0;
}
