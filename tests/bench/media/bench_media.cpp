// Media benchmarks: Qwen-VL sampling of a 10 s 720p H.264 clip vs PyAV+torch (the qwen-vl-utils
// path), random seek and +-1 steps on a 1080p GOP-250 clip vs PyAV seek, decode fps per thread.
// The baselines run in the same invocation. Clips are made with the ffmpeg program when missing.
// Usage: bench_media [WORK_DIR]   (default: <build>/tests/bench/media)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>

#include "core/media/frame_decoder.h"
#include "core/media/qwen_sampler.h"

using namespace vs::media;

namespace {

QString ensureClip(const QString& dir, const QString& name, const QStringList& args) {
  const QString path = dir + QLatin1Char('/') + name;
  if (!QFileInfo::exists(path)) {
    std::printf("making %s ...\n", qPrintable(name));
    std::fflush(stdout);
    QStringList all{"-nostdin", "-v", "error", "-y"};
    all << args << path;
    if (QProcess::execute(QStringLiteral("ffmpeg"), all) != 0) {
      std::fprintf(stderr, "ffmpeg failed for %s\n", qPrintable(name));
      std::exit(1);
    }
  }
  return path;
}

QJsonObject python(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral("/usr/bin/python3"),
          QStringList{QStringLiteral(VS_SOURCE_DIR "/pyav_baseline.py")} + args);
  if (!p.waitForFinished(600000) || p.exitCode() != 0) {
    std::printf("  (python baseline unavailable: %s)\n", p.readAllStandardError().left(200).constData());
    return {};
  }
  return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

double ms(const QElapsedTimer& t) {
  return double(t.nsecsElapsed()) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QString dir =
      argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(VS_BINARY_DIR "/tests/bench/media");
  QDir().mkpath(dir);
  const QString clip720 =
      ensureClip(dir, "h264_720p_10s.mp4",
                 {"-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-frames:v", "300", "-pix_fmt",
                  "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "60"});
  const QString clip1080 = ensureClip(dir, "h264_1080p_gop250.mp4",
                                      {"-f",
                                       "lavfi",
                                       "-i",
                                       "testsrc2=size=1920x1080:rate=30",
                                       "-frames:v",
                                       "500",
                                       "-pix_fmt",
                                       "yuv420p",
                                       "-c:v",
                                       "libx264",
                                       "-preset",
                                       "veryfast",
                                       "-bf",
                                       "3",
                                       "-g",
                                       "250",
                                       "-keyint_min",
                                       "250",
                                       "-sc_threshold",
                                       "0"});

  // 1. Sampler: ours (decode + select + resize + normalise + patchify) vs PyAV + torch.
  std::printf("\n== Qwen-VL sampling, 10 s 720p H.264 (300 frames) ==\n");
  // Ours and the baseline alternate, so a change of machine load hits both alike.
  std::vector<double> ours;
  std::vector<double> theirs;
  SampledVideo s;
  for (int i = 0; i < 3; ++i) {
    QElapsedTimer t;
    t.start();
    s = sampleVideo(clip720, SamplerConfig{});
    ours.push_back(ms(t));
    const QJsonObject py = python({"sample", clip720});
    if (py.isEmpty()) {
      continue;
    }
    theirs.push_back(py.value("total_s").toDouble() * 1000);
    if (py.value("rows").toInteger() != s.pixels.rows) {
      std::printf("  WARNING: baseline made %lld rows, ours %lld\n", (long long)py.value("rows").toInteger(),
                  (long long)s.pixels.rows);
    }
  }
  std::printf("%-34s %10s %10s\n", "", "median ms", "min ms");
  std::printf("%-34s %10.1f %10.1f\n", "ours (vs::media::sampleVideo)", percentile(ours, 0.5),
              *std::min_element(ours.begin(), ours.end()));
  if (!theirs.empty()) {
    std::printf("%-34s %10.1f %10.1f\n", "PyAV read_video + torch resize", percentile(theirs, 0.5),
                *std::min_element(theirs.begin(), theirs.end()));
    std::printf("speed-up: %.2fx  (nframes %lld, %dx%d, pixel_values [%lld, %lld])\n",
                percentile(theirs, 0.5) / percentile(ours, 0.5), (long long)s.nframes, s.resized.width,
                s.resized.height, (long long)s.pixels.rows, (long long)s.pixels.cols);
  }

  // 2. Random seek and +-1 steps on 1080p GOP 250.
  std::printf("\n== Random access, 1080p H.264 GOP 250 (500 frames) ==\n");
  DecoderOptions options;
  options.cache_budget_mb = 512;
  FrameDecoder decoder(clip1080, options);
  std::mt19937 rng(11);
  std::uniform_int_distribution<int64_t> pick(0, decoder.frameCount() - 1);
  std::vector<int64_t> targets;
  for (int i = 0; i < 20; ++i) {
    targets.push_back(pick(rng));
  }
  std::vector<double> seek_ms;
  std::vector<double> back_ms;
  std::vector<double> fwd_ms;
  for (int64_t n : targets) {
    decoder.setCacheBudgetMb(0);  // a cold seek: nothing cached
    decoder.setCacheBudgetMb(512);
    QElapsedTimer t;
    t.start();
    decoder.frame(n);
    seek_ms.push_back(ms(t));
    if (n > 0) {
      t.restart();
      decoder.frame(n - 1);
      back_ms.push_back(ms(t));
    }
    if (n + 1 < decoder.frameCount()) {
      t.restart();
      decoder.frame(n + 1);
      fwd_ms.push_back(ms(t));
    }
  }
  // Stepping backwards through a whole GOP from its end (the annotator's "reverse" key).
  std::vector<double> reverse_ms;
  decoder.setCacheBudgetMb(0);
  decoder.setCacheBudgetMb(512);
  for (int64_t n = 249; n >= 150; --n) {
    QElapsedTimer t;
    t.start();
    decoder.frame(n);
    reverse_ms.push_back(ms(t));
  }
  QStringList py_args{"seek", clip1080};
  for (int64_t n : targets) {
    py_args << QString::number(n);
  }
  const QJsonObject py = python(py_args);
  std::vector<double> py_seek;
  for (const QJsonValue& v : py.value("seek_s").toArray()) {
    py_seek.push_back(v.toDouble() * 1000);
  }
  std::printf("%-40s %8s %8s %8s\n", "", "p50 ms", "p95 ms", "max ms");
  auto row = [](const char* name, const std::vector<double>& v) {
    std::printf("%-40s %8.1f %8.1f %8.1f\n", name, percentile(v, 0.5), percentile(v, 0.95),
                v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()));
  };
  row("ours: random seek (cold)", seek_ms);
  row("ours: step -1 after seek", back_ms);
  row("ours: step +1 after seek", fwd_ms);
  row("ours: reverse play 249..150", reverse_ms);
  if (!py_seek.empty()) {
    row("PyAV: seek + decode to frame", py_seek);
  }

  // 3. Decode throughput per thread (no colour conversion, then with RGB conversion).
  std::printf("\n== Decode throughput, 720p H.264 ==\n");
  std::printf("%-40s %8s\n", "", "fps");
  for (int threads : {1, 2}) {
    DecoderOptions o;
    o.threads = threads;
    o.cache_budget_mb = 0;
    FrameDecoder d(clip720, o);
    QElapsedTimer t;
    t.start();
    const int64_t n = d.decodeSequential({}, [](VideoFrame&&) {});
    std::printf("%-40s %8.0f\n", qPrintable(QStringLiteral("decode only, %1 thread(s)").arg(threads)),
                n / (ms(t) / 1000));
    std::vector<int64_t> all(static_cast<size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    t.restart();
    d.decodeSequential(all, [](VideoFrame&&) {});
    std::printf("%-40s %8.0f\n", qPrintable(QStringLiteral("decode + RGB, %1 thread(s)").arg(threads)),
                n / (ms(t) / 1000));
  }
  {
    FrameDecoder d(clip720, DecoderOptions{});
    QElapsedTimer t;
    t.start();
    for (int64_t i = 0; i < d.frameCount(); ++i) {
      d.frame(i);
    }
    std::printf("%-40s %8.0f\n", "frame(i) for i = 0.. (player path)", d.frameCount() / (ms(t) / 1000));
  }
  {
    // What a 2x2 grid tile draws: YUV straight to 640x360 RGB in one swscale pass.
    FrameDecoder d(clip720, DecoderOptions{});
    QElapsedTimer t;
    t.start();
    for (int64_t i = 0; i < d.frameCount(); ++i) {
      d.frame(i, 640, 360);
    }
    std::printf("%-40s %8.0f\n", "frame(i, 640x360) for i = 0.. (tile)", d.frameCount() / (ms(t) / 1000));
  }
  return 0;
}
