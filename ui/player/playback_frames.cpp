// Playback's frames: what each tile adopts from the prepared frames, what it asks its decoding
// thread for, the difference job and snapshots. The clock and transport are in playback.cpp.
#include <QDir>
#include <QThreadPool>
#include <algorithm>
#include <cmath>

#include "ui/player/difference_image.h"
#include "ui/player/playback.h"
#include "ui/player/playback_private.h"

namespace vs::ui {

namespace {

constexpr int kAheadPaused = 2;
constexpr int kDifferenceGain = 4;

QString fileSafe(QString s) {
  for (QChar& c : s) {
    if (!c.isLetterOrNumber() && c != '-' && c != '_') {
      c = '_';
    }
  }
  return s.left(60);
}

}  // namespace

// Paused, a tile shows exactly its target frame or keeps the old one until it arrives.
// Playing, a late tile shows the newest ready frame before its target (counted as dropped)
// rather than freezing until the decoder catches up.
bool Playback::adopt(int i) {
  PlaybackTile& t = tiles_[size_t(i)];
  if (t.shown == t.target && t.shown_gen == t.gen) {
    return false;
  }
  auto it = t.ready.find(t.target);
  if (it == t.ready.end() && isPlaying()) {
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
    emit frameShown(i, t.shown);
  }
  return true;
}

void Playback::trimAndRequest(PlaybackTile& t, bool is_playing) {
  const int dir = is_playing ? 1 : step_direction_;
  // Enough read-ahead for ~0.3 s of playback at the current speed (at least 4 frames).
  const int ahead = is_playing ? std::clamp(int(std::ceil(fpsOf(t) * speed_ * 0.3)), 4, 24) : kAheadPaused;
  const qint64 lo = dir > 0 ? t.target - (is_playing ? 0 : 2) : t.target - ahead;
  const qint64 hi = dir > 0 ? t.target + ahead : t.target + 2;
  // Looping: the first frames after the loop point are prepared before the wrap comes.
  qint64 wrap_first = -1;
  const int wrap_count = 3;
  if (is_playing && clock_ && t.clock_index >= 0 && loop_ != LoopMode::Off) {
    const bool in_out = loop_ == LoopMode::InOut && has_in_out_;
    const double loop_start = in_out ? in_s_ : 0.0;
    const double loop_end = in_out ? out_s_ : lastFrameMasterTime();
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
  r.tile = t.picture;
  r.view = view_;
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

void Playback::reportFirstFrames() {
  if (first_reported_ || count() == 0) {
    return;
  }
  for (const PlaybackTile& t : tiles_) {
    if (t.visible && t.shown < 0 && !t.hasMessage()) {
      return;
    }
  }
  first_reported_ = true;
  emit firstFramesShown(d_->since_switch.elapsed());
}

void Playback::onFrame(int clip, quint64 serial, qint64 index, quint64 gen, const QImage& image,
                       const QRect& target) {
  PlaybackTile* t = tileOf(clip);
  if (t == nullptr || t->source_serial != serial || gen != t->gen) {
    return;
  }
  t->ready[index] = PlaybackTile::Ready{image, target};
  if (index == t->target || (isPlaying() && index < t->target)) {
    if (adopt(clip)) {
      emit repaintNeeded();
      requestDifference();
    }
    reportFirstFrames();
  }
}

std::array<qint64, 4> Playback::differenceKey() const {
  const PlaybackTile& ta = tiles_[size_t(focused_)];
  const PlaybackTile& tb = tiles_[size_t(partner_)];
  return {{ta.shown, tb.shown, qint64(ta.shown_gen), qint64(tb.shown_gen)}};
}

// |A − B| is computed on a pool thread whenever A's or B's picture changes; painting uses the
// last result.
void Playback::requestDifference() {
  if (!difference_ || !valid(focused_) || !valid(partner_)) {
    return;
  }
  const auto key = differenceKey();
  if (key == diff_key_ || key == diff_pending_) {
    return;
  }
  const QImage a = tiles_[size_t(focused_)].shown_image;
  const QImage b = tiles_[size_t(partner_)].shown_image;
  if (a.isNull() || b.isNull()) {
    return;
  }
  diff_pending_ = key;
  const quint64 job = ++diff_job_;
  d_->diff_pool.start([this, a, b, key, job] {
    QImage d = vs::ui::differenceImage(a, b, kDifferenceGain);
    QMetaObject::invokeMethod(
        this,
        [this, key, job, d = std::move(d)] {
          if (job != diff_job_) {
            return;  // superseded (or from the previous clips)
          }
          diff_cache_ = d;
          diff_key_ = key;
          emit repaintNeeded();
        },
        Qt::QueuedConnection);
  });
}

QStringList Playback::saveFrames(const QString& dir, BlindMode blind) {
  QStringList paths;
  if (saves_pending_ > 0) {
    return paths;  // one batch at a time
  }
  QDir().mkpath(dir);
  saved_paths_.clear();
  save_errors_.clear();
  for (int i = 0; i < count(); ++i) {
    PlaybackTile& t = tiles_[size_t(i)];
    if (!t.visible || t.shown < 0 || t.source == nullptr) {
      continue;
    }
    QString name = blind == BlindMode::On
                       ? QStringLiteral("clip%1").arg(QChar('A' + i))
                       : fileSafe(t.clip.generator.isEmpty() ? t.clip.label : t.clip.generator);
    if (name.isEmpty()) {
      name = QStringLiteral("clip%1").arg(i + 1);
    }
    const QString path =
        QDir(dir).filePath(QStringLiteral("%1_frame%2.png").arg(name).arg(t.shown, 6, 10, QChar('0')));
    paths << path;
    ++saves_pending_;
    t.source->saveFrame(t.shown, path);
  }
  return paths;
}

}  // namespace vs::ui
