#pragma once
// FFmpeg through one gate: RAII owners for every libav handle and check(), which turns a negative
// libav result into a vs::Error naming the file and FFmpeg's message. Internal to core/media.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}
#include <QString>
#include <memory>

#include "core/domain/error.h"

namespace vs::media::ff {

struct FormatCloser {
  void operator()(AVFormatContext* p) const { avformat_close_input(&p); }
};
struct CodecContextFreer {
  void operator()(AVCodecContext* p) const { avcodec_free_context(&p); }
};
struct FrameFreer {
  void operator()(AVFrame* p) const { av_frame_free(&p); }
};
struct PacketFreer {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsFreer {
  void operator()(SwsContext* p) const { sws_freeContext(p); }
};

using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFreer>;

QString errorText(int averror);

// Returns `result` when >= 0, else throws vs::Error(kind, file, "<what>: <FFmpeg message>").
int check(int result, const QString& file, const char* what,
          vs::Error::Kind kind = vs::Error::Kind::InvalidData);

FramePtr allocFrame();
PacketPtr allocPacket();

// Opens the container and reads stream info; Io error if the file is missing or unreadable,
// InvalidData if FFmpeg does not recognise it.
FormatPtr openInput(const QString& file);

// Index of the best video stream; InvalidData if there is none.
int findVideoStream(AVFormatContext* format, const QString& file);

// Decoder for a stream, opened. threads: 0 = FFmpeg's choice.
CodecContextPtr openDecoder(const AVStream* stream, const QString& file, int threads);

// Clockwise rotation (0/90/180/270) from the stream's display matrix.
int streamRotationDeg(const AVStream* stream);

double toSeconds(AVRational r);

// Hex MD5 of a decoded picture's planes packed without padding, as the ffmpeg program's
// `-f framemd5` hashes them for the same pixel format: the exact reference for a frame.
QByteArray pictureMd5(const AVFrame* frame);

// Keeps FFmpeg's log quiet (errors only) once per process; corrupt test files are expected.
void quietLogs();

}  // namespace vs::media::ff
