#include "core/media/frame_decoder.h"

extern "C" {
#include <libavutil/pixdesc.h>
}
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/media/ffmpeg_util.h"
#include "core/media/frame_cache.h"
#include "core/media/frame_index.h"
#include "core/media/kept_index.h"
#include "core/media/probe.h"
#include "core/media/rgb_converter.h"
#include "core/media/seek_landing.h"

namespace vs::media {

namespace {
constexpr int64_t kBytesPerMb = 1024 * 1024;
// Frames decoded on the way to a seek target are kept near the target as decoded (YUV) picture
// references and converted to RGB only when asked for: backward steps stay instant without paying
// colour conversion for a whole 250-frame GOP on every seek.
constexpr int64_t kMaxKeepWindow = 120;
// Forward requests this close to the decoder's position decode on instead of seeking.
constexpr int64_t kForwardDecodeLimit = 90;
}  // namespace

// RGB frames of one output size: their converter and their LRU.
struct FrameOutput {
  explicit FrameOutput(int64_t budget_bytes) : cache(budget_bytes) {}
  RgbConverter converter;
  FrameCache cache;
};

class FrameDecoder::Impl {
 public:
  Impl(const QString& path, DecoderOptions options)
      : path_(path),
        options_(options),
        full_(int64_t{options.cache_budget_mb} * kBytesPerMb),
        scaled_(int64_t{options.cache_budget_mb} * kBytesPerMb) {
    stamp_ = fileStamp(path_);
    open(1);
    facts_ = streamFacts(format_.get(), stream_index_);
    if (adoptKeptIndex()) {
      at_start_ = true;  // nothing read yet
    } else {
      index_ = FrameIndex::build(format_.get(), stream_index_, path_);
      ++stats_.index_passes;
      if (options_.use_remembered_index && stamp_.size >= 0) {
        rememberSeekIndex(path_, encodeKeptIndex(stamp_, facts_, index_));
      }
    }
    info_ = index_.describe(format_.get(), stream_index_, path_);
    for (int64_t i = 1; i < index_.size() && !repeated_pts_; ++i) {
      repeated_pts_ = index_.entry(i).pts == index_.entry(i - 1).pts;
    }
    full_.converter = RgbConverter(options_.color, options_.geometry, info_);
    if (at_start_ && codec_threads_ != randomThreads()) {
      codec_ = ff::openDecoder(format_->streams[stream_index_], path_, randomThreads());  // nothing sent yet
      codec_threads_ = randomThreads();
    }
    rewind();
  }

  // Takes the kept index given in the options, else the book's, when it still describes this
  // file and this stream.
  bool adoptKeptIndex() {
    const bool given = !options_.seek_index.isEmpty();
    const QByteArray bytes = given                           ? options_.seek_index
                             : options_.use_remembered_index ? rememberedSeekIndex(path_)
                                                             : QByteArray();
    std::optional<KeptIndex> kept = decodeKeptIndex(bytes);
    if (!kept || kept->facts != facts_ || !stampMatches(kept->stamp, path_)) {
      return false;
    }
    index_ = std::move(kept->index);
    if (options_.use_remembered_index && kept->stamp.modified_ms != stamp_.modified_ms) {
      // Matched by content under a new time (a copy): the book gets the time, so the next
      // opening needs no content key.
      kept->stamp.modified_ms = stamp_.modified_ms;
      rememberSeekIndex(path_, encodeKeptIndex(kept->stamp, facts_, index_));
    } else if (options_.use_remembered_index && given) {
      rememberSeekIndex(path_, bytes);
    }
    return true;
  }

  QByteArray seekIndex(const QString& content_key) const {
    if (fileStamp(path_).modified_ms != stamp_.modified_ms || fileStamp(path_).size != stamp_.size) {
      return {};
    }
    FileStamp stamp = stamp_;
    try {
      stamp.content_key = content_key.isEmpty() ? contentKey(path_) : content_key;
    } catch (const vs::Error&) {
      return {};
    }
    return encodeKeptIndex(stamp, facts_, index_);
  }

