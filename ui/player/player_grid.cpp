#include "ui/player/player_grid.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/domain/error.h"
#include "core/media/sync_clock.h"
#include "ui/player/clip_audio.h"
#include "ui/player/difference_image.h"
#include "ui/player/frame_source.h"
#include "ui/player/grid_layout.h"
#include "ui/player/player_actions.h"
#include "ui/player/player_timeline.h"
#include "ui/player/tile_painter.h"
#include "ui/player/view_transform.h"

namespace vs::ui {

namespace {

constexpr int kMaxClips = 9;
constexpr int kStripPx = 8;
constexpr int kGapPx = 2;
constexpr int kTickMs = 4;
constexpr int kAheadPaused = 2;
constexpr int kDifferenceGain = 4;
// Memory for all clips' fill passes together (each short clip rendered whole at tile size, so
// every step and seek is a lookup): 4 × 10 s of 720p24 at a quarter-screen tile fit.
constexpr qint64 kFillBudgetBytes = qint64(1536) * 1024 * 1024;
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};

QColor clipColor(int i) {
  static const QColor colors[] = {QColor(255, 196, 0), QColor(0, 200, 255), QColor(255, 90, 160),
                                  QColor(120, 230, 90), QColor(200, 140, 255), QColor(255, 140, 60),
                                  QColor(90, 220, 200), QColor(230, 230, 110), QColor(160, 170, 255)};
  return colors[i % 9];
}

QString blindName(int clip) {
  return PlayerGrid::tr("Clip %1").arg(QChar('A' + clip));
}

QString fileSafe(QString s) {
  for (QChar& c : s) {
    if (!c.isLetterOrNumber() && c != '-' && c != '_') {
      c = '_';
    }
  }
  return s.left(60);
}

struct ReadyFrame {
  QImage image;
  QRect target;  // inside the tile's picture area
};

struct Tile {
  PlayerClip clip;
  FrameSource* source = nullptr;
  quint64 source_serial = 0;
  bool opened = false;
  ClipProbe probe;
  QString error;
  int clock_index = -1;
  double offset_s = 0.0;
  qint64 offset_frames_before_open = 0;  // set before the frame rate was known
  media::ClipTiming timing;  // the clip's timing as the clock has it (offset kept apart in offset_s)

  bool visible = false;
  QRect rect;     // whole tile, widget coordinates
  QRect picture;  // picture area
  quint64 gen = 1;

  qint64 target = 0;
  qint64 prev_target = -1;
  qint64 shown = -1;
  QImage shown_image;
  QRect shown_target;
  quint64 shown_gen = 0;
  std::map<qint64, ReadyFrame> ready;

  FrameRequest last_request;
  bool requested = false;
};

}  // namespace

struct PlayerGrid::State {
  PlayerGrid* q = nullptr;
  std::vector<Tile> tiles;
  std::vector<QPointer<FrameSource>> retiring;  // stopped sources of earlier items, still joining
  std::shared_ptr<ReadAheadGate> gate = std::make_shared<ReadAheadGate>();
  quint64 next_serial = 1;
  std::unique_ptr<PlayerActions> actions;
  PlayerTimeline* timeline = nullptr;
  std::unique_ptr<media::SyncClock> clock;
  QElapsedTimer wall;
  QTimer tick;
  ClipAudio audio;
  bool audio_playing = false;
  int64_t audio_followed_ms = -1000;

  double speed = 1.0;
  LoopMode loop = LoopMode::Off;
  SyncMode sync = SyncMode::On;
  double in_s = 0.0;
  double out_s = 0.0;
  bool has_in_out = false;
  int step_direction = 1;

  BlindMode blind = BlindMode::Off;
  GridLayoutChoice layout = GridLayoutChoice::Auto;
  CompareMode compare = CompareMode::Grid;
  bool single = false;
  int focused = 0;
  int partner = 1;
  double wipe = 0.5;
  ViewState view;

  int pending_seek_clip = -1;  // a seekFrame() that came before the clips were open
  qint64 pending_seek_frame = 0;
  QElapsedTimer since_switch;
  bool first_reported = false;
  qint64 dropped = 0;

  enum class Drag { None, Pan, Wipe } drag = Drag::None;
  QPointF last_mouse;

  QString snapshot_dir;
  int saves_pending = 0;
  QStringList saved_paths;
  QStringList save_errors;

  // Difference mode: |A − B| is computed on a pool thread whenever A's or B's picture changes;
  // painting uses the last result. Keys: shown frame and geometry generation of A and B.
  QImage diff_cache;
  std::array<qint64, 4> diff_key{{-1, -1, -1, -1}};
  std::array<qint64, 4> diff_pending{{-1, -1, -1, -1}};
  quint64 diff_job = 0;  // results of older jobs (or of the previous item) are dropped
  QThreadPool diff_pool;  // declared after everything its jobs touch: joined first on destruction

  std::array<qint64, 4> differenceKey() const {
    const Tile& ta = tiles[size_t(focused)];
    const Tile& tb = tiles[size_t(partner)];
    return {{ta.shown, tb.shown, qint64(ta.shown_gen), qint64(tb.shown_gen)}};
  }

  void requestDifference() {
    if (compare != CompareMode::Difference || !valid(focused) || !valid(partner)) {
      return;
    }
    const auto key = differenceKey();
    if (key == diff_key || key == diff_pending) {
      return;
    }
    const QImage a = tiles[size_t(focused)].shown_image;
    const QImage b = tiles[size_t(partner)].shown_image;
    if (a.isNull() || b.isNull()) {
      return;
    }
    diff_pending = key;
    const quint64 job = ++diff_job;
    PlayerGrid* grid = q;
    diff_pool.start([this, grid, a, b, key, job] {
      QImage d = differenceImage(a, b, kDifferenceGain);
      QMetaObject::invokeMethod(
          grid,
          [this, key, job, d = std::move(d)] {
            if (job != diff_job) {
              return;  // superseded (or from the previous item)
            }
            diff_cache = d;
            diff_key = key;
            q->update();
          },
          Qt::QueuedConnection);
    });
  }

