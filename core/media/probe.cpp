#include "core/media/probe.h"

#include <QCryptographicHash>
#include <QFile>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"

namespace vs::media {

MediaInfo probe(const QString& path, ProbeDepth depth) {
  return probe(path, depth, nullptr);
}

MediaInfo probe(const QString& path, ProbeDepth depth, QByteArray* seek_index, const QString& content_key) {
  DecoderOptions options;
  options.cache_budget_mb = 0;
  options.geometry = FrameGeometry::Coded;
  FrameDecoder decoder(path, options);
  MediaInfo info = decoder.info();
  if (seek_index) {
    *seek_index = decoder.seekIndex(content_key);
  }
  if (depth == ProbeDepth::Decode) {
    const int64_t packets = info.frames;
    const int64_t decoded = decoder.decodeSequential({}, [](VideoFrame&&) {});
    if (decoded == 0) {
      throw vs::Error(vs::Error::Kind::InvalidData, path, QStringLiteral("no frame could be decoded"));
    }
    info.frames = decoded;
    info.frames_decoded = true;
    if (decoded < packets) {
      info.warning = QStringLiteral("only %1 of %2 frames decode: the file is truncated or corrupt")
                         .arg(decoded)
                         .arg(packets);
    } else if (const int64_t errors = decoder.stats().decode_errors; errors > 0) {
      info.warning = QStringLiteral(
                         "%1 decode errors: the file is truncated or corrupt (damaged pictures are "
                         "concealed by the decoder)")
                         .arg(errors);
    }
  }
  return info;
}

QString contentKey(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw vs::Error(vs::Error::Kind::Io, path, file.errorString());
  }
  constexpr qint64 kChunk = 1 << 20;
  QCryptographicHash hash(QCryptographicHash::Sha1);
  const qint64 size = file.size();
  hash.addData(QByteArray::number(size));
  hash.addData(file.read(kChunk));
  if (size > kChunk) {
    file.seek(std::max(kChunk, size - kChunk));
    hash.addData(file.read(kChunk));
  }
  return QString::fromLatin1(hash.result().toHex());
}

}  // namespace vs::media