  FramePtr scaledFrame(int64_t n, int width, int height) {
    if (width == full_.converter.outWidth() && height == full_.converter.outHeight()) {
      return frame(n, full_);
    }
    if (width <= 0 || height <= 0) {
      throw vs::Error(vs::Error::Kind::Usage, path_,
                      QStringLiteral("frame size %1x%2 is empty").arg(width).arg(height));
    }
    if (width != scaled_.converter.outWidth() || height != scaled_.converter.outHeight()) {
      scaled_.converter = RgbConverter(options_.color, options_.geometry, info_, width, height);
      scaled_.cache.clear();
    }
    return frame(n, scaled_);
  }

  void open(int threads) {
    codec_threads_ = threads;
    format_ = ff::openInput(path_);
    stream_index_ = ff::findVideoStream(format_.get(), path_);
    codec_ = ff::openDecoder(format_->streams[stream_index_], path_, threads);
    packet_ = ff::allocPacket();
    frame_ = ff::allocFrame();
  }

  // Back to the first packet. A fresh demuxer + decoder is the one position every container
  // supports exactly (seeking to 0 in some formats lands on the first key frame, not packet 0).
  // `threads`: 1 for random access (see sequentialThreads()).
  void rewind(int threads = -1) {
    if (threads < 0) {
      threads = randomThreads();
    }
    if (at_start_ && threads == codec_threads_) {
      return;
    }
    format_.reset();
    codec_.reset();
    open(threads);
    at_start_ = true;
    draining_ = false;
    finished_ = false;
    last_received_ = -1;
    repeats_seen_.clear();
    in_flight_.clear();
    ++stats_.seeks;
  }

  // Threads for random access now (see DecoderOptions::seek_threads).
  int randomThreads() const {
    const bool trusted =
        index_.clean() && !damaged_ && !threads_distrusted_ && !index_.countsFrames() && !repeated_pts_;
    return trusted ? options_.seek_threads : 1;
  }
  bool threaded() const { return codec_threads_ != 1; }

  void seekToKey(int64_t key_index) {
    const FrameIndex::Entry& key = index_.entry(key_index);
    if (key_index == 0 || key.seek_ts == AV_NOPTS_VALUE) {
      rewind();
      return;
    }
    if (codec_threads_ != randomThreads()) {
      // The demuxer seeks below; only the decoder needs opening again.
      codec_ = ff::openDecoder(format_->streams[stream_index_], path_, randomThreads());
      codec_threads_ = randomThreads();
    }
    // By the key frame's presentation time first: MP4 with an edit list indexes its samples by a
    // shifted time, so a seek by the decode time lands a whole GOP early there (exact, but twice
    // the decoding). Taken only when the first video packet is the key frame's own; else by the
    // decode time, which lands on the key frame or before it.
    const bool on_key =
        !index_.countsFrames() && seekOntoKey(format_.get(), stream_index_, key, packet_.get());
    if (!on_key && av_seek_frame(format_.get(), stream_index_, key.seek_ts, AVSEEK_FLAG_BACKWARD) < 0) {
      at_start_ = false;
      rewind();
      return;
    }
    avcodec_flush_buffers(codec_.get());
    in_flight_.clear();
    at_start_ = false;
    draining_ = false;
    finished_ = false;
    last_received_ = index_.countsFrames() ? key_index - 1 : -1;
    repeats_seen_.clear();
    ++stats_.seeks;
    if (on_key) {
      // The key frame's packet, read to check the landing, goes to the decoder: nothing is lost.
      if (threaded()) {
        in_flight_[packet_->pts] = ++sent_;
      }
      if (avcodec_send_packet(codec_.get(), packet_.get()) < 0) {
        ++stats_.decode_errors;
        error_seen_ = true;
      }
      av_packet_unref(packet_.get());
    }
    if (index_.countsFrames() &&
        !landedOn(format_.get(), stream_index_, key.seek_ts, codec_.get(), packet_.get())) {
      // Counting frames needs the exact start; a demuxer that landed elsewhere gets a rewind.
      rewind();
    }
  }