  int64_t nowMs() const { return wall.elapsed(); }
  bool valid(int clip) const { return clip >= 0 && clip < int(tiles.size()); }
  Tile* tileOf(int clip) { return valid(clip) ? &tiles[size_t(clip)] : nullptr; }
  int count() const { return int(tiles.size()); }
  bool playing() const { return clock && clock->isPlaying(); }
  double fpsOf(const Tile& t) const { return t.probe.fps > 0 ? t.probe.fps : 25.0; }

  QRect area() const {
    const int th = timeline->isVisible() ? timeline->height() : 0;
    return QRect(0, 0, q->width(), std::max(1, q->height() - th));
  }

  void relayout() {
    const QRect a = area();
    for (Tile& t : tiles) {
      t.visible = false;
    }
    QVector<QRect> rects;
    if (count() == 0) {
      return;
    }
    focused = std::clamp(focused, 0, count() - 1);
    if (count() < 2 && compare != CompareMode::Grid) {
      compare = CompareMode::Grid;
    }
    partner = (partner >= 0 && partner < count() && partner != focused) ? partner : (focused + 1) % count();
    auto place = [&](Tile& t, const QRect& r) {
      t.visible = true;
      const QRect picture = r.adjusted(0, 0, 0, -kStripPx);
      if (t.rect != r || t.picture != picture) {
        if (t.picture.size() != picture.size()) {
          ++t.gen;
          t.ready.clear();
        }
        t.rect = r;
        t.picture = picture;
      }
    };
    if (compare != CompareMode::Grid) {
      place(tiles[size_t(focused)], a);
      place(tiles[size_t(partner)], a);
    } else if (single) {
      place(tiles[size_t(focused)], a);
    } else {
      rects = GridLayout::tiles(a, GridLayout::shapeFor(count(), layout), count(), kGapPx);
      for (int i = 0; i < count() && i < rects.size(); ++i) {
        place(tiles[size_t(i)], rects[i]);
      }
    }
  }

  void bumpGeometry() {
    for (Tile& t : tiles) {
      ++t.gen;
      t.ready.clear();
    }
  }

  // Master time at which `clip` starts showing `frame`.
  double masterTimeOf(const Tile& t, qint64 frame) const {
    if (t.probe.frame_times_s.empty()) {
      return 0.0;
    }
    frame = std::clamp<qint64>(frame, 0, qint64(t.probe.frame_times_s.size()) - 1);
    return t.offset_s + t.probe.frame_times_s[size_t(frame)];
  }

  double lastFrameMasterTime() const {
    double end = 0.0;
    for (const Tile& t : tiles) {
      if (t.clock_index >= 0 && !t.probe.frame_times_s.empty()) {
        end = std::max(end, t.offset_s + t.probe.frame_times_s.back());
      }
    }
    return end;
  }

  void buildClock() {
    std::vector<media::ClipTiming> timings;
    for (Tile& t : tiles) {
      if (!t.opened && t.error.isEmpty()) {
        return;  // wait for every clip
      }
    }
    int ci = 0;
    for (Tile& t : tiles) {
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
      clock = std::make_unique<media::SyncClock>(std::move(timings));
    } catch (const Error& e) {
      emit q->clipError(-1, e.full());
      return;
    }
    const int64_t now = nowMs();
    clock->setSpeed(speed, now);
    clock->setLoopMode(loop == LoopMode::Whole ? media::LoopMode::Loop : media::LoopMode::Stop);
    updateTimelineStatic();
    if (Tile* t = tileOf(pending_seek_clip); t != nullptr && t->clock_index >= 0) {
      clock->seek(masterTimeOf(*t, pending_seek_frame), now);
    }
    pending_seek_clip = -1;
    pump();
  }

  void updateTimelineStatic() {
    if (!clock) {
      return;
    }
    timeline->setDuration(clock->duration());
    QVector<TimelineMarks> marks;
    for (int i = 0; i < count(); ++i) {
      const Tile& t = tiles[size_t(i)];
      TimelineMarks m;
      m.color = clipColor(i);
      for (qint64 f : t.clip.model_seen_frames) {
        if (f >= 0 && f < qint64(t.probe.frame_times_s.size())) {
          m.times_s.push_back(masterTimeOf(t, f));
        }
      }
      marks.push_back(m);
    }
    timeline->setMarks(marks);
    timeline->setInOut(in_s, out_s, loop == LoopMode::InOut && has_in_out);
    updateStatus();
  }

  void updateStatus() {
    QString loop_text;
    switch (loop) {
      case LoopMode::Off: loop_text = tr("loop off"); break;
      case LoopMode::Whole: loop_text = tr("loop all"); break;
      case LoopMode::InOut: loop_text = tr("loop in–out"); break;
    }
    timeline->setStatusText(QStringLiteral("%1×  %2  %3")
                                .arg(speed, 0, 'g', 3)
                                .arg(loop_text, sync == SyncMode::On ? tr("sync") : tr("unsynced")));
  }

  static QString tr(const char* s) { return PlayerGrid::tr(s); }

