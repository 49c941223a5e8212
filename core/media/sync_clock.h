#pragma once
// SyncClock: one master timeline for 1..9 clips played side by side. Pure logic: the caller passes
// the current steady time (ms) into every call, so it is unit-tested without video or timers.
//
// Master time t (seconds) maps to clip time t - offset_s of each clip; a clip shows the last frame
// whose presentation time is <= its clip time (clamped to its first/last frame). Clips with
// different frame rates stay aligned in time because frames are looked up by time, not counted.
#include <cstdint>
#include <vector>

namespace vs::media {

struct ClipTiming {
  std::vector<double> frame_times_s;  // presentation time of each frame, from 0, ascending
  double offset_s = 0.0;              // the clip starts at master time offset_s
  double frame_duration_s = 0.0;      // duration of the last frame (1/fps)

  static ClipTiming constantRate(int64_t frames, double fps, double offset_s = 0.0);
  double endTime() const;  // clip time just after the last frame
};

enum class LoopMode { Stop, Loop };

class SyncClock {
 public:
  static constexpr int kMaxClips = 9;
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 4.0;

  // Throws vs::Error Usage for 0 or more than 9 clips or a clip without frames.
  explicit SyncClock(std::vector<ClipTiming> clips);

  int clipCount() const { return static_cast<int>(clips_.size()); }
  double duration() const;  // master time at which the last clip ends

  void play(int64_t now_ms);
  void pause(int64_t now_ms);
  bool isPlaying() const { return playing_; }
  void setSpeed(double speed, int64_t now_ms);  // clamped to [0.1, 4]
  double speed() const { return speed_; }
  void setLoopMode(LoopMode mode) { loop_ = mode; }
  LoopMode loopMode() const { return loop_; }
  void setOffset(int clip, double offset_s, int64_t now_ms);
  double offset(int clip) const;

  // Master time now (seconds): advances with speed while playing; loops or stops at duration().
  double time(int64_t now_ms);
  void seek(double master_s, int64_t now_ms);  // clamped to [0, duration()]
  // Pauses and moves the master time to the start of frame (current ± delta) of `clip`;
  // the other clips follow by time.
  void stepFrame(int clip, int delta, int64_t now_ms);

  int64_t frameIndex(int clip, int64_t now_ms);       // frame each clip shows now
  std::vector<int64_t> frameIndices(int64_t now_ms);  // all clips

  static int64_t frameAt(const ClipTiming& clip, double clip_time_s);

 private:
  void rebase(int64_t now_ms);  // fold elapsed play time into base_time_s_
  const ClipTiming& clip(int index) const;

  std::vector<ClipTiming> clips_;
  double base_time_s_ = 0.0;  // master time at base_ms_
  int64_t base_ms_ = 0;
  bool playing_ = false;
  double speed_ = 1.0;
  LoopMode loop_ = LoopMode::Stop;
};

}  // namespace vs::media
