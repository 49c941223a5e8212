#include "core/media/frame_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/media/ffmpeg_util.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace vs::media {

namespace {

// toBytes(): "VSFI", a version byte, then zlib (qCompress) of: flags, entry count, and per entry
// the step from the previous timestamp and the distance back to the seek timestamp with the key
// flag, as variable-length integers (a constant frame rate compresses to almost nothing).
constexpr char kMagic[] = "VSFI";
constexpr char kVersion = 2;  // 2: without the first key frame's leading pictures
constexpr int64_t kMaxEntries = int64_t{1} << 28;

void putVarint(QByteArray& out, uint64_t v) {
  while (v >= 0x80) {
    out.append(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.append(static_cast<char>(v));
}

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

class VarintReader {
 public:
  explicit VarintReader(const QByteArray& bytes) : bytes_(bytes) {}
  bool read(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) {
        return false;
      }
      const auto byte = static_cast<uint8_t>(bytes_[at_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        return true;
      }
    }
    return false;
  }
  bool atEnd() const { return at_ == bytes_.size(); }

 private:
  const QByteArray& bytes_;
  qsizetype at_ = 0;
};

}  // namespace

const char* fpsSourceName(FpsSource source) {
  switch (source) {
    case FpsSource::Container:
      return "container";
    case FpsSource::FrameTimes:
      return "frame times";
    case FpsSource::Unknown:
      break;
  }
  return "unknown";
}

FrameIndex FrameIndex::build(AVFormatContext* format, int stream_index, const QString& path) {
  FrameIndex index;
  ff::PacketPtr packet = ff::allocPacket();
  for (;;) {
    const int read = av_read_frame(format, packet.get());
    if (read < 0) {
      index.truncated_ = read != AVERROR_EOF;
      break;
    }
    if (packet->stream_index == stream_index && !(packet->flags & AV_PKT_FLAG_CORRUPT) &&
        !(packet->flags & AV_PKT_FLAG_DISCARD)) {
      Entry e;
      if (packet->pts == AV_NOPTS_VALUE) {
        index.counts_frames_ = true;
      }
      e.pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
      e.seek_ts = packet->dts != AV_NOPTS_VALUE ? std::min(packet->dts, e.pts) : e.pts;
      e.key = (packet->flags & AV_PKT_FLAG_KEY) != 0;
      if (e.pts != AV_NOPTS_VALUE) {
        index.entries_.push_back(e);
      }
    }
    av_packet_unref(packet.get());
  }
  if (!index.counts_frames_) {
    index.dropLeadingPictures();
  }
  if (index.entries_.empty()) {
    throw vs::Error(vs::Error::Kind::InvalidData, path, QStringLiteral("no video frames"));
  }
  index.finish(av_q2d(format->streams[stream_index]->time_base));
  return index;
}

void FrameIndex::dropLeadingPictures() {
  // A file cut at an open-GOP key frame (`ffmpeg -ss … -c copy`, mkvmerge --split, a stream
  // recorded from the middle) starts with pictures stored after that key frame but shown before
  // it, which lean on a GOP that is not in the file. Decoders never output them (H.264 waits for
  // recovery, HEVC skips RASL pictures, MPEG-2 skips B-frames without both references), so they
  // are no frames: keeping them would shift every frame number after a seek.
  const auto first_key = std::find_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.key; });
  if (first_key == entries_.end()) {
    return;
  }
  const int64_t key_pts = first_key->pts;
  auto next_key = std::find_if(first_key + 1, entries_.end(), [](const Entry& e) { return e.key; });
  entries_.erase(std::remove_if(first_key + 1, next_key, [&](const Entry& e) { return e.pts < key_pts; }),
                 next_key);
}

