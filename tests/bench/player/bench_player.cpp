// bench_player: (1) time from PlayerGrid::setClips to the first frames of 4 × 720p clips on
// screen, against decoding and scaling the same first frames one after another on the calling
// thread (what a player without decoding threads would block the GUI for); (2) the longest
// GUI-thread stall and the dropped frames while playing 4 × 720p24, against the per-frame time
// a GUI-thread decoder would block for. Prints a table; never asserts on time.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"
#include "ui/player/frame_scaler.h"
#include "ui/player/player_grid.h"

using namespace vs::ui;

namespace {

bool makeClip(const QString& path, int seed) {
  // testsrc2 moves every frame, so every frame is a real decode; `seed` shifts the pattern.
  const QString src = QStringLiteral("testsrc2=size=1280x720:rate=24:duration=6,hue=h=%1").arg(seed * 40);
  QProcess ff;
  ff.start(
      QStringLiteral("ffmpeg"),
      {QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
       QStringLiteral("lavfi"), QStringLiteral("-i"), src, QStringLiteral("-c:v"), QStringLiteral("libx264"),
       QStringLiteral("-preset"), QStringLiteral("veryfast"), QStringLiteral("-g"), QStringLiteral("48"),
       QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
  return ff.waitForFinished(120000) && ff.exitCode() == 0;
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// All threads of the process (the clips' decoding threads included): what the player costs the
// machine, which a loaded machine's wall times hide.
double processCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

QString loadAverage() {
  QFile f(QStringLiteral("/proc/loadavg"));
  return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine()).section(QLatin1Char(' '), 0, 2)
                                     : QString();
}

// Times every paint of the grid: the GUI thread's own work per frame, independent of how busy
// the machine is (thread CPU time) and as the user sees it (wall time).
class TimedGrid : public PlayerGrid {
 public:
  double max_paint_wall_ms = 0.0;
  double max_paint_cpu_ms = 0.0;
  int paints = 0;

 protected:
  void paintEvent(QPaintEvent* e) override {
    QElapsedTimer t;
    t.start();
    const double c0 = threadCpuMs();
    PlayerGrid::paintEvent(e);
    max_paint_cpu_ms = std::max(max_paint_cpu_ms, threadCpuMs() - c0);
    max_paint_wall_ms = std::max(max_paint_wall_ms, t.nsecsElapsed() / 1e6);
    ++paints;
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

QVector<PlayerClip> item(const QStringList& paths) {
  QVector<PlayerClip> out;
  for (const QString& p : paths) {
    out.push_back(
        PlayerClip{p, QFileInfo(p).baseName(), {}, {0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120, 132}});
  }
  return out;
}

// Decode + scale frame `index` of each clip on this thread, as a GUI-thread player would.
double naiveMs(std::vector<std::unique_ptr<vs::media::FrameDecoder>>& decoders, int64_t index, QSize tile) {
  QElapsedTimer t;
  t.start();
  for (auto& d : decoders) {
    const QImage img = vs::media::toQImage(d->frame(index));
    const QImage scaled = img.scaled(tile, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    Q_UNUSED(scaled);
  }
  return t.nsecsElapsed() / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QTemporaryDir tmp;
  QStringList set_a;
  QStringList set_b;
  std::printf("generating 8 clips of 1280x720, 24 fps, 6 s ...\n");
  for (int i = 0; i < 8; ++i) {
    const QString p = QDir(tmp.path()).filePath(QStringLiteral("clip%1.mp4").arg(i));
    if (!makeClip(p, i)) {
      std::fprintf(stderr, "bench_player: error: ffmpeg could not make %s\n", qPrintable(p));
      return 1;
    }
    (i < 4 ? set_a : set_b) << p;
  }

  TimedGrid grid;
  QObject::connect(&grid, &PlayerGrid::clipError, [](int clip, const QString& message) {
    std::fprintf(stderr, "bench_player: clip %d: %s\n", clip, qPrintable(message));
  });
  std::printf("load average before: %s\n", qPrintable(loadAverage()));
  grid.resize(1280, 800);
  grid.show();
  QSize tile;

  // (1) item switch -> first frames of all 4 tiles.
  std::vector<double> switch_ms;
  std::vector<double> switch_cpu_ms;
  for (int round = 0; round < 10; ++round) {
    const double cpu0 = processCpuMs();
    QEventLoop loop;
    qint64 ms = -1;
    auto c = QObject::connect(&grid, &PlayerGrid::firstFramesShown, &loop, [&](qint64 e) {
      ms = e;
      loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    grid.setClips(item(round % 2 == 0 ? set_a : set_b));
    loop.exec();
    QObject::disconnect(c);
    if (ms < 0) {
      std::fprintf(stderr, "bench_player: error: no first frames within 10 s (round %d; shown:", round);
      for (int i = 0; i < grid.clipCount(); ++i) {
        std::fprintf(stderr, " %lld", static_cast<long long>(grid.displayedFrame(i)));
      }
      std::fprintf(stderr, ")\n");
      return 1;
    }
    switch_ms.push_back(double(ms));
    switch_cpu_ms.push_back(processCpuMs() - cpu0);
    tile = grid.tileImageRect(0).size();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300) {
      app.processEvents(QEventLoop::AllEvents, 20);
    }
  }
  std::vector<double> naive_first_ms;
  for (int round = 0; round < 5; ++round) {
    QElapsedTimer t;
    t.start();
    std::vector<std::unique_ptr<vs::media::FrameDecoder>> decoders;
    for (const QString& p : (round % 2 == 0 ? set_a : set_b)) {
      vs::media::DecoderOptions o;
      o.threads = 1;
      decoders.push_back(std::make_unique<vs::media::FrameDecoder>(p, o));
    }
    naiveMs(decoders, 0, tile);
    naive_first_ms.push_back(t.nsecsElapsed() / 1e6);
  }

  // (2) play 4 × 720p24 for 5 s; a 1 ms probe timer measures the longest gap in the GUI loop.
  grid.setClips(item(set_a));
  {
    QEventLoop loop;
    QObject::connect(&grid, &PlayerGrid::firstFramesShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
  }
  grid.setLoopMode(LoopMode::Whole);
  std::vector<qint64> shown(4, 0);
  QObject::connect(&grid, &PlayerGrid::clipFrameChanged, [&](int clip, qint64) {
    if (clip >= 0 && clip < 4) {
      ++shown[size_t(clip)];
    }
  });
  QElapsedTimer gap;
  double max_gap_ms = 0.0;
  std::vector<double> gaps;
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(1);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    const double g = gap.nsecsElapsed() / 1e6;
    gap.restart();
    max_gap_ms = std::max(max_gap_ms, g);
    gaps.push_back(g);
  });
  grid.resetDroppedFrames();
  grid.max_paint_cpu_ms = grid.max_paint_wall_ms = 0.0;
  grid.paints = 0;
  const double gui_cpu0 = threadCpuMs();
  const double process_cpu0 = processCpuMs();
  grid.play();
  gap.start();
  probe.start();
  {
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
  }
  probe.stop();
  grid.pause();
  const double gui_cpu_ms = threadCpuMs() - gui_cpu0;
  const double process_cpu_ms = processCpuMs() - process_cpu0;
  const qint64 dropped = grid.droppedFrames();
  std::sort(gaps.begin(), gaps.end());
  const double p99 = gaps.empty() ? 0.0 : gaps[size_t(gaps.size() * 0.99)];
  const qint64 over16 = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 16.0; });

  std::vector<double> naive_frame_ms;
  {
    std::vector<std::unique_ptr<vs::media::FrameDecoder>> decoders;
    for (const QString& p : set_a) {
      vs::media::DecoderOptions o;
      o.threads = 1;
      decoders.push_back(std::make_unique<vs::media::FrameDecoder>(p, o));
    }
    for (int64_t f = 0; f < 120; ++f) {
      naive_frame_ms.push_back(naiveMs(decoders, f, tile));
    }
  }
  const double naive_max = *std::max_element(naive_frame_ms.begin(), naive_frame_ms.end());

  // (3) One decoding thread's CPU per shown tile frame (thread CPU time, so the machine's load
  // matters little): full-size RGB then FrameScaler to the tile (the player before frame(N, w, h))
  // against YUV straight to tile size, both ending in the RGB32 image the tile draws.
  double full_path_cpu_ms = 0.0;
  double tile_path_cpu_ms = 0.0;
  const int kFrames = 144;
  for (int pass = 0; pass < 2; ++pass) {
    vs::media::DecoderOptions o;
    o.threads = 1;
    vs::media::FrameDecoder d(set_a[0], o);
    const double c0 = threadCpuMs();
    for (int64_t f = 0; f < kFrames; ++f) {
      const QImage img =
          pass == 0 ? FrameScaler::scaled(vs::media::toQImage(d.frame(f)), tile, Qt::SmoothTransformation)
                    : FrameScaler::scaled(vs::media::toQImage(d.frame(f, tile.width(), tile.height())), tile,
                                          Qt::SmoothTransformation);
      Q_UNUSED(img);
    }
    (pass == 0 ? full_path_cpu_ms : tile_path_cpu_ms) = (threadCpuMs() - c0) / kFrames;
  }

  std::printf("\nPlayerGrid, 4 x 1280x720 H.264, tiles %dx%d, %d CPU threads\n", tile.width(), tile.height(),
              QThread::idealThreadCount());
  std::printf("%-46s %12s %12s\n", "measure", "PlayerGrid", "GUI-thread");
  std::printf("%-46s %12.1f %12.1f\n", "item switch -> 4 first frames, median ms", median(switch_ms),
              median(naive_first_ms));
  std::printf("%-46s %12.1f %12.1f\n", "item switch -> 4 first frames, max ms",
              *std::max_element(switch_ms.begin(), switch_ms.end()),
              *std::max_element(naive_first_ms.begin(), naive_first_ms.end()));
  std::printf("%-46s %12.1f %12.1f\n", "longest GUI stall while playing 24 fps, ms", max_gap_ms, naive_max);
  std::printf("%-46s %12.1f %12.1f\n", "GUI stall p99 / per-frame decode median, ms", p99,
              median(naive_frame_ms));
  std::printf("%-46s %12lld %12s\n", "GUI stalls > 16 ms in 5 s", static_cast<long long>(over16), "-");
  std::printf("%-46s %12lld %12s\n", "dropped frames in 5 s (4 clips)", static_cast<long long>(dropped), "-");
  std::printf("%-46s %5lld %lld %lld %lld %12s\n", "frames shown per clip in 5 s (expect ~120)",
              static_cast<long long>(shown[0]), static_cast<long long>(shown[1]),
              static_cast<long long>(shown[2]), static_cast<long long>(shown[3]), "-");
  std::printf("%-46s %12.1f %12s\n", "GUI-thread CPU while playing, % of one core", gui_cpu_ms / 50.0, "-");
  std::printf("%-46s %12.1f %12s\n", "process CPU while playing, % of one core", process_cpu_ms / 50.0, "-");
  std::printf("%-46s %12.1f %12s\n", "process CPU per item switch (to first frames), ms",
              median(switch_cpu_ms), "-");
  std::printf("%-46s %8.2f/%-5.2f %10s\n", "longest paint of the grid, ms cpu/wall", grid.max_paint_cpu_ms,
              grid.max_paint_wall_ms, "-");
  std::printf("%-46s %12d %12s\n", "paints in 5 s", grid.paints, "-");
  std::printf("\nOne decoding thread, CPU ms per tile frame (%d frames, decode included)\n", kFrames);
  std::printf("%-46s %12s %12s\n", "measure", "YUV->tile", "full RGB+scale");
  std::printf("%-46s %12.2f %12.2f\n", "frame -> RGB32 tile image, CPU ms", tile_path_cpu_ms,
              full_path_cpu_ms);
  std::printf("load average after: %s (a busy machine delays every thread; compare with an idle one)\n",
              qPrintable(loadAverage()));
  return 0;
}
