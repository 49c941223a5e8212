// Seek benchmark: cold and warm random access on a 1080p GOP-250 clip and on an open-GOP clip,
// against the ffmpeg program decoding from the start to the same frame (what a tool without an
// index does), measured in the same run. Prints a table; no timing is asserted anywhere.
//   opening: the index pass (one demux of the file) that every cold read starts with
//   cold: a fresh decoder per read (index made on open, timed apart; no frame cache)
//   warm: one decoder, default cache, random frames one after another
// Usage: bench_seek [WORK_DIR] [READS]   (default: <build>/tests/bench/media, 20)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/media/frame_decoder.h"

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

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

void row(const char* clip, const char* what, const std::vector<double>& ms) {
  std::printf("| %-24s | %-36s | %8.1f | %8.1f |\n", clip, what, percentile(ms, 0.5), percentile(ms, 0.95));
}

void bench(const char* label, const QString& path, int reads) {
  int64_t frames = 0;
  {
    DecoderOptions options;
    FrameDecoder probe(path, options);
    frames = probe.frameCount();
  }
  std::vector<int64_t> targets(static_cast<size_t>(reads));
  std::mt19937 rng(3);
  std::uniform_int_distribution<int64_t> pick(0, frames - 1);
  for (int64_t& t : targets) {
    t = pick(rng);
  }
  std::vector<double> cold;
  std::vector<double> warm;
  std::vector<double> opening;
  std::vector<double> ffmpeg;
  QElapsedTimer timer;
  for (int64_t n : targets) {
    DecoderOptions options;
    options.cache_budget_mb = 0;
    timer.start();
    FrameDecoder decoder(path, options);  // the index pass (one demux of the whole file)
    opening.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    timer.start();
    decoder.frame(n);
    cold.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
  }
  {
    FrameDecoder decoder(path);
    for (int64_t n : targets) {
      timer.start();
      decoder.frame(n);
      warm.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
  }
  for (int64_t n : targets) {
    timer.start();
    QProcess::execute(QStringLiteral("ffmpeg"), {"-nostdin", "-v", "error", "-i", path, "-frames:v",
                                                 QString::number(n + 1), "-f", "null", "-"});
    ffmpeg.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
  }
  row(label, "ours, opening (index pass)", opening);
  row(label, "ours, cold (fresh decoder, no cache)", cold);
  row(label, "ours, warm (one decoder, cache)", warm);
  row(label, "ffmpeg program, start to frame", ffmpeg);
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1])
                               : QStringLiteral(VS_BINARY_DIR "/tests/bench/media");
  const int reads = argc > 2 ? std::max(2, atoi(argv[2])) : 20;
  QDir().mkpath(dir);
  const QString gop250 = ensureClip(dir, QStringLiteral("seek_1080p_gop250.mp4"),
                                    {"-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-frames:v", "500",
                                     "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-g", "250",
                                     "-keyint_min", "250", "-sc_threshold", "0", "-bf", "3"});
  const QString open_gop = ensureClip(dir, QStringLiteral("seek_720p_open_gop.mp4"),
                                      {"-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-frames:v", "250",
                                       "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-bf", "3",
                                       "-x264-params", "keyint=50:min-keyint=50:open-gop=1:scenecut=0"});
  std::printf("%d random frames per row, ms\n\n", reads);
  std::printf("| %-24s | %-36s | %8s | %8s |\n", "clip", "reader", "p50", "p95");
  std::printf("|%s|%s|%s|%s|\n", std::string(26, '-').c_str(), std::string(38, '-').c_str(),
              std::string(10, '-').c_str(), std::string(10, '-').c_str());
  bench("1080p GOP 250 (500 f)", gop250, reads);
  bench("720p open GOP 50 (250 f)", open_gop, reads);
  return 0;
}
