#pragma once
// The bytes of a kept seek index (see seek_index.h): the file stamp, the facts of the stream it
// indexes, and the FrameIndex itself. Internal to core/media.
#include <QByteArray>
#include <optional>

#include "core/media/frame_index.h"
#include "core/media/seek_index.h"

struct AVFormatContext;

namespace vs::media {

struct StreamFacts {
  int stream_index = -1;
  int codec_id = 0;
  int width = 0;
  int height = 0;
  int tb_num = 0;
  int tb_den = 0;
  bool operator==(const StreamFacts& o) const {
    return stream_index == o.stream_index && codec_id == o.codec_id && width == o.width &&
           height == o.height && tb_num == o.tb_num && tb_den == o.tb_den;
  }
  bool operator!=(const StreamFacts& o) const { return !(*this == o); }
};

StreamFacts streamFacts(const AVFormatContext* format, int stream_index);

struct KeptIndex {
  FileStamp stamp;
  StreamFacts facts;
  FrameIndex index;
};

QByteArray encodeKeptIndex(const FileStamp& stamp, const StreamFacts& facts, const FrameIndex& index);
// nullopt for bytes encodeKeptIndex() did not write (another version, damaged, empty).
std::optional<KeptIndex> decodeKeptIndex(const QByteArray& bytes);

}  // namespace vs::media
