// libFuzzer target over probe + frame-exact decoding + the sampler's frame counting: any input
// must end in frames or a vs::Error, never a crash, a sanitizer report or a hang.
// Build with clang (see CMakeLists.txt), run e.g.:
//   fuzz_media -max_len=65536 -timeout=20 corpus/ <build>/tests/core/media/clips/
// (the seed corpus is the barcoded test clips the media_clip_* fixtures make).
#include <unistd.h>

#include <QFile>
#include <cstdint>
#include <cstdio>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"
#include "core/media/probe.h"
#include "core/media/qwen_sampler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const QString path = QStringLiteral("/dev/shm/vs_fuzz_media_%1.bin").arg(getpid());
  {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
      return 0;
    }
    f.write(reinterpret_cast<const char*>(data), qint64(size));
  }
  try {
    vs::media::DecoderOptions options;
    options.cache_budget_mb = 8;
    options.threads = 1;
    vs::media::FrameDecoder decoder(path, options);
    const int64_t n = decoder.frameCount();
    for (int64_t i : {n - 1, int64_t(0), n / 2, n / 2 - 1, n / 2 + 1}) {
      if (i >= 0 && i < n) {
        try {
          decoder.frame(i);
        } catch (const vs::Error&) {
        }
      }
    }
    vs::media::probe(path, vs::media::ProbeDepth::Decode);
    vs::media::SamplerConfig config;
    config.max_pixels = 28 * 28 * 4;
    config.min_pixels = 28 * 28;
    vs::media::sampleVideo(path, config, vs::media::SampleOutput::Patches);
  } catch (const vs::Error&) {
  }
  return 0;
}
