#pragma once
// checkMedia(): is random access into a file exact? Decodes the file once in order (the
// reference), then reads every frame again in a shuffled and in backward order through
// FrameDecoder's random-access path and compares each picture's MD5 with the reference.
// What `vscore check-media` runs on a folder before a study.
#include <QString>
#include <cstdint>
#include <vector>

#include "core/media/media_info.h"

namespace vs::media {

struct MediaCheck {
  MediaInfo info;                         // as the decoder opened it (frames = its frame count)
  int64_t sequential_frames = 0;          // pictures a plain decode from the start produced
  int64_t decode_errors = 0;              // packets the decoder rejected + pictures flagged corrupt
  int64_t random_reads = 0;               // frames read out of order (shuffled + backward)
  int64_t mismatches = 0;                 // of those, pictures that differ from the sequential decode
  int64_t failed_reads = 0;               // of those, frames the decoder could not produce
  std::vector<int64_t> first_mismatches;  // up to 8 frame numbers, for the report
  QString problem;                        // empty when exact; otherwise why not, in one sentence

  bool exact() const { return problem.isEmpty(); }
};

// Throws vs::Error when the file cannot be opened as video at all. `seed` fixes the shuffle.
MediaCheck checkMedia(const QString& path, uint32_t seed = 1);

}  // namespace vs::media