  // The heart of playback: read the clock, choose each clip's frame, show what is ready, ask
  // the decoding threads for what is not. Runs on every tick while playing and after every
  // transport change; it never decodes or scales.
  void pump() {
    bool changed = false;
    if (clock) {
      const int64_t now = nowMs();
      if (clock->isPlaying()) {
        double t = clock->time(now);
        if (loop == LoopMode::InOut && has_in_out) {
          const Tile* ft = tileOf(focused);
          const double out_end = out_s + (ft != nullptr ? 1.0 / fpsOf(*ft) : 0.0);
          if (t >= out_end || t < in_s) {
            clock->seek(in_s, now);
          }
        } else if (loop == LoopMode::Off && t >= clock->duration()) {
          clock->pause(now);
          clock->seek(lastFrameMasterTime(), now);
          tick.stop();
          emit q->playingChanged(false);
          actions->get(PlayerAction::PlayPause)->setChecked(false);
        }
      }
      for (Tile& t : tiles) {
        if (t.clock_index >= 0) {
          t.target = clock->frameIndex(t.clock_index, now);
        }
      }
      timeline->setPosition(clock->time(now));
      followAudio(now);
    }
    const bool is_playing = playing();
    for (int i = 0; i < count(); ++i) {
      Tile& t = tiles[size_t(i)];
      if (!t.visible || t.source == nullptr) {
        continue;
      }
      if (t.target != t.prev_target) {
        if (is_playing && t.prev_target >= 0 && t.shown != t.prev_target && t.target == t.prev_target + 1) {
          ++dropped;
        }
        t.prev_target = t.target;
      }
      changed |= adopt(i);
      trimAndRequest(t, is_playing);
    }
    if (changed) {
      q->update();
    }
    requestDifference();
    reportFirstFrames();
  }

  // Paused, a tile shows exactly its target frame or keeps the old one until it arrives.
  // Playing, a late tile shows the newest ready frame before its target (counted as dropped)
  // rather than freezing until the decoder catches up.
  // The focused clip's sound follows the clock (Qt Multimedia; only clips that have audio).
  void followAudio(int64_t now) {
    const Tile* t = tileOf(focused);
    if (t == nullptr || !t->opened || !t->probe.has_audio || t->clock_index < 0) {
      audio.setClip(QString());
      return;
    }
    audio.setClip(t->clip.path);
    // Every 100 ms is enough to catch drift; state changes go through at once.
    const bool is_playing = clock->isPlaying();
    if (is_playing == audio_playing && now - audio_followed_ms < 100) {
      return;
    }
    audio_playing = is_playing;
    audio_followed_ms = now;
    audio.follow(is_playing, clock->time(now) - t->offset_s, speed);
  }

  bool adopt(int i) {
    Tile& t = tiles[size_t(i)];
    if (t.shown == t.target && t.shown_gen == t.gen) {
      return false;
    }
    auto it = t.ready.find(t.target);
    if (it == t.ready.end() && playing()) {
      auto up = t.ready.upper_bound(t.target);
      if (up != t.ready.begin()) {
        --up;
        if (up->first > t.shown || t.shown_gen != t.gen) {
          it = up;
        }
      }
    }
    if (it == t.ready.end()) {
      return false;
    }
    const bool new_frame = t.shown != it->first;
    t.shown = it->first;
    t.shown_image = it->second.image;
    t.shown_target = it->second.target;
    t.shown_gen = t.gen;
    if (new_frame) {
      emit q->clipFrameChanged(i, t.shown);
    }
    return true;
  }

  void trimAndRequest(Tile& t, bool is_playing) {
    const int dir = is_playing ? 1 : step_direction;
    // Enough read-ahead for ~0.3 s of playback at the current speed (at least 4 frames).
    const int ahead = is_playing ? std::clamp(int(std::ceil(fpsOf(t) * speed * 0.3)), 4, 24) : kAheadPaused;
    const qint64 lo = dir > 0 ? t.target - (is_playing ? 0 : 2) : t.target - ahead;
    const qint64 hi = dir > 0 ? t.target + ahead : t.target + 2;
    // Looping: the first frames after the loop point are prepared before the wrap comes.
    qint64 wrap_first = -1;
    const int wrap_count = 3;
    if (is_playing && clock && t.clock_index >= 0 && loop != LoopMode::Off) {
      const bool in_out = loop == LoopMode::InOut && has_in_out;
      const double loop_start = in_out ? in_s : 0.0;
      const double loop_end = in_out ? out_s : lastFrameMasterTime();
      const qint64 last = media::SyncClock::frameAt(t.timing, loop_end - t.offset_s);
      if (t.target + ahead >= last) {
        wrap_first = media::SyncClock::frameAt(t.timing, loop_start - t.offset_s);
      }
    }
    std::vector<qint64> dropped_frames;
    for (auto it = t.ready.begin(); it != t.ready.end();) {
      const bool keep_wrap = wrap_first >= 0 && it->first >= wrap_first && it->first < wrap_first + wrap_count;
      if ((it->first < lo || it->first > hi) && !keep_wrap) {
        dropped_frames.push_back(it->first);
        it = t.ready.erase(it);
      } else {
        ++it;
      }
    }
    if (!dropped_frames.empty()) {
      t.source->forget(dropped_frames);
    }
    FrameRequest r;
    r.anchor = t.target;
    r.direction = dir;
    r.ahead = ahead;
    r.tile = t.picture.size();
    r.view = view;
    r.geometry_gen = t.gen;
    r.wrap_first = wrap_first;
    r.wrap_count = wrap_first >= 0 ? wrap_count : 0;
    const FrameRequest& o = t.last_request;
    if (t.requested && o.anchor == r.anchor && o.direction == r.direction && o.ahead == r.ahead &&
        o.geometry_gen == r.geometry_gen && o.wrap_first == r.wrap_first) {
      return;
    }
    t.last_request = r;
    t.requested = true;
    t.source->request(r);
  }

  void reportFirstFrames() {
    if (first_reported || count() == 0) {
      return;
    }
    for (const Tile& t : tiles) {
      if (t.visible && t.shown < 0 && t.error.isEmpty()) {
        return;
      }
    }
    first_reported = true;
    emit q->firstFramesShown(since_switch.elapsed());
  }

