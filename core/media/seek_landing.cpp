#include "core/media/seek_landing.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace vs::media {

namespace {

// The next packet of `stream` into `packet`; false at the end of the file.
bool readVideoPacket(AVFormatContext* format, int stream, AVPacket* packet) {
  for (;;) {
    if (av_read_frame(format, packet) < 0) {
      return false;
    }
    if (packet->stream_index == stream) {
      return true;
    }
    av_packet_unref(packet);
  }
}

}  // namespace

bool seekOntoKey(AVFormatContext* format, int stream, const FrameIndex::Entry& key, AVPacket* packet) {
  if (av_seek_frame(format, stream, key.pts, AVSEEK_FLAG_BACKWARD) < 0) {
    return false;
  }
  if (!readVideoPacket(format, stream, packet)) {
    return false;
  }
  if (packet->pts == key.pts && (packet->flags & AV_PKT_FLAG_KEY) != 0) {
    return true;
  }
  av_packet_unref(packet);
  return false;
}

bool landedOn(AVFormatContext* format, int stream, int64_t ts, AVCodecContext* codec, AVPacket* packet) {
  if (!readVideoPacket(format, stream, packet)) {
    return false;
  }
  const int64_t dts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
  const bool exact = dts == ts;
  if (exact) {
    avcodec_send_packet(codec, packet);
  }
  av_packet_unref(packet);
  return exact;
}

}  // namespace vs::media
