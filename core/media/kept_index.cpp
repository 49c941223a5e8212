#include "core/media/kept_index.h"

#include <QDataStream>
#include <QIODevice>

extern "C" {
#include <libavformat/avformat.h>
}

namespace vs::media {

namespace {
constexpr quint32 kMagic = 0x56535349;  // "VSSI"
constexpr quint8 kVersion = 1;
}  // namespace

StreamFacts streamFacts(const AVFormatContext* format, int stream_index) {
  const AVStream* stream = format->streams[stream_index];
  StreamFacts f;
  f.stream_index = stream_index;
  f.codec_id = static_cast<int>(stream->codecpar->codec_id);
  f.width = stream->codecpar->width;
  f.height = stream->codecpar->height;
  f.tb_num = stream->time_base.num;
  f.tb_den = stream->time_base.den;
  return f;
}

QByteArray encodeKeptIndex(const FileStamp& stamp, const StreamFacts& facts, const FrameIndex& index) {
  QByteArray bytes;
  QDataStream out(&bytes, QIODevice::WriteOnly);
  out.setVersion(QDataStream::Qt_6_0);
  out << kMagic << kVersion << qint64(stamp.size) << qint64(stamp.modified_ms)
      << stamp.content_key.toLatin1();
  out << qint32(facts.stream_index) << qint32(facts.codec_id) << qint32(facts.width) << qint32(facts.height)
      << qint32(facts.tb_num) << qint32(facts.tb_den);
  out << index.toBytes();
  return bytes;
}

std::optional<KeptIndex> decodeKeptIndex(const QByteArray& bytes) {
  if (bytes.size() < 8) {
    return std::nullopt;
  }
  QDataStream in(bytes);
  in.setVersion(QDataStream::Qt_6_0);
  quint32 magic = 0;
  quint8 version = 0;
  in >> magic >> version;
  if (magic != kMagic || version != kVersion) {
    return std::nullopt;
  }
  qint64 size = 0;
  qint64 modified = 0;
  QByteArray key;
  qint32 stream_index = 0, codec_id = 0, width = 0, height = 0, tb_num = 0, tb_den = 0;
  QByteArray frames;
  in >> size >> modified >> key >> stream_index >> codec_id >> width >> height >> tb_num >> tb_den >> frames;
  if (in.status() != QDataStream::Ok || !in.atEnd() || tb_num <= 0 || tb_den <= 0) {
    return std::nullopt;
  }
  std::optional<FrameIndex> index =
      FrameIndex::fromBytes(frames, static_cast<double>(tb_num) / static_cast<double>(tb_den));
  if (!index) {
    return std::nullopt;
  }
  KeptIndex kept{{size, modified, QString::fromLatin1(key)},
                 {stream_index, codec_id, width, height, tb_num, tb_den},
                 std::move(*index)};
  return kept;
}

}  // namespace vs::media