  // Next decoded picture into frame_; false at the end of the stream. Corrupt packets are skipped
  // (the decoder resynchronises at the next key frame); the loop always ends because every
  // iteration consumes a packet or drains.
  bool receive(int64_t skip_nonref_before_pts) {
    for (;;) {
      const int got = avcodec_receive_frame(codec_.get(), frame_.get());
      if (got >= 0) {
        ++stats_.frames_decoded;
        if (threaded()) {
          // Unknown: as if sent last, so settle() waits for everything still inside.
          const auto it = in_flight_.find(frame_->pts);
          in_flight_sent_of_output_ =
              it != in_flight_.end() ? it->second : std::numeric_limits<int64_t>::max();
          if (it != in_flight_.end()) {
            in_flight_.erase(it);
          }
        }
        if (frame_->decode_error_flags != 0 || (frame_->flags & AV_FRAME_FLAG_CORRUPT) != 0) {
          ++stats_.decode_errors;
          error_seen_ = true;
        }
        at_start_ = false;
        return true;
      }
      if (got == AVERROR_EOF) {
        finished_ = true;
        return false;
      }
      if (got != AVERROR(EAGAIN)) {
        ++stats_.decode_errors;  // a broken frame: keep going with the next packet
        error_seen_ = true;
      }
      if (draining_) {
        finished_ = true;
        return false;
      }
      const int read = av_read_frame(format_.get(), packet_.get());
      if (read < 0) {
        draining_ = true;
        avcodec_send_packet(codec_.get(), nullptr);
        continue;
      }
      if (packet_->stream_index == stream_index_) {
        const int64_t pts = packet_->pts != AV_NOPTS_VALUE ? packet_->pts : packet_->dts;
        // A skipped picture produces no output, so a stream whose frames are counted (no
        // timestamps) must decode them all or every later count is off.
        // Nor a damaged one: error concealment draws on the picture decoded last, whatever it was.
        codec_->skip_frame =
            (!index_.countsFrames() && !damaged_ && skip_nonref_before_pts != AV_NOPTS_VALUE &&
             pts != AV_NOPTS_VALUE && pts < skip_nonref_before_pts)
                ? AVDISCARD_NONREF
                : AVDISCARD_DEFAULT;
        if (threaded() && pts != AV_NOPTS_VALUE) {
          in_flight_[pts] = ++sent_;
        }
        // Invalid data: dropped, decoding continues with the next packet.
        if (avcodec_send_packet(codec_.get(), packet_.get()) < 0) {
          ++stats_.decode_errors;
          error_seen_ = true;
        }
      }
      av_packet_unref(packet_.get());
    }
  }

  // The packet's own timestamp first: the index holds packet timestamps, and best_effort_timestamp
  // makes up a different one for a repeated timestamp. Frames sharing a timestamp are numbered in
  // the order the decoder outputs them since the last seek.
  int64_t frameIndexOfCurrent() {
    const int64_t ts = frame_->pts != AV_NOPTS_VALUE ? frame_->pts : frame_->best_effort_timestamp;
    if (index_.countsFrames() || ts == AV_NOPTS_VALUE) {
      return last_received_ + 1;  // streams without presentation timestamps count pictures
    }
    const int64_t first = index_.indexOfPts(ts);
    if (first < 0) {
      return -1;
    }
    const int64_t sharing = index_.sharingPts(first);
    if (sharing == 1) {
      return first;
    }
    const int64_t seen = repeats_seen_[ts]++;
    return seen < sharing ? first + seen : -1;
  }

  void checkRange(int64_t n) const {
    if (n < 0 || n >= index_.size()) {
      throw vs::Error(vs::Error::Kind::Usage, path_,
                      QStringLiteral("frame %1 out of range (clip has %2 frames)").arg(n).arg(index_.size()));
    }
  }

  FramePtr frame(int64_t n, FrameOutput& out) {
    checkRange(n);
    if (FramePtr hit = out.cache.find(n)) {
      ++stats_.cache_hits;
      return hit;
    }
    if (auto kept = kept_.find(n); kept != kept_.end()) {
      ++stats_.cache_hits;
      FramePtr converted = convert(kept->second.get(), n, out);
      kept_.erase(kept);
      out.cache.insert(converted);
      return converted;
    }
    decodeTo(n, &out.cache);
    FramePtr converted = convert(frame_.get(), n, out);
    out.cache.insert(converted);
    readAhead(out.cache);
    return converted;
  }

  QByteArray pictureMd5(int64_t n) {
    checkRange(n);
    if (auto kept = kept_.find(n); kept != kept_.end()) {
      ++stats_.cache_hits;
      return ff::pictureMd5(kept->second.get());
    }
    decodeTo(n, nullptr);
    QByteArray md5 = ff::pictureMd5(frame_.get());
    // Kept so a following frame(n) need not decode again.
    if (ff::FramePtr ref{av_frame_clone(frame_.get())}; ref && keepWindow() > 0) {
      kept_[n] = std::move(ref);
    }
    readAhead(full_.cache);
    return md5;
  }