  void onFrame(int clip, quint64 serial, qint64 index, quint64 gen, const QImage& image, const QRect& target) {
    Tile* t = tileOf(clip);
    if (t == nullptr || t->source_serial != serial || gen != t->gen) {
      return;
    }
    t->ready[index] = ReadyFrame{image, target};
    if (index == t->target || (playing() && index < t->target)) {
      if (adopt(clip)) {
        q->update();
        requestDifference();
      }
      reportFirstFrames();
    }
  }

  void stopSources() {
    for (Tile& t : tiles) {
      if (t.source != nullptr) {
        FrameSource* s = t.source;
        QObject::disconnect(s, nullptr, q, nullptr);
        s->setParent(nullptr);
        s->stop();
        // Joined off the GUI thread's critical path: deleted once its loop has returned.
        QObject::connect(s, &QThread::finished, s, &QObject::deleteLater);
        if (s->isFinished()) {
          s->deleteLater();
        }
        retiring.erase(std::remove_if(retiring.begin(), retiring.end(),
                                      [](const QPointer<FrameSource>& p) { return p.isNull(); }),
                       retiring.end());
        retiring.push_back(s);
        t.source = nullptr;
      }
    }
  }

  void setPlaying(bool on) {
    if (!clock) {
      return;
    }
    const int64_t now = nowMs();
    if (on) {
      if (loop == LoopMode::Off && clock->time(now) >= lastFrameMasterTime()) {
        clock->seek(0.0, now);
      }
      if (loop == LoopMode::InOut && has_in_out) {
        const double t = clock->time(now);
        if (t < in_s || t > out_s) {
          clock->seek(in_s, now);
        }
      }
      clock->play(now);
      step_direction = 1;
      tick.start();
    } else {
      clock->pause(now);
      tick.stop();
    }
    actions->get(PlayerAction::PlayPause)->setChecked(on);
    emit q->playingChanged(on);
    pump();
  }

  void pauseIfPlaying() {
    if (playing()) {
      setPlaying(false);
    }
  }

  // Sync off: moves only `clip` by changing its offset, so the master time stays put.
  void shiftClipTo(Tile& t, qint64 frame) {
    if (!clock || t.clock_index < 0) {
      return;
    }
    frame = std::clamp<qint64>(frame, 0, qint64(t.probe.frame_times_s.size()) - 1);
    const int64_t now = nowMs();
    // Half a frame into `frame` so rounding never lands on its neighbour.
    const double half = 0.5 / fpsOf(t);
    t.offset_s = clock->time(now) - (t.probe.frame_times_s[size_t(frame)] + half);
    clock->setOffset(t.clock_index, t.offset_s, now);
    updateTimelineStatic();
  }

  void step(int frames) {
    Tile* t = tileOf(focused);
    if (!clock || t == nullptr || t->clock_index < 0 || frames == 0) {
      return;
    }
    pauseIfPlaying();
    step_direction = frames > 0 ? 1 : -1;
    if (sync == SyncMode::Off) {
      shiftClipTo(*t, t->target + frames);
    } else {
      clock->stepFrame(t->clock_index, frames, nowMs());
    }
    pump();
  }

  void seekMaster(double seconds) {
    if (!clock) {
      return;
    }
    const double before = clock->time(nowMs());
    clock->seek(std::clamp(seconds, 0.0, lastFrameMasterTime()), nowMs());
    step_direction = seconds >= before ? 1 : -1;
    pump();
  }

  void setFocused(int clip) {
    if (!valid(clip) || clip == focused) {
      return;
    }
    if (clip == partner) {
      partner = focused;
    }
    focused = clip;
    relayout();
    pump();
    q->update();
  }

  int tileAt(QPointF pos) const {
    for (int i = 0; i < count(); ++i) {
      const Tile& t = tiles[size_t(i)];
      if (t.visible && t.rect.contains(pos.toPoint())) {
        if (compare != CompareMode::Grid) {
          return focused;
        }
        return i;
      }
    }
    return -1;
  }
};