void FrameIndex::finish(double time_base) {
  if (counts_frames_) {
    // Decode order stands for presentation order; timestamps are only used to seek.
    int64_t previous = std::numeric_limits<int64_t>::min();
    for (Entry& e : entries_) {
      e.pts = std::max(e.pts, previous + 1);
      previous = e.pts;
    }
  }
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.pts < b.pts; });
  // Two packets with one timestamp are still two frames (the ffmpeg program and a sequential
  // decode show both; phone muxers repeat timestamps after rounding): they stay two entries, told
  // apart by their order of output (see FrameDecoder).
  const int64_t first = entries_.front().pts;
  key_before_.resize(entries_.size());
  times_.resize(entries_.size());
  int64_t key = 0;  // frame 0 is always reachable by decoding from the very start
  for (size_t i = 0; i < entries_.size(); ++i) {
    const bool repeats = i > 0 && entries_[i].pts == entries_[i - 1].pts;
    // Without timestamps a frame is known only by its place in the decoder's output, and the
    // place of a key frame's picture after a seek is not its place in the packets: B-frames
    // stored after an I-frame show before it (MPEG-4 Part 2 in AVI), and those that lean on the
    // previous GOP are dropped after a seek. Counting from the first packet is the one exact
    // start, so such streams decode from there (or on from where the decoder is).
    if (entries_[i].key && !repeats && !counts_frames_) {
      key = static_cast<int64_t>(i);
    }
    // Frames sharing a timestamp decode from one key frame, before the first of them, so their
    // order of output tells them apart.
    key_before_[i] = repeats ? key_before_[i - 1] : key;
    times_[i] = static_cast<double>(entries_[i].pts - first) * time_base;
  }
}

QByteArray FrameIndex::toBytes() const {
  QByteArray payload;
  payload.reserve(static_cast<qsizetype>(entries_.size() * 4 + 16));
  putVarint(payload, (counts_frames_ ? 1u : 0u) | (truncated_ ? 2u : 0u) | (clean_ ? 4u : 0u));
  putVarint(payload, entries_.size());
  int64_t previous = 0;
  for (const Entry& e : entries_) {
    putVarint(payload, zigzag(e.pts - previous));
    putVarint(payload, (zigzag(e.pts - e.seek_ts) << 1) | (e.key ? 1u : 0u));
    previous = e.pts;
  }
  QByteArray out(kMagic);
  out.append(kVersion);
  out.append(qCompress(payload, 9));
  return out;
}

std::optional<FrameIndex> FrameIndex::fromBytes(const QByteArray& bytes, double time_base) {
  const qsizetype head = sizeof(kMagic);  // magic + version byte
  if (bytes.size() <= head || !bytes.startsWith(kMagic) || bytes[head - 1] != kVersion) {
    return std::nullopt;
  }
  const QByteArray payload = qUncompress(bytes.mid(head));
  VarintReader in(payload);
  uint64_t flags = 0;
  uint64_t count = 0;
  if (!in.read(flags) || !in.read(count) || count == 0 || count > kMaxEntries || flags > 7) {
    return std::nullopt;
  }
  FrameIndex index;
  index.counts_frames_ = (flags & 1) != 0;
  index.truncated_ = (flags & 2) != 0;
  index.clean_ = (flags & 4) != 0;
  index.entries_.resize(count);
  int64_t previous = 0;
  for (Entry& e : index.entries_) {
    uint64_t step = 0;
    uint64_t back = 0;
    if (!in.read(step) || !in.read(back)) {
      return std::nullopt;
    }
    e.pts = previous + unzigzag(step);
    e.seek_ts = e.pts - unzigzag(back >> 1);
    e.key = (back & 1) != 0;
    // Written in presentation order: anything else is not an index this code wrote.
    if (e.pts < previous && &e != &index.entries_.front()) {
      return std::nullopt;
    }
    previous = e.pts;
  }
  if (!in.atEnd()) {
    return std::nullopt;
  }
  index.finish(time_base);
  return index;
}

int64_t FrameIndex::sharingPts(int64_t index) const {
  const int64_t pts = entries_[static_cast<size_t>(index)].pts;
  auto end = std::upper_bound(entries_.begin(), entries_.end(), pts,
                              [](int64_t v, const Entry& e) { return v < e.pts; });
  return static_cast<int64_t>(end - entries_.begin()) - index;
}

