#pragma once
// FrameDecoder: frame N of a clip, exactly, in presentation order, for any N. Opening indexes
// every packet's timestamp (demux only); frame(N) seeks to the key frame before N, decodes forward
// and caches every frame it passes, so ±1 steps and backward steps inside a GOP hit the cache.
//
// One decoder per thread: a FrameDecoder is not thread-safe (the player keeps one per clip on its
// decoding thread). Several decoders on the same file are fine.
#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

#include "core/media/media_info.h"
#include "core/media/video_frame.h"

namespace vs::media {

// How YUV becomes RGB.
enum class ColorConversion {
  Display,    // the stream's own matrix (BT.601/709/2020) and range, full-chroma interpolation
  Reference,  // what PyAV/torchvision's frame.to_ndarray("rgb24") does: swscale defaults
              // (BT.601, limited range unless the pixel format says JPEG range), bilinear.
              // The Qwen-VL sampler uses this so its pixels match the Python pipeline.
};

enum class FrameGeometry {
  Display,  // sample aspect ratio and rotation applied (what a player shows)
  Coded,    // the decoder's pictures as they are (what torchvision.io.read_video returns)
};

struct DecoderOptions {
  ColorConversion color = ColorConversion::Display;
  FrameGeometry geometry = FrameGeometry::Display;
  // Per clip: the LRU of RGB frames, plus up to half as much again for decoded (YUV) pictures
  // kept before the last seek target so backward steps need no new seek.
  int cache_budget_mb = 256;
  // Decoder threads of the sequential passes (decodeSequential, hashSequential); 0 = FFmpeg's
  // choice.
  int threads = 0;
  // Decoder (frame) threads of random access; 1 = none, 0 = FFmpeg's choice. Frame threads
  // conceal damage differently from run to run and may not report it before the pictures that
  // lean on it are out, so they serve random access only in a file a whole sequential decode has
  // shown clean (decodeSequential, hashSequential or probe's Decode depth, here or before the
  // index was kept), with timestamps, none repeated; and a picture decoded with them is handed
  // out only once every picture decoded before it has come out without an error. Otherwise, and
  // after any error, random access is single-threaded.
  int seek_threads = 1;
  // Pictures decoded past each requested frame and kept (as YUV) so the next +1 steps need no
  // decoding; costs that many decodes on a cache miss.
  int read_ahead_frames = 2;
  // A seek index kept from an earlier opening (seekIndex(); see seek_index.h). Used instead of
  // the index pass while it still describes the file; empty: this process's book of indexes.
  QByteArray seek_index;
  // Look in the book (and add the index made here to it). Off: the bytes above or the pass.
  bool use_remembered_index = true;
};

class FrameDecoder {
 public:
  // Throws vs::Error (Io: cannot open; InvalidData: no video stream, no decoder, no frames).
  explicit FrameDecoder(const QString& path, DecoderOptions options = {});
  ~FrameDecoder();
  FrameDecoder(const FrameDecoder&) = delete;
  FrameDecoder& operator=(const FrameDecoder&) = delete;
  FrameDecoder(FrameDecoder&&) noexcept;
  FrameDecoder& operator=(FrameDecoder&&) noexcept;

  const MediaInfo& info() const;
  int64_t frameCount() const;
  int width() const;  // of the frames handed out (depends on FrameGeometry)
  int height() const;
  double fps() const;  // info().fps: the average frame rate, or frames / span of the frame times
  // Presentation time of every frame relative to the first, in seconds (for the sync clock).
  const std::vector<double>& frameTimes() const;

  // This decoder's index as bytes to keep (DecoderOptions::seek_index takes them back), stamped
  // with the file's size and modification time when it was opened and with its content key:
  // `content_key` when the caller has taken it, else read from the file. Empty when the file has
  // changed since it was opened.
  QByteArray seekIndex(const QString& content_key = {}) const;

  // Frame `index` (0-based, presentation order). Throws vs::Error Usage for an index outside
  // [0, frameCount()), InvalidData when that frame cannot be decoded (truncated/corrupt file).
  FramePtr frame(int64_t index);
  // Frame `index` scaled to `width` x `height` (after geometry, so the display size when the
  // aspect ratio is kept) in the same swscale pass as the colour conversion. For a player that
  // draws frames smaller than they are: no full-size RGB frame is made. Scaled frames have a
  // cache of their own (same budget), for one size at a time: asking for another size empties
  // it. The size of width() x height() is the same as frame(index).
  FramePtr frame(int64_t index, int width, int height);

  // Hex MD5 of frame `index`'s decoded planes (native pixel format, packed), what the ffmpeg
  // program's `-f framemd5 -fps_mode passthrough` prints for the same frame: checks random access
  // against a sequential decode bit for bit. Same errors as frame().
  QByteArray pictureMd5(int64_t index);

  // Decodes the whole clip once in order and calls `sink` for the frames whose index is in
  // `wanted` (sorted ascending); frames not wanted are never converted to RGB. Returns the number
  // of frames the decoder produced. Used by the sampler; bypasses the cache.
  int64_t decodeSequential(const std::vector<int64_t>& wanted, const std::function<void(VideoFrame&&)>& sink);

  // Decodes the whole clip once in order and calls `sink` with each picture's index and MD5 (as
  // pictureMd5). Returns the number of frames the decoder produced.
  int64_t hashSequential(const std::function<void(int64_t index, const QByteArray& md5)>& sink);

  void setCacheBudgetMb(int budget_mb);
  int64_t cacheUsedBytes() const;

  struct Stats {
    int64_t seeks = 0;           // key-frame seeks performed
    int64_t frames_decoded = 0;  // pictures received from the decoder
    int64_t cache_hits = 0;
    int64_t decode_errors = 0;  // packets the decoder rejected + pictures flagged corrupt
    int64_t index_passes = 0;   // demux passes made to index the file (0: a kept index was used)
  };
  Stats stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vs::media
