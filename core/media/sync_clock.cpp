#include "core/media/sync_clock.h"

#include <QString>
#include <algorithm>
#include <cmath>

#include "core/domain/error.h"

namespace vs::media {

ClipTiming ClipTiming::constantRate(int64_t frames, double fps, double offset_s) {
  ClipTiming t;
  t.offset_s = offset_s;
  t.frame_duration_s = fps > 0 ? 1.0 / fps : 0.0;
  t.frame_times_s.reserve(static_cast<size_t>(std::max<int64_t>(frames, 0)));
  for (int64_t i = 0; i < frames; ++i) {
    t.frame_times_s.push_back(static_cast<double>(i) * t.frame_duration_s);
  }
  return t;
}

double ClipTiming::endTime() const {
  return frame_times_s.empty() ? 0.0 : frame_times_s.back() + frame_duration_s;
}

SyncClock::SyncClock(std::vector<ClipTiming> clips) : clips_(std::move(clips)) {
  if (clips_.empty() || clips_.size() > static_cast<size_t>(kMaxClips)) {
    throw vs::Error(vs::Error::Kind::Usage, QStringLiteral("sync clock"),
                    QStringLiteral("needs 1 to %1 clips, got %2").arg(kMaxClips).arg(clips_.size()));
  }
  for (size_t i = 0; i < clips_.size(); ++i) {
    if (clips_[i].frame_times_s.empty()) {
      throw vs::Error(vs::Error::Kind::Usage, QStringLiteral("sync clock"),
                      QStringLiteral("clip %1 has no frames").arg(i));
    }
  }
}

const ClipTiming& SyncClock::clip(int index) const {
  if (index < 0 || index >= clipCount()) {
    throw vs::Error(vs::Error::Kind::Usage, QStringLiteral("sync clock"),
                    QStringLiteral("no clip %1").arg(index));
  }
  return clips_[static_cast<size_t>(index)];
}

double SyncClock::duration() const {
  double end = 0.0;
  for (const ClipTiming& c : clips_) {
    end = std::max(end, c.offset_s + c.endTime());
  }
  return end;
}

void SyncClock::rebase(int64_t now_ms) {
  if (playing_) {
    base_time_s_ += static_cast<double>(now_ms - base_ms_) / 1000.0 * speed_;
    const double end = duration();
    if (base_time_s_ >= end) {
      if (loop_ == LoopMode::Loop && end > 0.0) {
        base_time_s_ = std::fmod(base_time_s_, end);
      } else {
        base_time_s_ = end;
        playing_ = false;
      }
    }
  }
  base_ms_ = now_ms;
}

void SyncClock::play(int64_t now_ms) {
  rebase(now_ms);
  if (base_time_s_ >= duration()) {
    base_time_s_ = 0.0;  // play at the end starts over, as players do
  }
  playing_ = true;
}

void SyncClock::pause(int64_t now_ms) {
  rebase(now_ms);
  playing_ = false;
}

void SyncClock::setSpeed(double speed, int64_t now_ms) {
  rebase(now_ms);
  speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

void SyncClock::setOffset(int index, double offset_s, int64_t now_ms) {
  rebase(now_ms);
  clip(index);
  clips_[static_cast<size_t>(index)].offset_s = offset_s;
}

double SyncClock::offset(int index) const {
  return clip(index).offset_s;
}

double SyncClock::time(int64_t now_ms) {
  rebase(now_ms);
  return base_time_s_;
}

void SyncClock::seek(double master_s, int64_t now_ms) {
  rebase(now_ms);
  base_time_s_ = std::clamp(master_s, 0.0, duration());
}

int64_t SyncClock::frameAt(const ClipTiming& c, double clip_time_s) {
  const auto& t = c.frame_times_s;
  // Small tolerance so a time computed as offset + frame time lands on that frame, not before it.
  auto it = std::upper_bound(t.begin(), t.end(), clip_time_s + 1e-9);
  if (it == t.begin()) {
    return 0;
  }
  return static_cast<int64_t>(it - t.begin()) - 1;
}

void SyncClock::stepFrame(int index, int delta, int64_t now_ms) {
  pause(now_ms);
  const ClipTiming& c = clip(index);
  const int64_t last = static_cast<int64_t>(c.frame_times_s.size()) - 1;
  const int64_t current = frameAt(c, base_time_s_ - c.offset_s);
  const int64_t target = std::clamp<int64_t>(current + delta, 0, last);
  base_time_s_ = std::clamp(c.offset_s + c.frame_times_s[static_cast<size_t>(target)], 0.0, duration());
}

int64_t SyncClock::frameIndex(int index, int64_t now_ms) {
  const double t = time(now_ms);
  const ClipTiming& c = clip(index);
  return frameAt(c, t - c.offset_s);
}

std::vector<int64_t> SyncClock::frameIndices(int64_t now_ms) {
  const double t = time(now_ms);
  std::vector<int64_t> out;
  out.reserve(clips_.size());
  for (const ClipTiming& c : clips_) {
    out.push_back(frameAt(c, t - c.offset_s));
  }
  return out;
}

}  // namespace vs::media