PlayerGrid::PlayerGrid(QWidget* parent) : QWidget(parent), s_(std::make_unique<State>()) {
  s_->q = this;
  s_->wall.start();
  s_->since_switch.start();
  s_->snapshot_dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(160, 120);
  setAccessibleName(tr("Video player"));
  s_->timeline = new PlayerTimeline(this);
  connect(s_->timeline, &PlayerTimeline::seekRequested, this, [this](double sec) {
    s_->pauseIfPlaying();
    s_->seekMaster(sec);
  });
  s_->tick.setTimerType(Qt::PreciseTimer);
  s_->tick.setInterval(kTickMs);
  connect(&s_->tick, &QTimer::timeout, this, [this] { s_->pump(); });

  s_->actions = std::make_unique<PlayerActions>(this);
  auto on = [this](PlayerAction id, auto fn) { connect(action(id), &QAction::triggered, this, fn); };
  on(PlayerAction::PlayPause, [this] { togglePlay(); });
  on(PlayerAction::StepForward, [this] { stepFrames(1); });
  on(PlayerAction::StepBack, [this] { stepFrames(-1); });
  on(PlayerAction::SecondForward, [this] { stepSeconds(1); });
  on(PlayerAction::SecondBack, [this] { stepSeconds(-1); });
  on(PlayerAction::ToStart, [this] { toStart(); });
  on(PlayerAction::ToEnd, [this] { toEnd(); });
  on(PlayerAction::SpeedDown, [this] {
    double next = kSpeeds[0];
    for (double v : kSpeeds) {
      if (v < s_->speed - 1e-9) {
        next = v;
      }
    }
    setSpeed(next);
  });
  on(PlayerAction::SpeedUp, [this] {
    double next = kSpeeds[std::size(kSpeeds) - 1];
    for (auto it = std::rbegin(kSpeeds); it != std::rend(kSpeeds); ++it) {
      if (*it > s_->speed + 1e-9) {
        next = *it;
      }
    }
    setSpeed(next);
  });
  on(PlayerAction::Loop, [this] {
    switch (s_->loop) {
      case LoopMode::Off: setLoopMode(LoopMode::Whole); break;
      case LoopMode::Whole: setLoopMode(s_->has_in_out ? LoopMode::InOut : LoopMode::Off); break;
      case LoopMode::InOut: setLoopMode(LoopMode::Off); break;
    }
  });
  on(PlayerAction::SetIn, [this] {
    if (s_->clock) {
      s_->in_s = s_->clock->time(s_->nowMs());
      s_->out_s = std::max(s_->out_s, s_->in_s);
      s_->has_in_out = true;
      s_->updateTimelineStatic();
    }
  });
  on(PlayerAction::SetOut, [this] {
    if (s_->clock) {
      s_->out_s = s_->clock->time(s_->nowMs());
      s_->in_s = std::min(s_->in_s, s_->out_s);
      s_->has_in_out = true;
      s_->updateTimelineStatic();
    }
  });
  on(PlayerAction::ZoomReset, [this] { zoomFit(); });
  on(PlayerAction::ZoomOneToOne, [this] { zoomOneToOne(); });
  on(PlayerAction::Difference, [this] {
    setCompareMode(s_->compare == CompareMode::Difference ? CompareMode::Grid : CompareMode::Difference);
  });
  on(PlayerAction::Wipe, [this] {
    setCompareMode(s_->compare == CompareMode::Wipe ? CompareMode::Grid : CompareMode::Wipe);
  });
  on(PlayerAction::AbToggle, [this] { toggleAb(); });
  on(PlayerAction::FullScreenTile, [this] { setFullScreenTile(!s_->single); });
  on(PlayerAction::SyncToggle, [this] {
    setSyncMode(s_->sync == SyncMode::On ? SyncMode::Off : SyncMode::On);
  });
  on(PlayerAction::NextClip, [this] {
    if (s_->count() > 0) {
      setFocusedClip((s_->focused + 1) % s_->count());
    }
  });
  on(PlayerAction::OffsetForward, [this] {
    setClipOffsetFrames(s_->focused, clipOffsetFrames(s_->focused) + 1);
  });
  on(PlayerAction::OffsetBack, [this] {
    setClipOffsetFrames(s_->focused, clipOffsetFrames(s_->focused) - 1);
  });
  on(PlayerAction::SaveFrames, [this] { saveFrames(s_->snapshot_dir); });
  on(PlayerAction::MuteAudio, [this](bool muted) { s_->audio.setMuted(muted); });
  action(PlayerAction::SyncToggle)->setChecked(true);
  s_->updateStatus();
}

PlayerGrid::~PlayerGrid() {
  for (Tile& t : s_->tiles) {
    delete t.source;  // joins its thread
    t.source = nullptr;
  }
  for (const QPointer<FrameSource>& s : s_->retiring) {
    delete s.data();  // joins; a null QPointer means it has already gone
  }
}

void PlayerGrid::setClips(const QVector<PlayerClip>& clips) {
  s_->tick.stop();
  const bool was_playing = s_->playing();
  s_->stopSources();
  s_->audio.setClip(QString());
  s_->tiles.clear();
  s_->clock.reset();
  s_->first_reported = false;
  s_->pending_seek_clip = -1;
  s_->since_switch.restart();
  s_->has_in_out = false;
  s_->in_s = s_->out_s = 0.0;
  if (s_->loop == LoopMode::InOut) {
    s_->loop = LoopMode::Off;
  }
  s_->diff_cache = QImage();
  ++s_->diff_job;
  s_->diff_key.fill(-1);
  s_->diff_pending.fill(-1);
  s_->focused = 0;
  s_->partner = 1;
  s_->view = ViewState();
  s_->tiles.resize(size_t(std::min<int>(kMaxClips, int(clips.size()))));
  for (int i = 0; i < s_->count(); ++i) {
    Tile& t = s_->tiles[size_t(i)];
    t.clip = clips[i];
    std::sort(t.clip.model_seen_frames.begin(), t.clip.model_seen_frames.end());
    if (t.clip.missing) {
      const QString name = t.clip.label.isEmpty() ? QFileInfo(t.clip.path).fileName() : t.clip.label;
      t.error = tr("missing: %1 — Relink…").arg(name);
    }
    t.source_serial = s_->next_serial++;
    t.source = new FrameSource(i, t.clip.path, s_->gate);
    t.source->setFillBudget(kFillBudgetBytes / s_->count());
    const quint64 serial = t.source_serial;
    connect(t.source, &FrameSource::opened, this, [this, serial](int clip, const vs::ui::ClipProbe& probe) {
      Tile* tile = s_->tileOf(clip);
      if (tile == nullptr || tile->source_serial != serial) {
        return;
      }
      tile->opened = true;
      tile->probe = probe;
      s_->buildClock();
      update();
    });
    connect(t.source, &FrameSource::failed, this, [this, serial](int clip, const QString& message) {
      Tile* tile = s_->tileOf(clip);
      if (tile == nullptr || tile->source_serial != serial) {
        return;
      }
      if (!tile->clip.missing) {
        tile->error = message;  // a missing clip keeps its relink text
      }
      emit clipError(clip, message);
      if (!tile->opened) {
        s_->buildClock();
      }
      s_->reportFirstFrames();
      update();
    });
    connect(t.source, &FrameSource::frameReady, this,
            [this, serial](int clip, qint64 index, quint64 gen, const QImage& image, const QRect& target) {
              s_->onFrame(clip, serial, index, gen, image, target);
            });
    connect(t.source, &FrameSource::saved, this,
            [this, serial](int clip, const QString& path, const QString& error) {
              Tile* tile = s_->tileOf(clip);
              if (tile == nullptr || tile->source_serial != serial || s_->saves_pending <= 0) {
                return;
              }
              if (error.isEmpty()) {
                s_->saved_paths << path;
              } else {
                s_->save_errors << error;
              }
              if (--s_->saves_pending == 0) {
                emit framesSaved(s_->saved_paths, s_->save_errors);
              }
            });
  }
  s_->relayout();
  // Ask for frame 0 right away: the request waits in the thread until its decoder is open.
  for (Tile& t : s_->tiles) {
    t.source->start();
  }
  s_->pump();
  s_->timeline->setDuration(0);
  s_->timeline->setMarks({});
  s_->updateStatus();
  if (was_playing) {
    emit playingChanged(false);
    action(PlayerAction::PlayPause)->setChecked(false);
  }
  update();
}