int64_t FrameIndex::indexOfPts(int64_t pts) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), pts,
                             [](const Entry& e, int64_t v) { return e.pts < v; });
  if (it == entries_.end() || it->pts != pts) {
    return -1;
  }
  return static_cast<int64_t>(it - entries_.begin());
}

int64_t FrameIndex::keyFrameBefore(int64_t index) const {
  return key_before_[static_cast<size_t>(index)];
}

MediaInfo FrameIndex::describe(AVFormatContext* format, int stream_index, const QString& path) const {
  const AVStream* stream = format->streams[stream_index];
  const AVCodecParameters* par = stream->codecpar;
  MediaInfo info;
  info.path = path;
  info.container = QString::fromUtf8(format->iformat->name);
  info.codec = QString::fromUtf8(avcodec_get_name(par->codec_id));
  const char* pix = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format));
  info.pix_fmt = pix ? QString::fromUtf8(pix) : QStringLiteral("unknown");
  info.coded_width = par->width;
  info.coded_height = par->height;
  const AVRational sar = av_guess_sample_aspect_ratio(format, const_cast<AVStream*>(stream), nullptr);
  int display_w = par->width;
  int display_h = par->height;
  if (sar.num > 0 && sar.den > 0 && sar.num != sar.den) {
    display_w = static_cast<int>(std::lround(par->width * av_q2d(sar)));
  }
  info.rotation_deg = ff::streamRotationDeg(stream);
  if (info.rotation_deg == 90 || info.rotation_deg == 270) {
    std::swap(display_w, display_h);
  }
  info.width = display_w;
  info.height = display_h;
  info.frames = size();
  info.avg_fps = ff::toSeconds(stream->avg_frame_rate);
  info.nominal_fps = ff::toSeconds(stream->r_frame_rate);
  if (info.avg_fps > 0) {
    info.fps = info.avg_fps;
    info.fps_source = FpsSource::Container;
  } else if (times_.size() >= 2 && times_.back() > 0) {
    // Ogg and some raw streams give no average rate: frames over the span they are shown, where
    // the span of n frames is n - 1 intervals (the last frame's own duration is unknown).
    info.fps = static_cast<double>(times_.size() - 1) / times_.back();
    info.fps_source = FpsSource::FrameTimes;
  }
  const double tb = av_q2d(stream->time_base);
  if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0) {
    info.duration_s = static_cast<double>(stream->duration) * tb;
  } else if (format->duration != AV_NOPTS_VALUE && format->duration > 0) {
    info.duration_s = static_cast<double>(format->duration) / AV_TIME_BASE;
  } else if (!times_.empty()) {
    info.duration_s = times_.back() + (info.avg_fps > 0 ? 1.0 / info.avg_fps : 0.0);
  }
  info.start_time_s = static_cast<double>(entries_.front().pts) * tb;
  // Constant rate when every frame interval equals the median within a tick or 1 %.
  if (entries_.size() > 2) {
    std::vector<int64_t> deltas;
    deltas.reserve(entries_.size() - 1);
    for (size_t i = 1; i < entries_.size(); ++i) {
      deltas.push_back(entries_[i].pts - entries_[i - 1].pts);
    }
    std::vector<int64_t> sorted = deltas;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
    const int64_t median = sorted[sorted.size() / 2];
    const int64_t tolerance = std::max<int64_t>(1, median / 100);
    const bool variable = std::any_of(deltas.begin(), deltas.end(),
                                      [&](int64_t d) { return std::llabs(d - median) > tolerance; });
    info.rate_mode = variable ? FrameRateMode::Variable : FrameRateMode::Constant;
  }
  for (unsigned i = 0; i < format->nb_streams; ++i) {
    if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
      info.has_audio = true;
    }
  }
  if (truncated_) {
    info.warning = QStringLiteral("reading stopped early: the file is truncated or corrupt");
  }
  return info;
}

}  // namespace vs::media
