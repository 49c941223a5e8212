#pragma once
// FrameIndex: every video packet's timestamp and key flag, in presentation order, read by one
// demux pass (no decoding). Frame N is the N-th smallest presentation timestamp (repeated
// timestamps count once per packet, in decode order); the key frame to seek to for N is the last
// key frame at or before it. Internal to core/media.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/media/media_info.h"

struct AVFormatContext;

namespace vs::media {

class FrameIndex {
 public:
  struct Entry {
    int64_t pts = 0;      // presentation timestamp (stream time base)
    int64_t seek_ts = 0;  // timestamp to hand av_seek_frame (min of dts/pts)
    bool key = false;
  };

  // Reads packets until the end of the stream (the format context is left at the end).
  static FrameIndex build(AVFormatContext* format, int stream_index, const QString& path);

  // The entries and flags as compact bytes (see seek_index.h for what travels with them), and
  // back: `time_base` is the stream's (frame times are made from it). nullopt when the bytes are
  // not an index written by toBytes().
  QByteArray toBytes() const;
  static std::optional<FrameIndex> fromBytes(const QByteArray& bytes, double time_base);

  int64_t size() const { return static_cast<int64_t>(entries_.size()); }
  const Entry& entry(int64_t index) const { return entries_[static_cast<size_t>(index)]; }
  // Presentation index of the first frame with a timestamp, or -1.
  int64_t indexOfPts(int64_t pts) const;
  // How many frames from `index` on share its timestamp (1 when it is unique).
  int64_t sharingPts(int64_t index) const;
  // True when packets carry no presentation timestamps (AVI and raw streams): frames are then
  // identified by counting decoder outputs from the first packet, and every key frame before N is
  // frame 0 (see build()).
  bool countsFrames() const { return counts_frames_; }
  int64_t keyFrameBefore(int64_t index) const;
  double timeOf(int64_t index) const { return times_[static_cast<size_t>(index)]; }
  const std::vector<double>& times() const { return times_; }

  // A whole sequential decode of the file saw no decode error (kept with the index).
  bool clean() const { return clean_; }
  void markClean() { clean_ = true; }

  MediaInfo describe(AVFormatContext* format, int stream_index, const QString& path) const;

 private:
  // Removes the first key frame's leading pictures (build() only; entries still in decode order).
  void dropLeadingPictures();
  // Sorts the entries and derives the key frame and the time of each (after build or fromBytes).
  void finish(double time_base);

  std::vector<Entry> entries_;
  std::vector<int64_t> key_before_;  // per index: the key frame to start decoding from
  std::vector<double> times_;        // seconds from the first frame
  bool truncated_ = false;           // a read error other than end of file stopped the pass
  bool counts_frames_ = false;       // see countsFrames()
  bool clean_ = false;               // see clean()
};

}  // namespace vs::media
