#pragma once
// Where a demuxer seek lands. After av_seek_frame the first video packet read tells whether the
// seek reached the packet asked for; these read up to it and hand it on, so no packet is lost.
// The decoder (frame_decoder.cpp) picks between them: by presentation time onto a key frame's own
// packet, or, when frames are counted, checking the decode time it needs to start exactly.
#include <cstdint>

#include "core/media/frame_index.h"

struct AVCodecContext;
struct AVFormatContext;
struct AVPacket;

namespace vs::media {

// Seeks `stream` to `key`'s presentation time; true when the first video packet after it is the
// key frame's own, which is then left in `packet` for the caller to send. False when the seek
// failed or landed elsewhere (nothing is left in `packet` then).
bool seekOntoKey(AVFormatContext* format, int stream, const FrameIndex::Entry& key, AVPacket* packet);

// Reads up to the first video packet of `stream` and checks its decode timestamp (its
// presentation timestamp when it has none) against `ts`; on a match the packet goes to `codec`.
// False at the end of the file or on another timestamp.
bool landedOn(AVFormatContext* format, int stream, int64_t ts, AVCodecContext* codec, AVPacket* packet);

}  // namespace vs::media