int PlayerGrid::clipCount() const { return s_->count(); }

void PlayerGrid::setBlindMode(BlindMode mode) {
  s_->blind = mode;
  update();
}

BlindMode PlayerGrid::blindMode() const { return s_->blind; }

void PlayerGrid::setLayoutChoice(GridLayoutChoice choice) {
  s_->layout = choice;
  s_->relayout();
  s_->pump();
  update();
}

QList<QAction*> PlayerGrid::playerActions() const { return s_->actions->all(); }
QAction* PlayerGrid::action(PlayerAction id) const { return s_->actions->get(id); }
bool PlayerGrid::isPlaying() const { return s_->playing(); }
double PlayerGrid::speed() const { return s_->speed; }
LoopMode PlayerGrid::loopMode() const { return s_->loop; }
SyncMode PlayerGrid::syncMode() const { return s_->sync; }
CompareMode PlayerGrid::compareMode() const { return s_->compare; }
int PlayerGrid::focusedClip() const { return s_->focused; }
int PlayerGrid::compareClipB() const { return s_->partner; }

qint64 PlayerGrid::clipOffsetFrames(int clip) const {
  const Tile* t = s_->tileOf(clip);
  if (t == nullptr) {
    return 0;
  }
  return t->opened ? qint64(std::lround(t->offset_s * s_->fpsOf(*t))) : t->offset_frames_before_open;
}

double PlayerGrid::position() const { return s_->clock ? s_->clock->time(s_->nowMs()) : 0.0; }
double PlayerGrid::duration() const { return s_->clock ? s_->clock->duration() : 0.0; }

qint64 PlayerGrid::frameCount(int clip) const {
  const Tile* t = s_->tileOf(clip);
  return t != nullptr && t->opened ? t->probe.frames : -1;
}

double PlayerGrid::clipFps(int clip) const {
  const Tile* t = s_->tileOf(clip);
  return t != nullptr && t->opened ? t->probe.fps : 0.0;
}

qint64 PlayerGrid::targetFrame(int clip) const {
  const Tile* t = s_->tileOf(clip);
  return t == nullptr ? -1 : t->target;
}

qint64 PlayerGrid::displayedFrame(int clip) const {
  const Tile* t = s_->tileOf(clip);
  return t == nullptr ? -1 : t->shown;
}

bool PlayerGrid::isSettled() const {
  if (!s_->clock) {
    return false;
  }
  for (const Tile& t : s_->tiles) {
    if (t.visible && t.error.isEmpty() && (t.shown != t.target || t.shown_gen != t.gen)) {
      return false;
    }
  }
  return s_->compare != CompareMode::Difference || s_->differenceKey() == s_->diff_key;
}

QRect PlayerGrid::tileImageRect(int clip) const {
  const Tile* t = s_->tileOf(clip);
  if (t == nullptr || !t->visible || t->shown_image.isNull()) {
    return {};
  }
  return t->shown_target.translated(t->picture.topLeft());
}

QRect PlayerGrid::tileRect(int clip) const {
  const Tile* t = s_->tileOf(clip);
  return t == nullptr || !t->visible ? QRect() : t->rect;
}

QStringList PlayerGrid::saveFrames(const QString& dir) {
  QStringList paths;
  if (s_->saves_pending > 0) {
    return paths;  // one batch at a time
  }
  QDir().mkpath(dir);
  s_->saved_paths.clear();
  s_->save_errors.clear();
  for (int i = 0; i < s_->count(); ++i) {
    Tile& t = s_->tiles[size_t(i)];
    if (!t.visible || t.shown < 0 || t.source == nullptr) {
      continue;
    }
    QString name = s_->blind == BlindMode::On ? QStringLiteral("clip%1").arg(QChar('A' + i))
                                             : fileSafe(t.clip.generator.isEmpty() ? t.clip.label : t.clip.generator);
    if (name.isEmpty()) {
      name = QStringLiteral("clip%1").arg(i + 1);
    }
    const QString path = QDir(dir).filePath(QStringLiteral("%1_frame%2.png").arg(name).arg(t.shown, 6, 10, QChar('0')));
    paths << path;
    ++s_->saves_pending;
    t.source->saveFrame(t.shown, path);
  }
  return paths;
}

void PlayerGrid::setSnapshotDirectory(const QString& dir) { s_->snapshot_dir = dir; }
QString PlayerGrid::snapshotDirectory() const { return s_->snapshot_dir; }
qint64 PlayerGrid::droppedFrames() const { return s_->dropped; }
void PlayerGrid::resetDroppedFrames() { s_->dropped = 0; }

void PlayerGrid::play() { s_->setPlaying(true); }
void PlayerGrid::pause() { s_->setPlaying(false); }
void PlayerGrid::togglePlay() { s_->setPlaying(!s_->playing()); }
void PlayerGrid::stepFrames(int frames) { s_->step(frames); }

