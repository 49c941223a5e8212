#pragma once
#include <QString>

namespace vs {

// A generated video. `name` is the VideoFeedback2 video_name (unique in a project).
struct Video {
  qint64 id = 0;
  qint64 promptId = 0;  // 0 when the video has no prompt
  QString name;
  QString url;
  QString path;         // relative to the project file's folder, or absolute
  QString contentHash;  // e.g. "sha256:<hex>"; empty until hashed
  QString probeJson;    // media probe result as JSON text; empty until probed
  QString generator;    // generator / model that made the video
  QString batch;        // user-defined batch label
};

}  // namespace vs
