#pragma once
// The probe result cached in a video's `probe_json`: media::MediaInfo plus the size and
// modification time of the file when it was probed, so a later status check can tell an
// untouched file without reading it, and the decoder's seek index (media/seek_index.h), so
// opening the clip again needs no index pass.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

#include "core/media/media_info.h"

namespace vs::library {

struct ProbeRecord {
  media::MediaInfo info;
  qint64 fileSize = -1;
  qint64 fileModifiedMs = -1;  // ms since the epoch, UTC
  QByteArray seekIndex;        // media::FrameDecoder::seekIndex(); empty when not made
};

// Compact JSON text of `record` (keys as `vscore probe --json` prints them, plus file_size,
// file_mtime_ms and seek_index in base64).
QString probeRecordJson(const ProbeRecord& record);
// nullopt for an empty or unreadable text.
std::optional<ProbeRecord> parseProbeRecord(const QString& json);

// Probes `path` (packets; fast) and records its size, time and seek index (stamped with
// `contentKey`, read from the file when empty). Throws vs::Error as probe() does.
ProbeRecord probeFile(const QString& path, const QString& contentKey = {});

}  // namespace vs::library