  // Leaves picture n in frame_. `cached` (may be null) holds the frames that need not be kept.
  void decodeTo(int64_t n, const FrameCache* cached) {
    const int64_t key = index_.keyFrameBefore(n);
    // Decode on from where the decoder is when the target is ahead and no key frame is closer.
    const bool ahead = !finished_ && last_received_ >= 0 && n > last_received_ &&
                       (key <= last_received_ || n - last_received_ <= kForwardDecodeLimit);
    const bool fresh_start = at_start_ && key == 0;
    if (!ahead && !fresh_start) {
      seekToKey(key);
    }
    if (decodeUntil(n, cached)) {
      const bool settled = !threaded() || settle(n);
      if (markDamaged()) {
        decodeTo(n, nullptr);  // once more, now the way every later read decodes
      } else if (!settled) {
        threads_distrusted_ = true;
        at_start_ = false;
        rewind();
        decodeTo(n, nullptr);
      }
      return;
    }
    // The seek landed after the target (index quirks) or decoding failed: retry from the start.
    if (!at_start_) {
      at_start_ = false;
      rewind();
      if (decodeUntil(n, cached)) {
        return;
      }
    }
    throw vs::Error(vs::Error::Kind::InvalidData, path_,
                    QStringLiteral("frame %1 of %2 cannot be decoded (file truncated or corrupt)")
                        .arg(n)
                        .arg(index_.size()));
  }

  bool decodeUntil(int64_t n, const FrameCache* cached) {
    const int64_t window = keepWindow();
    const int64_t first_kept = std::max<int64_t>(0, n - window);
    const int64_t skip_before_pts = index_.entry(first_kept).pts;
    // Pictures kept from an earlier GOP are of no use to this one.
    for (auto it = kept_.begin(); it != kept_.end();) {
      it = (it->first < first_kept || it->first > n) ? kept_.erase(it) : std::next(it);
    }
    while (receive(skip_before_pts)) {
      const int64_t got = frameIndexOfCurrent();
      if (got < 0) {
        continue;
      }
      last_received_ = got;
      if (got > n) {
        return false;  // passed the target without producing it
      }
      if (got == n) {
        return true;
      }
      if (got >= first_kept && (!cached || !cached->contains(got))) {
        ff::FramePtr ref(av_frame_clone(frame_.get()));
        if (ref) {
          kept_[got] = std::move(ref);
        }
      }
    }
    return false;
  }

  // With frame threads, picture n (in frame_) is exact when no picture decoded before it was
  // damaged; those shown after it are still inside the decoder. Decodes on (keeping what comes
  // out, as read-ahead does) until every packet sent before n's has come out, then puts n back
  // in frame_. False when that did not happen within a few pictures (the caller decodes again
  // single-threaded); a damage seen on the way is left to markDamaged().
  bool settle(int64_t n) {
    const int64_t target_pts = index_.entry(n).pts;
    const auto target = in_flight_sent_of_output_;
    auto waiting = [&] {
      for (auto it = in_flight_.begin(); it != in_flight_.end();) {
        if (it->first < target_pts) {
          it = in_flight_.erase(it);  // skipped (non-reference) or dropped: never shown
        } else if (it->second < target) {
          return true;
        } else {
          ++it;
        }
      }
      return false;
    };
    ff::FramePtr picture(av_frame_clone(frame_.get()));
    if (!picture) {
      return false;
    }
    constexpr int kMaxExtra = 64;
    for (int extra = 0; waiting() && !error_seen_; ++extra) {
      if (extra == kMaxExtra || !receive(AV_NOPTS_VALUE)) {
        return false;
      }
      const int64_t got = frameIndexOfCurrent();
      if (got < 0) {
        continue;
      }
      last_received_ = got;
      if (got <= n + kMaxKeepWindow && keepWindow() > 0) {
        ff::FramePtr ref(av_frame_clone(frame_.get()));
        if (ref) {
          kept_[got] = std::move(ref);
        }
      }
    }
    av_frame_unref(frame_.get());
    av_frame_move_ref(frame_.get(), picture.get());
    return true;
  }

