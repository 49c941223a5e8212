#include "core/media/media_check.h"

#include <QByteArray>
#include <algorithm>
#include <numeric>
#include <random>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"

namespace vs::media {

namespace {
constexpr size_t kMismatchesListed = 8;
}

MediaCheck checkMedia(const QString& path, uint32_t seed) {
  MediaCheck check;
  std::vector<QByteArray> reference;
  {
    FrameDecoder sequential(path, DecoderOptions{});
    check.info = sequential.info();
    check.sequential_frames =
        sequential.hashSequential([&](int64_t, const QByteArray& md5) { reference.push_back(md5); });
    check.decode_errors = sequential.stats().decode_errors;
  }
  const int64_t frames = check.info.frames;
  std::vector<int64_t> shuffled(static_cast<size_t>(frames));
  std::iota(shuffled.begin(), shuffled.end(), 0);
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
  std::vector<int64_t> backward(shuffled.size());
  std::iota(backward.rbegin(), backward.rend(), 0);

  auto readAll = [&](const std::vector<int64_t>& order, int cache_budget_mb) {
    DecoderOptions options;
    options.cache_budget_mb = cache_budget_mb;
    FrameDecoder decoder(path, options);
    for (int64_t n : order) {
      ++check.random_reads;
      QByteArray md5;
      try {
        md5 = decoder.pictureMd5(n);
      } catch (const vs::Error&) {
        ++check.failed_reads;
      }
      const bool same = n < static_cast<int64_t>(reference.size()) && !md5.isEmpty() &&
                        md5 == reference[static_cast<size_t>(n)];
      if (!same && !md5.isEmpty()) {
        ++check.mismatches;
      }
      if (!same && check.first_mismatches.size() < kMismatchesListed &&
          std::find(check.first_mismatches.begin(), check.first_mismatches.end(), n) ==
              check.first_mismatches.end()) {
        check.first_mismatches.push_back(n);
      }
    }
  };
  // No cache: every read is a seek and a decode. Then backward with the default cache, where
  // pictures kept from one seek answer the next reads.
  readAll(shuffled, 0);
  readAll(backward, DecoderOptions{}.cache_budget_mb);

  if (check.sequential_frames != frames) {
    check.problem = QStringLiteral("the decoder counts %1 frames but a sequential decode gives %2")
                        .arg(frames)
                        .arg(check.sequential_frames);
  } else if (check.failed_reads > 0) {
    check.problem = QStringLiteral("%1 of %2 out-of-order reads could not be decoded")
                        .arg(check.failed_reads)
                        .arg(check.random_reads);
  } else if (check.mismatches > 0) {
    check.problem = QStringLiteral("%1 of %2 out-of-order reads differ from the sequential decode")
                        .arg(check.mismatches)
                        .arg(check.random_reads);
  }
  return check;
}

}  // namespace vs::media
