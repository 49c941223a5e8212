#include "ui/player/playback.h"

#include <algorithm>
#include <cmath>

#include "core/domain/error.h"
#include "ui/player/playback_private.h"

namespace vs::ui {

namespace {

// Memory for all clips' fill passes together (each short clip rendered whole at tile size, so
// every step and seek is a lookup): 4 × 10 s of 720p24 at a quarter-screen tile fit.
constexpr qint64 kFillBudgetBytes = qint64(1536) * 1024 * 1024;

}  // namespace

Playback::Playback(NowMs now_ms, QObject* parent) : QObject(parent), d_(std::make_unique<Private>()) {
  d_->wall.start();
  d_->since_switch.start();
  now_ms_ = now_ms ? std::move(now_ms) : NowMs([w = &d_->wall] { return int64_t(w->elapsed()); });
  d_->tick.setTimerType(Qt::PreciseTimer);
  d_->tick.setInterval(kTickMs);
  connect(&d_->tick, &QTimer::timeout, this, &Playback::pump);
}

Playback::~Playback() {
  d_->diff_pool.waitForDone();
  for (PlaybackTile& t : tiles_) {
    delete t.source;  // joins its thread
    t.source = nullptr;
  }
  for (const QPointer<FrameSource>& s : d_->retiring) {
    delete s.data();  // joins; a null QPointer means it has already gone
  }
}

void Playback::setClips(const QVector<PlayerClip>& clips) {
  d_->tick.stop();
  const bool was_playing = isPlaying();
  stopSources();
  d_->audio.setClip(QString());
  tiles_.clear();
  clock_.reset();
  first_reported_ = false;
  pending_seek_clip_ = -1;
  d_->since_switch.restart();
  has_in_out_ = false;
  in_s_ = out_s_ = 0.0;
  if (loop_ == LoopMode::InOut) {
    loop_ = LoopMode::Off;
  }
  diff_cache_ = QImage();
  ++diff_job_;
  diff_key_.fill(-1);
  diff_pending_.fill(-1);
  focused_ = 0;
  partner_ = 1;
  view_ = ViewState();
  tiles_.resize(size_t(std::min<int>(kMaxClips, int(clips.size()))));
  for (int i = 0; i < count(); ++i) {
    PlaybackTile& t = tiles_[size_t(i)];
    t.clip = clips[i];
    std::sort(t.clip.model_seen_frames.begin(), t.clip.model_seen_frames.end());
    t.source_serial = next_serial_++;
    t.source = new FrameSource(i, t.clip.path, d_->gate);
    t.source->setFillBudget(kFillBudgetBytes / count());
    connectSource(i);
  }
  if (count() > 0 && (partner_ >= count() || partner_ == focused_)) {
    partner_ = (focused_ + 1) % count();
  }
  // Ask for frame 0 right away: the request waits in the thread until its decoder is open.
  for (PlaybackTile& t : tiles_) {
    t.source->start();
  }
  if (was_playing) {
    emit playingChanged(false);
  }
}

void Playback::connectSource(int i) {
  PlaybackTile& t = tiles_[size_t(i)];
  const quint64 serial = t.source_serial;
  connect(t.source, &FrameSource::opened, this, [this, serial](int clip, const vs::ui::ClipProbe& probe) {
    PlaybackTile* tile = tileOf(clip);
    if (tile == nullptr || tile->source_serial != serial) {
      return;
    }
    tile->opened = true;
    tile->probe = probe;
    buildClock();
    emit clipOpened(clip);
    emit repaintNeeded();
  });
  connect(t.source, &FrameSource::failed, this, [this, serial](int clip, const QString& message) {
    PlaybackTile* tile = tileOf(clip);
    if (tile == nullptr || tile->source_serial != serial) {
      return;
    }
    if (!tile->clip.missing) {
      tile->error = message;  // a missing clip keeps its relink text
    }
    emit clipError(clip, message);
    if (!tile->opened) {
      buildClock();
    }
    reportFirstFrames();
    emit repaintNeeded();
  });
  connect(t.source, &FrameSource::frameReady, this,
          [this, serial](int clip, qint64 index, quint64 gen, const QImage& image, const QRect& target) {
            onFrame(clip, serial, index, gen, image, target);
          });
  connect(t.source, &FrameSource::saved, this,
          [this, serial](int clip, const QString& path, const QString& error) {
            PlaybackTile* tile = tileOf(clip);
            if (tile == nullptr || tile->source_serial != serial || saves_pending_ <= 0) {
              return;
            }
            if (error.isEmpty()) {
              saved_paths_ << path;
            } else {
              save_errors_ << error;
            }
            if (--saves_pending_ == 0) {
              emit framesSaved(saved_paths_, save_errors_);
            }
          });
}

void Playback::stopSources() {
  for (PlaybackTile& t : tiles_) {
    if (t.source != nullptr) {
      FrameSource* s = t.source;
      QObject::disconnect(s, nullptr, this, nullptr);
      s->setParent(nullptr);
      s->stop();
      // Joined off the GUI thread's critical path: deleted once its loop has returned.
      QObject::connect(s, &QThread::finished, s, &QObject::deleteLater);
      if (s->isFinished()) {
        s->deleteLater();
      }
      auto& retiring = d_->retiring;
      retiring.erase(std::remove_if(retiring.begin(), retiring.end(),
                                    [](const QPointer<FrameSource>& p) { return p.isNull(); }),
                     retiring.end());
      retiring.push_back(s);
      t.source = nullptr;
    }
  }
}

void Playback::setTileArea(int clip, bool visible, QSize picture) {
  PlaybackTile* t = tileOf(clip);
  if (t == nullptr) {
    return;
  }
  t->visible = visible;
  if (visible && t->picture != picture) {
    ++t->gen;
    t->ready.clear();
    t->picture = picture;
  }
}

void Playback::setView(const ViewState& view) {
  view_ = view;
  for (PlaybackTile& t : tiles_) {
    ++t.gen;
    t.ready.clear();
  }
}

bool Playback::setFocusedClip(int clip) {
  if (!valid(clip) || clip == focused_) {
    return false;
  }
  if (clip == partner_) {
    partner_ = focused_;
  }
  focused_ = clip;
  return true;
}

bool Playback::setCompareClips(int a, int b) {
  if (!valid(a) || !valid(b) || a == b) {
    return false;
  }
  focused_ = a;
  partner_ = b;
  return true;
}

void Playback::swapCompareClips() {
  std::swap(focused_, partner_);
}

void Playback::setDifferenceEnabled(bool on) {
  difference_ = on;
}

bool Playback::isPlaying() const {
  return clock_ && clock_->isPlaying();
}

double Playback::masterTimeOf(const PlaybackTile& t, qint64 frame) const {
  if (t.probe.frame_times_s.empty()) {
    return 0.0;
  }
  frame = std::clamp<qint64>(frame, 0, qint64(t.probe.frame_times_s.size()) - 1);
  return t.offset_s + t.probe.frame_times_s[size_t(frame)];
}

double Playback::masterTimeOf(int clip, qint64 frame) const {
  const PlaybackTile* t = tileOf(clip);
  return t == nullptr ? 0.0 : masterTimeOf(*t, frame);
}

double Playback::lastFrameMasterTime() const {
  double end = 0.0;
  for (const PlaybackTile& t : tiles_) {
    if (t.clock_index >= 0 && !t.probe.frame_times_s.empty()) {
      end = std::max(end, t.offset_s + t.probe.frame_times_s.back());
    }
  }
  return end;
}

double Playback::position() const {
  return clock_ ? clock_->time(nowMs()) : 0.0;
}
double Playback::duration() const {
  return clock_ ? clock_->duration() : 0.0;
}

void Playback::buildClock() {
  std::vector<media::ClipTiming> timings;
  for (PlaybackTile& t : tiles_) {
    if (!t.opened && !t.hasMessage()) {
      return;  // wait for every clip
    }
  }
  int ci = 0;
  for (PlaybackTile& t : tiles_) {
    if (t.opened && t.offset_frames_before_open != 0) {
      t.offset_s = double(t.offset_frames_before_open) / fpsOf(t);
      t.offset_frames_before_open = 0;
    }
    t.clock_index = -1;
    if (t.opened && !t.probe.frame_times_s.empty()) {
      t.timing.frame_times_s = t.probe.frame_times_s;
      t.timing.offset_s = 0.0;
      t.timing.frame_duration_s = 1.0 / fpsOf(t);
      media::ClipTiming timing = t.timing;
      timing.offset_s = t.offset_s;
      timings.push_back(std::move(timing));
      t.clock_index = ci++;
    }
  }
  if (timings.empty()) {
    return;
  }
  try {
    clock_ = std::make_unique<media::SyncClock>(std::move(timings));
  } catch (const Error& e) {
    emit clipError(-1, e.full());
    return;
  }
  const int64_t now = nowMs();
  clock_->setSpeed(speed_, now);
  clock_->setLoopMode(loop_ == LoopMode::Whole ? media::LoopMode::Loop : media::LoopMode::Stop);
  emit timelineChanged();
  if (PlaybackTile* t = tileOf(pending_seek_clip_); t != nullptr && t->clock_index >= 0) {
    clock_->seek(masterTimeOf(*t, pending_seek_frame_), now);
  }
  pending_seek_clip_ = -1;
  pump();
}

void Playback::pump() {
  bool changed = false;
  if (clock_) {
    const int64_t now = nowMs();
    if (clock_->isPlaying()) {
      double t = clock_->time(now);
      if (loop_ == LoopMode::InOut && has_in_out_) {
        const PlaybackTile* ft = tileOf(focused_);
        const double out_end = out_s_ + (ft != nullptr ? 1.0 / fpsOf(*ft) : 0.0);
        if (t >= out_end || t < in_s_) {
          clock_->seek(in_s_, now);
        }
      } else if (loop_ == LoopMode::Off && t >= clock_->duration()) {
        clock_->pause(now);
        clock_->seek(lastFrameMasterTime(), now);
        d_->tick.stop();
        emit playingChanged(false);
      }
    }
    for (PlaybackTile& t : tiles_) {
      if (t.clock_index >= 0) {
        t.target = clock_->frameIndex(t.clock_index, now);
      }
    }
    emit positionChanged(clock_->time(now));
    followAudio(now);
  }
  const bool is_playing = isPlaying();
  for (int i = 0; i < count(); ++i) {
    PlaybackTile& t = tiles_[size_t(i)];
    if (!t.visible || t.source == nullptr) {
      continue;
    }
    if (t.target != t.prev_target) {
      // A frame is dropped when the clock moves on from it before its picture was shown.
      if (is_playing && t.prev_target >= 0 && t.shown != t.prev_target && t.target == t.prev_target + 1) {
        ++dropped_;
      }
      t.prev_target = t.target;
    }
    changed |= adopt(i);
    trimAndRequest(t, is_playing);
  }
  if (changed) {
    emit repaintNeeded();
  }
  requestDifference();
  reportFirstFrames();
}

// The focused clip's sound follows the clock (Qt Multimedia; only clips that have audio).
void Playback::followAudio(int64_t now) {
  const PlaybackTile* t = tileOf(focused_);
  if (t == nullptr || !t->opened || !t->probe.has_audio || t->clock_index < 0) {
    d_->audio.setClip(QString());
    return;
  }
  d_->audio.setClip(t->clip.path);
  // Every 100 ms is enough to catch drift; state changes go through at once.
  const bool is_playing = clock_->isPlaying();
  if (is_playing == d_->audio_playing && now - d_->audio_followed_ms < 100) {
    return;
  }
  d_->audio_playing = is_playing;
  d_->audio_followed_ms = now;
  d_->audio.follow(is_playing, clock_->time(now) - t->offset_s, speed_);
}

bool Playback::isSettled() const {
  if (!clock_) {
    return false;
  }
  for (const PlaybackTile& t : tiles_) {
    if (t.visible && !t.hasMessage() && (t.shown != t.target || t.shown_gen != t.gen)) {
      return false;
    }
  }
  return !difference_ || differenceKey() == diff_key_;
}

void Playback::setPlaying(bool on) {
  if (!clock_) {
    return;
  }
  const int64_t now = nowMs();
  if (on) {
    if (loop_ == LoopMode::Off && clock_->time(now) >= lastFrameMasterTime()) {
      clock_->seek(0.0, now);
    }
    if (loop_ == LoopMode::InOut && has_in_out_) {
      const double t = clock_->time(now);
      if (t < in_s_ || t > out_s_) {
        clock_->seek(in_s_, now);
      }
    }
    clock_->play(now);
    step_direction_ = 1;
    d_->tick.start();
  } else {
    clock_->pause(now);
    d_->tick.stop();
  }
  emit playingChanged(on);
  pump();
}

void Playback::pauseIfPlaying() {
  if (isPlaying()) {
    setPlaying(false);
  }
}

// Sync off: moves only `clip` by changing its offset, so the master time stays put.
void Playback::shiftClipTo(PlaybackTile& t, qint64 frame) {
  if (!clock_ || t.clock_index < 0) {
    return;
  }
  frame = std::clamp<qint64>(frame, 0, qint64(t.probe.frame_times_s.size()) - 1);
  const int64_t now = nowMs();
  // Half a frame into `frame` so rounding never lands on its neighbour.
  const double half = 0.5 / fpsOf(t);
  t.offset_s = clock_->time(now) - (t.probe.frame_times_s[size_t(frame)] + half);
  clock_->setOffset(t.clock_index, t.offset_s, now);
  emit timelineChanged();
}

void Playback::stepFrames(int frames) {
  PlaybackTile* t = tileOf(focused_);
  if (!clock_ || t == nullptr || t->clock_index < 0 || frames == 0) {
    return;
  }
  pauseIfPlaying();
  step_direction_ = frames > 0 ? 1 : -1;
  if (sync_ == SyncMode::Off) {
    shiftClipTo(*t, t->target + frames);
  } else {
    clock_->stepFrame(t->clock_index, frames, nowMs());
  }
  pump();
}

void Playback::stepSeconds(int seconds) {
  if (!clock_) {
    return;
  }
  if (sync_ == SyncMode::Off) {
    if (PlaybackTile* t = tileOf(focused_)) {
      pauseIfPlaying();
      shiftClipTo(*t, t->target + qint64(std::lround(seconds * fpsOf(*t))));
      pump();
    }
    return;
  }
  seekMaster(clock_->time(nowMs()) + seconds);
}

void Playback::seekMaster(double seconds) {
  if (!clock_) {
    return;
  }
  const double before = clock_->time(nowMs());
  clock_->seek(std::clamp(seconds, 0.0, lastFrameMasterTime()), nowMs());
  step_direction_ = seconds >= before ? 1 : -1;
  pump();
}

void Playback::seekFrame(int clip, qint64 frame) {
  PlaybackTile* t = tileOf(clip);
  if (t != nullptr && !clock_) {
    pending_seek_clip_ = clip;  // applied once every clip is open
    pending_seek_frame_ = frame;
    return;
  }
  if (t == nullptr || t->clock_index < 0) {
    return;
  }
  if (sync_ == SyncMode::Off) {
    shiftClipTo(*t, frame);
    pump();
    return;
  }
  seekMaster(masterTimeOf(*t, frame));
}

void Playback::toStart() {
  seekMaster(loop_ == LoopMode::InOut && has_in_out_ ? in_s_ : 0.0);
}

void Playback::toEnd() {
  pauseIfPlaying();
  seekMaster(loop_ == LoopMode::InOut && has_in_out_ ? out_s_ : lastFrameMasterTime());
}

void Playback::setSpeed(double speed) {
  speed_ = std::clamp(speed, media::SyncClock::kMinSpeed, media::SyncClock::kMaxSpeed);
  if (clock_) {
    clock_->setSpeed(speed_, nowMs());
  }
  emit transportChanged();
}

void Playback::setLoopMode(LoopMode mode) {
  if (mode == LoopMode::InOut && !has_in_out_) {
    mode = LoopMode::Off;
  }
  loop_ = mode;
  if (clock_) {
    clock_->setLoopMode(mode == LoopMode::Whole ? media::LoopMode::Loop : media::LoopMode::Stop);
    emit timelineChanged();
  }
  emit transportChanged();
}

void Playback::setSyncMode(SyncMode mode) {
  sync_ = mode;
  emit transportChanged();
}

void Playback::setInOutFrames(qint64 in_frame, qint64 out_frame) {
  const PlaybackTile* t = tileOf(focused_);
  if (t == nullptr || !t->opened) {
    return;
  }
  in_s_ = masterTimeOf(*t, std::min(in_frame, out_frame));
  out_s_ = masterTimeOf(*t, std::max(in_frame, out_frame));
  has_in_out_ = true;
  if (clock_) {
    emit timelineChanged();
  }
}

void Playback::setInHere() {
  if (clock_) {
    in_s_ = clock_->time(nowMs());
    out_s_ = std::max(out_s_, in_s_);
    has_in_out_ = true;
    emit timelineChanged();
  }
}

void Playback::setOutHere() {
  if (clock_) {
    out_s_ = clock_->time(nowMs());
    in_s_ = std::min(in_s_, out_s_);
    has_in_out_ = true;
    emit timelineChanged();
  }
}

qint64 Playback::clipOffsetFrames(int clip) const {
  const PlaybackTile* t = tileOf(clip);
  if (t == nullptr) {
    return 0;
  }
  return t->opened ? qint64(std::lround(t->offset_s * fpsOf(*t))) : t->offset_frames_before_open;
}

void Playback::setClipOffsetFrames(int clip, qint64 offset_frames) {
  PlaybackTile* t = tileOf(clip);
  if (t == nullptr) {
    return;
  }
  if (!t->opened) {
    t->offset_frames_before_open = offset_frames;
    return;
  }
  t->offset_s = double(offset_frames) / fpsOf(*t);
  if (clock_ && t->clock_index >= 0) {
    clock_->setOffset(t->clock_index, t->offset_s, nowMs());
    emit timelineChanged();
  }
  pump();
}

void Playback::setMuted(bool muted) {
  d_->audio.setMuted(muted);
}

}  // namespace vs::ui