void PlayerGrid::stepSeconds(int seconds) {
  if (!s_->clock) {
    return;
  }
  if (s_->sync == SyncMode::Off) {
    if (Tile* t = s_->tileOf(s_->focused)) {
      s_->pauseIfPlaying();
      s_->shiftClipTo(*t, t->target + qint64(std::lround(seconds * s_->fpsOf(*t))));
      s_->pump();
    }
    return;
  }
  s_->seekMaster(s_->clock->time(s_->nowMs()) + seconds);
}

void PlayerGrid::toStart() {
  s_->seekMaster(s_->loop == LoopMode::InOut && s_->has_in_out ? s_->in_s : 0.0);
}

void PlayerGrid::toEnd() {
  s_->pauseIfPlaying();
  s_->seekMaster(s_->loop == LoopMode::InOut && s_->has_in_out ? s_->out_s : s_->lastFrameMasterTime());
}

void PlayerGrid::seekFrame(int clip, qint64 frame) {
  Tile* t = s_->tileOf(clip);
  if (t != nullptr && !s_->clock) {
    s_->pending_seek_clip = clip;  // applied once every clip is open
    s_->pending_seek_frame = frame;
    return;
  }
  if (t == nullptr || t->clock_index < 0) {
    return;
  }
  if (s_->sync == SyncMode::Off) {
    s_->shiftClipTo(*t, frame);
    s_->pump();
    return;
  }
  s_->seekMaster(s_->masterTimeOf(*t, frame));
}

void PlayerGrid::setSpeed(double speed) {
  s_->speed = std::clamp(speed, media::SyncClock::kMinSpeed, media::SyncClock::kMaxSpeed);
  if (s_->clock) {
    s_->clock->setSpeed(s_->speed, s_->nowMs());
  }
  s_->updateStatus();
}

void PlayerGrid::setLoopMode(LoopMode mode) {
  if (mode == LoopMode::InOut && !s_->has_in_out) {
    mode = LoopMode::Off;
  }
  s_->loop = mode;
  if (s_->clock) {
    s_->clock->setLoopMode(mode == LoopMode::Whole ? media::LoopMode::Loop : media::LoopMode::Stop);
  }
  s_->updateTimelineStatic();
  s_->updateStatus();
}

void PlayerGrid::setInOutFrames(qint64 in_frame, qint64 out_frame) {
  const Tile* t = s_->tileOf(s_->focused);
  if (t == nullptr || !t->opened) {
    return;
  }
  s_->in_s = s_->masterTimeOf(*t, std::min(in_frame, out_frame));
  s_->out_s = s_->masterTimeOf(*t, std::max(in_frame, out_frame));
  s_->has_in_out = true;
  s_->updateTimelineStatic();
}

void PlayerGrid::setSyncMode(SyncMode mode) {
  s_->sync = mode;
  action(PlayerAction::SyncToggle)->setChecked(mode == SyncMode::On);
  s_->updateStatus();
}

void PlayerGrid::setClipOffsetFrames(int clip, qint64 offset_frames) {
  Tile* t = s_->tileOf(clip);
  if (t == nullptr) {
    return;
  }
  if (!t->opened) {
    t->offset_frames_before_open = offset_frames;
    return;
  }
  t->offset_s = double(offset_frames) / s_->fpsOf(*t);
  if (s_->clock && t->clock_index >= 0) {
    s_->clock->setOffset(t->clock_index, t->offset_s, s_->nowMs());
    s_->timeline->setDuration(s_->clock->duration());
    s_->updateTimelineStatic();
  }
  s_->pump();
}

void PlayerGrid::setFocusedClip(int clip) { s_->setFocused(clip); }

void PlayerGrid::setCompareMode(CompareMode mode) {
  if (s_->count() < 2) {
    mode = CompareMode::Grid;
  }
  s_->compare = mode;
  action(PlayerAction::Difference)->setChecked(mode == CompareMode::Difference);
  action(PlayerAction::Wipe)->setChecked(mode == CompareMode::Wipe);
  s_->relayout();
  s_->pump();
  update();
}

void PlayerGrid::setCompareClips(int a, int b) {
  if (!s_->valid(a) || !s_->valid(b) || a == b) {
    return;
  }
  s_->focused = a;
  s_->partner = b;
  s_->relayout();
  s_->pump();
  update();
}

void PlayerGrid::setWipePosition(double fraction) {
  s_->wipe = std::clamp(fraction, 0.0, 1.0);
  update();
}

void PlayerGrid::toggleAb() {
  if (s_->count() < 2) {
    return;
  }
  if (s_->compare == CompareMode::Grid && !s_->single) {
    setFullScreenTile(true);
    return;
  }
  std::swap(s_->focused, s_->partner);
  s_->relayout();
  s_->pump();
  update();
}

void PlayerGrid::setFullScreenTile(bool on) {
  s_->single = on;
  action(PlayerAction::FullScreenTile)->setChecked(on);
  s_->relayout();
  s_->pump();
  update();
}

void PlayerGrid::zoomFit() {
  s_->view = ViewState();
  s_->bumpGeometry();
  s_->pump();
  update();
}

void PlayerGrid::zoomOneToOne() {
  const Tile* t = s_->tileOf(s_->focused);
  if (t == nullptr || !t->opened) {
    return;
  }
  ViewState v = s_->view;
  v.zoom = 1.0 / ViewTransform::fitScale(t->picture.size(), t->probe.size);
  s_->view = ViewTransform::clamped(v);
  s_->bumpGeometry();
  s_->pump();
  update();
}

void PlayerGrid::resizeEvent(QResizeEvent*) {
  const int th = s_->timeline->minimumSizeHint().height();
  s_->timeline->setGeometry(0, height() - th, width(), th);
  s_->relayout();
  s_->pump();
}

void PlayerGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(s_->area(), QColor(16, 16, 16));
  auto content = [this](int i) {
    Tile& t = s_->tiles[size_t(i)];
    TileContent c;
    c.tile = t.rect;
    c.picture_area = t.picture;
    c.strip = QRect(t.rect.left(), t.picture.bottom() + 1, t.rect.width(), kStripPx);
    c.image = t.shown_image;
    if (t.shown_gen == t.gen) {
      c.image_rect = t.shown_target.translated(t.picture.topLeft());
    } else if (t.opened) {
      // The new rendering is on its way: stretch the old one into the new place meanwhile.
      c.image_rect = ViewTransform::geometry(t.picture.size(), t.probe.size, s_->view).target.translated(t.picture.topLeft());
    }
    c.frame = t.shown;
    c.frame_count = t.probe.frames;
    if (t.shown >= 0 && t.shown < qint64(t.probe.frame_times_s.size())) {
      c.frame_time_s = t.probe.frame_times_s[size_t(t.shown)];
    }
    c.caption = s_->blind == BlindMode::On ? blindName(i) : t.clip.generator;
    c.label = s_->blind == BlindMode::On ? QString() : t.clip.label;
    c.seen_frames = &t.clip.model_seen_frames;
    c.focused = i == s_->focused && s_->count() > 1 && s_->compare == CompareMode::Grid && !s_->single;
    c.error = t.error;
    return c;
  };
  if (s_->compare == CompareMode::Grid) {
    for (int i = 0; i < s_->count(); ++i) {
      if (s_->tiles[size_t(i)].visible) {
        TilePainter::paint(p, content(i));
      }
    }
    return;
  }
  const int a = s_->focused;
  const int b = s_->partner;
  TileContent ca = content(a);
  TileContent cb = content(b);
  const QString name_a = QStringLiteral("A: ") + ca.caption;
  const QString name_b = QStringLiteral("B: ") + cb.caption;
  if (s_->compare == CompareMode::Difference) {
    ca.image = s_->diff_cache;  // made on a pool thread; may trail A/B by a frame while playing
    ca.caption = name_a + QStringLiteral("  −  ") + name_b;
    ca.label.clear();
    TilePainter::paint(p, ca);
    return;
  }
  // Wipe: A left of the divider, B right of it.
  ca.caption = name_a;
  TilePainter::paint(p, ca);
  const int x = ca.picture_area.left() + int(std::lround(s_->wipe * ca.picture_area.width()));
  p.save();
  p.setClipRect(QRect(QPoint(x, ca.picture_area.top()), ca.picture_area.bottomRight()));
  p.fillRect(ca.picture_area, Qt::black);
  if (!cb.image.isNull()) {
    p.drawImage(cb.image_rect, cb.image);
  }
  TilePainter::paintOverlay(p, ca.picture_area, cb.frame, cb.frame_time_s, name_b, false, Qt::AlignRight);
  p.restore();
  p.setPen(QPen(Qt::white, 1));
  p.drawLine(x, ca.picture_area.top(), x, ca.picture_area.bottom());
}

void PlayerGrid::wheelEvent(QWheelEvent* event) {
  const int i = s_->tileAt(event->position());
  Tile* t = s_->tileOf(i);
  if (t == nullptr || !t->opened) {
    return;
  }
  const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
  s_->view = ViewTransform::zoomedAt(s_->view, t->picture.size(), t->probe.size,
                                     event->position() - QPointF(t->picture.topLeft()), factor);
  s_->bumpGeometry();
  s_->pump();
  update();
  event->accept();
}

QString PlayerGrid::tileMessage(int clip) const {
  const Tile* t = s_->valid(clip) ? &s_->tiles[size_t(clip)] : nullptr;
  return t ? t->error : QString();
}

void PlayerGrid::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  if (event->button() != Qt::LeftButton) {
    return;
  }
  const int i = s_->tileAt(event->position());
  s_->last_mouse = event->position();
  if (s_->compare == CompareMode::Wipe && s_->valid(s_->focused)) {
    const QRect pa = s_->tiles[size_t(s_->focused)].picture;
    const int x = pa.left() + int(std::lround(s_->wipe * pa.width()));
    if (std::abs(event->position().x() - x) <= 6) {
      s_->drag = State::Drag::Wipe;
      return;
    }
  }
  if (i >= 0 && s_->compare == CompareMode::Grid) {
    s_->setFocused(i);
    if (s_->tiles[size_t(i)].clip.missing) {
      emit relinkRequested(i);
      return;
    }
  }
  s_->drag = State::Drag::Pan;
}

void PlayerGrid::mouseMoveEvent(QMouseEvent* event) {
  if (s_->drag == State::Drag::Wipe && s_->valid(s_->focused)) {
    const QRect pa = s_->tiles[size_t(s_->focused)].picture;
    setWipePosition((event->position().x() - pa.left()) / std::max(1, pa.width()));
    return;
  }
  if (s_->drag == State::Drag::Pan && s_->view.zoom > 1.0) {
    Tile* t = s_->tileOf(s_->focused);
    if (t == nullptr || !t->opened) {
      return;
    }
    const QPointF delta = event->position() - s_->last_mouse;
    s_->last_mouse = event->position();
    s_->view = ViewTransform::panned(s_->view, t->picture.size(), t->probe.size, delta);
    s_->bumpGeometry();
    s_->pump();
    update();
  }
}

void PlayerGrid::mouseReleaseEvent(QMouseEvent*) { s_->drag = State::Drag::None; }

void PlayerGrid::mouseDoubleClickEvent(QMouseEvent* event) {
  const int i = s_->tileAt(event->position());
  if (i >= 0) {
    s_->setFocused(i);
    setFullScreenTile(!s_->single);
  }
}

}  // namespace vs::ui
