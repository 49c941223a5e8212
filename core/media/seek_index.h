#pragma once
// Seek indexes kept beyond one decoder. A FrameDecoder starts with an index pass (one demux of
// the whole file); FrameDecoder::seekIndex() hands that index out as bytes to keep (a project
// keeps them in each video's probe record), and a decoder given them back, or finding them in
// this process's book, starts without the pass. Kept bytes name the file state they describe
// (size, modification time, content key) and the stream (codec, size, time base); a decoder
// uses them only while both still hold, and makes the pass otherwise.
#include <QByteArray>
#include <QString>
#include <cstdint>

namespace vs::media {

struct FileStamp {
  int64_t size = -1;
  int64_t modified_ms = -1;  // ms since the epoch, UTC
  QString content_key;       // contentKey() of the file; empty when not taken
};

// Size and modification time of `path` (no content key); size -1 when it cannot be read.
FileStamp fileStamp(const QString& path);

// Whether the file at `path` is still the one `kept` describes: same size, and the same
// modification time or, when that differs, the same content key (read from the file, so a copy
// with a new time still matches). A stamp without a content key needs the same time.
bool stampMatches(const FileStamp& kept, const QString& path);

// The book of seek indexes known to this process, by absolute path, bounded in size (least
// recently used go first). FrameDecoder looks here before its index pass and adds every index it
// makes; VideoLocator adds the indexes a project keeps for the files it finds. Thread-safe.
void rememberSeekIndex(const QString& path, const QByteArray& seek_index);
QByteArray rememberedSeekIndex(const QString& path);  // empty when none
void forgetSeekIndexes();

}  // namespace vs::media