  // Random access decodes single-threaded: error concealment in FFmpeg's frame threads depends on
  // how the threads happen to run, so two decodes of a damaged stream differ (the ffmpeg program's
  // own output changes with -threads), and a thread reports a damaged picture only after later
  // ones are out. Sequential passes use options_.threads until the file shows damage.
  int sequentialThreads() const { return damaged_ ? 1 : options_.threads; }

  // On the first decode error: the file is damaged. Concealment draws on whatever picture was
  // decoded last, so from now on no picture is skipped (nor decoded by frame threads), and every
  // picture decoded so far is dropped. Returns true when the caller must decode again.
  bool markDamaged() {
    if (!error_seen_ || damaged_) {
      return false;
    }
    damaged_ = true;
    full_.cache.clear();
    scaled_.cache.clear();
    kept_.clear();
    at_start_ = false;
    rewind();
    return true;
  }

  void readAhead(const FrameCache& cached) {
    for (int k = 0; k < options_.read_ahead_frames && !finished_; ++k) {
      if (!receive(AV_NOPTS_VALUE)) {
        return;
      }
      const int64_t got = frameIndexOfCurrent();
      if (got < 0) {
        continue;
      }
      last_received_ = got;
      if (!cached.contains(got) && keepWindow() > 0) {
        ff::FramePtr ref(av_frame_clone(frame_.get()));
        if (ref) {
          kept_[got] = std::move(ref);
        }
      }
    }
  }

  // How many decoded pictures before a target to keep: half the cache budget, counted at the
  // size of the pictures (4:2:0 8-bit = 1.5 bytes per pixel; more for 4:4:4 or 10-bit).
  int64_t keepWindow() const {
    const int64_t picture_bytes =
        int64_t{info_.coded_width} * info_.coded_height * bytes_per_pixel_x2_ / 2 + 1024;
    const int64_t capacity = full_.cache.budgetBytes() / 2 / std::max<int64_t>(picture_bytes, 1);
    return std::clamp<int64_t>(capacity, 0, kMaxKeepWindow);
  }

  FramePtr convert(const AVFrame* picture, int64_t index, FrameOutput& out) {
    auto converted = std::make_shared<VideoFrame>();
    converted->index = index;
    converted->time_s = index_.timeOf(index);
    converted->image = out.converter.convert(picture, path_);
    return converted;
  }

  // Both passes keep what they produce until the end: a decode error halfway through means the
  // pass is made again single-threaded (see markDamaged), and nothing from the first try
  // may reach the caller.
  int64_t decodeSequential(const std::vector<int64_t>& wanted,
                           const std::function<void(VideoFrame&&)>& sink) {
    std::vector<VideoFrame> out;
    int64_t count = 0;
    do {
      out.clear();
      count = sequentialPass([&](int64_t index) {
        if (std::binary_search(wanted.begin(), wanted.end(), index)) {
          VideoFrame frame;
          frame.index = index;
          frame.time_s = index < index_.size() ? index_.timeOf(index) : 0.0;
          frame.image = full_.converter.convert(frame_.get(), path_);
          out.push_back(std::move(frame));
        }
      });
    } while (markDamaged());
    for (VideoFrame& frame : out) {
      sink(std::move(frame));
    }
    return count;
  }

  int64_t hashSequential(const std::function<void(int64_t, const QByteArray&)>& sink) {
    std::vector<QByteArray> md5s;
    do {
      md5s.clear();
      sequentialPass([&](int64_t) { md5s.push_back(ff::pictureMd5(frame_.get())); });
    } while (markDamaged());
    for (size_t i = 0; i < md5s.size(); ++i) {
      sink(static_cast<int64_t>(i), md5s[i]);
    }
    return static_cast<int64_t>(md5s.size());
  }

  // Decodes the whole clip from the first packet; `each(index)` sees every picture in frame_.
  // Presentation order = decoder output order; counting outputs is what torchvision's read_video
  // does to get total_frames.
  int64_t sequentialPass(const std::function<void(int64_t)>& each) {
    at_start_ = false;
    rewind(sequentialThreads());
    at_start_ = false;  // the next request must rewind again
    int64_t count = 0;
    while (receive(AV_NOPTS_VALUE)) {
      each(count++);
    }
    last_received_ = -1;
    if (!error_seen_ && !index_.clean() && count == index_.size()) {
      // The whole file decoded without an error: frame threads may serve random access.
      index_.markClean();
      if (options_.use_remembered_index && stamp_.size >= 0) {
        rememberSeekIndex(path_, encodeKeptIndex(stamp_, facts_, index_));
      }
    }
    return count;
  }

