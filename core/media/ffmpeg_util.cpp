#include "core/media/ffmpeg_util.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
}
#include <QCryptographicHash>
#include <QFileInfo>
#include <cmath>
#include <mutex>

namespace vs::media::ff {

QString errorText(int averror) {
  char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(averror, buffer, sizeof(buffer));
  return QString::fromUtf8(buffer);
}

int check(int result, const QString& file, const char* what, vs::Error::Kind kind) {
  if (result < 0) {
    throw vs::Error(kind, file, QStringLiteral("%1: %2").arg(QString::fromUtf8(what), errorText(result)));
  }
  return result;
}

FramePtr allocFrame() {
  FramePtr frame(av_frame_alloc());
  if (!frame) {
    throw std::bad_alloc();
  }
  return frame;
}

PacketPtr allocPacket() {
  PacketPtr packet(av_packet_alloc());
  if (!packet) {
    throw std::bad_alloc();
  }
  return packet;
}

void quietLogs() {
  static std::once_flag once;
  std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

FormatPtr openInput(const QString& file) {
  quietLogs();
  const QFileInfo fi(file);
  if (!fi.exists()) {
    throw vs::Error(vs::Error::Kind::Io, file, QStringLiteral("no such file"));
  }
  if (!fi.isFile() || !fi.isReadable()) {
    throw vs::Error(vs::Error::Kind::Io, file, QStringLiteral("not a readable file"));
  }
  AVFormatContext* raw = nullptr;
  const QByteArray path = QFile::encodeName(file);
  const int opened = avformat_open_input(&raw, path.constData(), nullptr, nullptr);
  if (opened < 0) {
    const vs::Error::Kind kind = (opened == AVERROR(ENOENT) || opened == AVERROR(EACCES))
                                     ? vs::Error::Kind::Io
                                     : vs::Error::Kind::InvalidData;
    check(opened, file, "not a video file FFmpeg can open", kind);
  }
  FormatPtr format(raw);  // owned before anything else can throw
  check(avformat_find_stream_info(format.get(), nullptr), file, "cannot read stream info");
  return format;
}

int findVideoStream(AVFormatContext* format, const QString& file) {
  const int index = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (index < 0) {
    throw vs::Error(vs::Error::Kind::InvalidData, file, QStringLiteral("no video stream"));
  }
  const AVStream* stream = format->streams[index];
  if (stream->codecpar->width <= 0 || stream->codecpar->height <= 0) {
    throw vs::Error(vs::Error::Kind::InvalidData, file, QStringLiteral("video stream has no picture size"));
  }
  return index;
}

CodecContextPtr openDecoder(const AVStream* stream, const QString& file, int threads) {
  const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
  if (!codec) {
    throw vs::Error(vs::Error::Kind::InvalidData, file,
                    QStringLiteral("no decoder for codec %1")
                        .arg(QString::fromUtf8(avcodec_get_name(stream->codecpar->codec_id))));
  }
  CodecContextPtr context(avcodec_alloc_context3(codec));
  if (!context) {
    throw std::bad_alloc();
  }
  check(avcodec_parameters_to_context(context.get(), stream->codecpar), file, "decoder parameters");
  context->pkt_timebase = stream->time_base;
  context->thread_count = threads;
  // Frame threading delays output by thread_count frames but keeps every frame; slice threading
  // alone would not help long-GOP H.264 much.
  context->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  check(avcodec_open2(context.get(), codec, nullptr), file, "cannot open decoder");
  return context;
}

int streamRotationDeg(const AVStream* stream) {
  size_t size = 0;
  const uint8_t* matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!matrix || size < 9 * sizeof(int32_t)) {
    return 0;
  }
  // av_display_rotation_get is counter-clockwise in degrees; players rotate clockwise by its negation.
  const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
  if (std::isnan(ccw)) {
    return 0;
  }
  int cw = static_cast<int>(std::lround(-ccw)) % 360;
  if (cw < 0) {
    cw += 360;
  }
  return (cw + 45) / 90 * 90 % 360;
}

double toSeconds(AVRational r) {
  return r.den == 0 ? 0.0 : av_q2d(r);
}

QByteArray pictureMd5(const AVFrame* frame) {
  const auto format = static_cast<AVPixelFormat>(frame->format);
  const int size = av_image_get_buffer_size(format, frame->width, frame->height, 1);
  if (size < 0) {
    return {};
  }
  QByteArray packed(size, Qt::Uninitialized);
  if (av_image_copy_to_buffer(reinterpret_cast<uint8_t*>(packed.data()), size, frame->data, frame->linesize,
                              format, frame->width, frame->height, 1) < 0) {
    return {};
  }
  return QCryptographicHash::hash(packed, QCryptographicHash::Md5).toHex();
}

}  // namespace vs::media::ff
