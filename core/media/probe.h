#pragma once
// probe(): container/stream facts and the exact frame count of a video file.
#include <QByteArray>
#include <QString>

#include "core/media/media_info.h"

namespace vs::media {

enum class ProbeDepth {
  Packets,  // demux every packet (fast): frames = video packets with a timestamp
  Decode,   // decode every frame: frames = pictures the decoder really produced
};

// Throws vs::Error: Io when the file cannot be opened, InvalidData when it holds no decodable video.
MediaInfo probe(const QString& path, ProbeDepth depth = ProbeDepth::Packets);
// The same, and the seek index made on the way into `seek_index` (FrameDecoder::seekIndex(),
// stamped with `content_key` when given, else with the key read from the file).
MediaInfo probe(const QString& path, ProbeDepth depth, QByteArray* seek_index,
                const QString& content_key = {});

// Hex SHA-1 of size + first and last MiB: a cheap key for caching probe results by content.
QString contentKey(const QString& path);

}  // namespace vs::media