  QString path_;
  DecoderOptions options_;
  ff::FormatPtr format_;
  ff::CodecContextPtr codec_;
  ff::PacketPtr packet_;
  ff::FramePtr frame_;
  int stream_index_ = -1;
  FileStamp stamp_;    // the file when opened
  StreamFacts facts_;  // the indexed stream
  FrameIndex index_;
  MediaInfo info_;
  FrameOutput full_;    // frame(N): full size, and the sampler's decodeSequential
  FrameOutput scaled_;  // frame(N, w, h): the one scaled size asked for last
  std::map<int64_t, ff::FramePtr> kept_;
  std::map<int64_t, int64_t> repeats_seen_;  // timestamp shared by several frames -> outputs since the seek
  int bytes_per_pixel_x2_ = 3;
  Stats stats_;
  bool at_start_ = false;
  bool error_seen_ = false;               // a decode error or a picture flagged corrupt, since opening
  bool damaged_ = false;                  // see markDamaged()
  int codec_threads_ = 1;                 // what codec_ was opened with
  bool repeated_pts_ = false;             // two frames share a timestamp somewhere in the file
  bool threads_distrusted_ = false;       // a threaded read could not be settled (see settle())
  std::map<int64_t, int64_t> in_flight_;  // threaded: pts of packets sent, not yet out -> order sent
  int64_t sent_ = 0;
  int64_t in_flight_sent_of_output_ = 0;  // order sent of the last picture out
  bool draining_ = false;
  bool finished_ = false;
  int64_t last_received_ = -1;
};

FrameDecoder::FrameDecoder(const QString& path, DecoderOptions options)
    : impl_(std::make_unique<Impl>(path, options)) {}
FrameDecoder::~FrameDecoder() = default;
FrameDecoder::FrameDecoder(FrameDecoder&&) noexcept = default;
FrameDecoder& FrameDecoder::operator=(FrameDecoder&&) noexcept = default;

const MediaInfo& FrameDecoder::info() const {
  return impl_->info_;
}
int64_t FrameDecoder::frameCount() const {
  return impl_->index_.size();
}
int FrameDecoder::width() const {
  return impl_->full_.converter.outWidth();
}
int FrameDecoder::height() const {
  return impl_->full_.converter.outHeight();
}
double FrameDecoder::fps() const {
  return impl_->info_.fps;
}
const std::vector<double>& FrameDecoder::frameTimes() const {
  return impl_->index_.times();
}
QByteArray FrameDecoder::seekIndex(const QString& content_key) const {
  return impl_->seekIndex(content_key);
}
FramePtr FrameDecoder::frame(int64_t index) {
  return impl_->frame(index, impl_->full_);
}
FramePtr FrameDecoder::frame(int64_t index, int width, int height) {
  return impl_->scaledFrame(index, width, height);
}
QByteArray FrameDecoder::pictureMd5(int64_t index) {
  return impl_->pictureMd5(index);
}
int64_t FrameDecoder::hashSequential(const std::function<void(int64_t, const QByteArray&)>& sink) {
  return impl_->hashSequential(sink);
}
int64_t FrameDecoder::decodeSequential(const std::vector<int64_t>& wanted,
                                       const std::function<void(VideoFrame&&)>& sink) {
  return impl_->decodeSequential(wanted, sink);
}
void FrameDecoder::setCacheBudgetMb(int budget_mb) {
  impl_->full_.cache.setBudgetBytes(int64_t{budget_mb} * kBytesPerMb);
  impl_->scaled_.cache.setBudgetBytes(int64_t{budget_mb} * kBytesPerMb);
  impl_->kept_.clear();
}
int64_t FrameDecoder::cacheUsedBytes() const {
  return impl_->full_.cache.usedBytes() + impl_->scaled_.cache.usedBytes();
}
FrameDecoder::Stats FrameDecoder::stats() const {
  return impl_->stats_;
}

}  // namespace vs::media
