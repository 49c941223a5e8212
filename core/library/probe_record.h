#pragma once
// The probe result cached in a video's `probe_json`: media::MediaInfo plus the size and
// modification time of the file when it was probed, so a later status check can tell an
// untouched file without reading it.
#include <QDateTime>
#include <QString>
#include <optional>

#include "core/media/media_info.h"

namespace vs::library {

struct ProbeRecord {
  media::MediaInfo info;
  qint64 fileSize = -1;
  qint64 fileModifiedMs = -1;  // ms since the epoch, UTC
};

// Compact JSON text of `record` (keys as `vscore probe --json` prints them, plus file_size
// and file_mtime_ms).
QString probeRecordJson(const ProbeRecord& record);
// nullopt for an empty or unreadable text.
std::optional<ProbeRecord> parseProbeRecord(const QString& json);

// Probes `path` (packets; fast) and records its size and time. Throws vs::Error as probe() does.
ProbeRecord probeFile(const QString& path);

}  // namespace vs::library
