// Seek benchmark: cold and warm random access on a 1080p GOP-250 clip and on an open-GOP clip,
// against the ffmpeg program decoding from the start to the same frame (what a tool without an
// index does), measured in the same run. Prints a table; no timing is asserted anywhere.
//   opening: the index pass (one demux of the file), or the index kept from an earlier opening
//            (FrameDecoder::seekIndex(), what a project keeps in each video's probe record)
//   cold: a fresh decoder per read, no frame cache; the read alone and opening + read, single-
//         threaded and with frame threads (DecoderOptions::seek_threads = FFmpeg's choice)
//   warm: one decoder, default cache, random frames one after another
// Usage: bench_seek [WORK_DIR] [READS]   (default: <build>/tests/bench/media, 20)
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
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

void row(const char* clip, const char* what, const std::vector<double>& ms, double decoded = -1) {
  std::printf("| %-24s | %-44s | %8.1f | %8.1f | %8s |\n", clip, what, percentile(ms, 0.5),
              percentile(ms, 0.95), decoded < 0 ? "" : qPrintable(QString::number(decoded, 'f', 1)));
}

double ms(const QElapsedTimer& timer) {
  return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

struct Cold {
  std::vector<double> open;
  std::vector<double> read;
  std::vector<double> total;
  double decoded = 0;  // pictures decoded per read, mean
};

// A fresh decoder per read (no cache), opened with the index pass or with `kept` bytes.
Cold cold(const QString& path, const std::vector<int64_t>& targets, const QByteArray& kept,
          int seek_threads) {
  Cold c;
  QElapsedTimer timer;
  for (int64_t n : targets) {
    DecoderOptions options;
    options.cache_budget_mb = 0;
    options.use_remembered_index = false;
    options.seek_index = kept;
    options.seek_threads = seek_threads;
    timer.start();
    FrameDecoder decoder(path, options);
    c.open.push_back(ms(timer));
    QElapsedTimer read;
    read.start();
    decoder.frame(n);
    c.read.push_back(ms(read));
    c.total.push_back(ms(timer));
    c.decoded += static_cast<double>(decoder.stats().frames_decoded) / static_cast<double>(targets.size());
  }
  return c;
}

std::vector<double> warm(const QString& path, const std::vector<int64_t>& targets, int seek_threads) {
  DecoderOptions options;
  options.seek_threads = seek_threads;
  FrameDecoder decoder(path, options);
  std::vector<double> out;
  QElapsedTimer timer;
  for (int64_t n : targets) {
    timer.start();
    decoder.frame(n);
    out.push_back(ms(timer));
  }
  return out;
}

void bench(const char* label, const QString& path, int reads) {
  DecoderOptions options;
  options.use_remembered_index = false;
  FrameDecoder first(path, options);
  const int64_t frames = first.frameCount();
  // A whole decode shows the file clean, so frame threads may serve random access with this index.
  first.hashSequential([](int64_t, const QByteArray&) {});
  const QByteArray kept = first.seekIndex();  // what a project keeps in the probe record
  std::vector<int64_t> targets(static_cast<size_t>(reads));
  std::mt19937 rng(3);
  std::uniform_int_distribution<int64_t> pick(0, frames - 1);
  for (int64_t& t : targets) {
    t = pick(rng);
  }
  const Cold pass = cold(path, targets, {}, 1);
  const Cold stored = cold(path, targets, kept, 1);
  const Cold threaded = cold(path, targets, kept, 0);
  const std::vector<double> warm1 = warm(path, targets, 1);
  const std::vector<double> warm_threads = warm(path, targets, 0);
  std::vector<double> ffmpeg;
  QElapsedTimer timer;
  for (int64_t n : targets) {
    timer.start();
    QProcess::execute(QStringLiteral("ffmpeg"), {"-nostdin", "-v", "error", "-i", path, "-frames:v",
                                                 QString::number(n + 1), "-f", "null", "-"});
    ffmpeg.push_back(ms(timer));
  }
  row(label, "opening, index pass", pass.open);
  row(label, "opening, kept index", stored.open);
  row(label, "cold read after opening, 1 thread", stored.read, stored.decoded);
  row(label, "cold read after opening, frame threads", threaded.read, threaded.decoded);
  row(label, "cold total, index pass, 1 thread", pass.total, pass.decoded);
  row(label, "cold total, kept index, 1 thread", stored.total, stored.decoded);
  row(label, "cold total, kept index, frame threads", threaded.total, threaded.decoded);
  row(label, "warm (one decoder, cache), 1 thread", warm1);
  row(label, "warm (one decoder, cache), frame threads", warm_threads);
  row(label, "ffmpeg program, start to frame", ffmpeg);
  std::printf("| %-24s | %-44s | %8d | %8d | %8s |\n", label, "kept index, bytes (base64 in the project)",
              static_cast<int>(kept.size()), static_cast<int>(kept.toBase64().size()), "");
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QString dir =
      argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(VS_BINARY_DIR "/tests/bench/media");
  const int reads = argc > 2 ? std::max(2, atoi(argv[2])) : 20;
  QDir().mkpath(dir);
  const QString gop250 = ensureClip(dir, QStringLiteral("seek_1080p_gop250.mp4"),
                                    {"-f",
                                     "lavfi",
                                     "-i",
                                     "testsrc2=size=1920x1080:rate=25",
                                     "-frames:v",
                                     "500",
                                     "-pix_fmt",
                                     "yuv420p",
                                     "-c:v",
                                     "libx264",
                                     "-preset",
                                     "veryfast",
                                     "-g",
                                     "250",
                                     "-keyint_min",
                                     "250",
                                     "-sc_threshold",
                                     "0",
                                     "-bf",
                                     "3"});
  const QString open_gop =
      ensureClip(dir, QStringLiteral("seek_720p_open_gop.mp4"),
                 {"-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-frames:v", "250", "-pix_fmt",
                  "yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-x264-params",
                  "keyint=50:min-keyint=50:open-gop=1:scenecut=0"});
  std::printf("%d random frames per row, ms\n\n", reads);
  std::printf("%d cores; frame threads = FFmpeg's choice; decoded = pictures decoded per read (mean)\n\n",
              QThread::idealThreadCount());
  std::printf("| %-24s | %-44s | %8s | %8s | %8s |\n", "clip", "reader", "p50", "p95", "decoded");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(26, '-').c_str(), std::string(46, '-').c_str(),
              std::string(10, '-').c_str(), std::string(10, '-').c_str(), std::string(10, '-').c_str());
  bench("1080p GOP 250 (500 f)", gop250, reads);
  bench("720p open GOP 50 (250 f)", open_gop, reads);
  return 0;
}
