#include "ui/player/player_grid.h"

#include <QAction>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QStandardPaths>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/player/grid_layout.h"
#include "ui/player/player_actions.h"
#include "ui/player/player_timeline.h"
#include "ui/player/tile_painter.h"
#include "ui/player/view_transform.h"

namespace vs::ui {

namespace {

constexpr int kStripPx = 8;
constexpr int kGapPx = 2;
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0};

QColor clipColor(int i) {
  static const QColor colors[] = {QColor(255, 196, 0),  QColor(0, 200, 255),   QColor(255, 90, 160),
                                  QColor(120, 230, 90), QColor(200, 140, 255), QColor(255, 140, 60),
                                  QColor(90, 220, 200), QColor(230, 230, 110), QColor(160, 170, 255)};
  return colors[i % 9];
}

QString blindName(int clip) {
  return PlayerGrid::tr("Clip %1").arg(QChar('A' + clip));
}

// Where a tile sits in the widget; the frame state is Playback's.
struct TilePlace {
  bool visible = false;
  QRect rect;     // whole tile, widget coordinates
  QRect picture;  // picture area
};

}  // namespace

struct PlayerGrid::State {
  PlayerGrid* q = nullptr;
  Playback playback;
  std::vector<TilePlace> places;
  QStringList missing_text;  // per clip: the relink text of a missing clip, or empty
  std::unique_ptr<PlayerActions> actions;
  PlayerTimeline* timeline = nullptr;

  BlindMode blind = BlindMode::Off;
  GridLayoutChoice layout = GridLayoutChoice::Auto;
  CompareMode compare = CompareMode::Grid;
  bool single = false;
  double wipe = 0.5;

  enum class Drag { None, Pan, Wipe } drag = Drag::None;
  QPointF last_mouse;

  QString snapshot_dir;

  bool valid(int clip) const { return playback.valid(clip); }
  int count() const { return playback.count(); }
  int focused() const { return playback.focusedClip(); }
  int partner() const { return playback.partnerClip(); }
  // The tile of an opened clip, or null.
  const PlaybackTile* openedTile(int clip) const {
    return valid(clip) && playback.tile(clip).opened ? &playback.tile(clip) : nullptr;
  }
  QString message(int clip) const {
    const QString& missing = missing_text[clip];
    return missing.isEmpty() ? playback.tile(clip).error : missing;
  }

  QRect area() const {
    const int th = timeline->isVisible() ? timeline->height() : 0;
    return QRect(0, 0, q->width(), std::max(1, q->height() - th));
  }

  void relayout() {
    const QRect a = area();
    places.resize(size_t(count()));
    for (TilePlace& t : places) {
      t.visible = false;
    }
    if (count() == 0) {
      return;
    }
    if (count() < 2 && compare != CompareMode::Grid) {
      compare = CompareMode::Grid;
    }
    playback.setDifferenceEnabled(compare == CompareMode::Difference);
    auto place = [&](int i, const QRect& r) {
      TilePlace& t = places[size_t(i)];
      t.visible = true;
      t.rect = r;
      t.picture = r.adjusted(0, 0, 0, -kStripPx);
    };
    if (compare != CompareMode::Grid) {
      place(focused(), a);
      place(partner(), a);
    } else if (single) {
      place(focused(), a);
    } else {
      const QVector<QRect> rects =
          GridLayout::tiles(a, GridLayout::shapeFor(count(), layout), count(), kGapPx);
      for (int i = 0; i < count() && i < rects.size(); ++i) {
        place(i, rects[i]);
      }
    }
    for (int i = 0; i < count(); ++i) {
      playback.setTileArea(i, places[size_t(i)].visible, places[size_t(i)].picture.size());
    }
  }

  // Lays out again, lets the transport catch up with the new tiles, and repaints.
  void relayoutAndShow() {
    relayout();
    playback.pump();
    q->update();
  }

  void setView(const ViewState& view) {
    playback.setView(view);
    playback.pump();
    q->update();
  }

  void updateTimelineStatic() {
    if (!playback.hasClock()) {
      return;
    }
    timeline->setDuration(playback.duration());
    QVector<TimelineMarks> marks;
    for (int i = 0; i < count(); ++i) {
      const PlaybackTile& t = playback.tile(i);
      TimelineMarks m;
      m.color = clipColor(i);
      for (qint64 f : t.clip.model_seen_frames) {
        if (f >= 0 && f < qint64(t.probe.frame_times_s.size())) {
          m.times_s.push_back(playback.masterTimeOf(i, f));
        }
      }
      marks.push_back(m);
    }
    timeline->setMarks(marks);
    timeline->setInOut(playback.inTime(), playback.outTime(),
                       playback.loopMode() == LoopMode::InOut && playback.hasInOut());
    updateStatus();
  }

  void updateStatus() {
    QString loop_text;
    switch (playback.loopMode()) {
      case LoopMode::Off:
        loop_text = tr("loop off");
        break;
      case LoopMode::Whole:
        loop_text = tr("loop all");
        break;
      case LoopMode::InOut:
        loop_text = tr("loop in–out");
        break;
    }
    timeline->setStatusText(
        QStringLiteral("%1×  %2  %3")
            .arg(playback.speed(), 0, 'g', 3)
            .arg(loop_text, playback.syncMode() == SyncMode::On ? tr("sync") : tr("unsynced")));
  }

  static QString tr(const char* s) { return PlayerGrid::tr(s); }

  void setFocused(int clip) {
    if (playback.setFocusedClip(clip)) {
      relayoutAndShow();
    }
  }

  int tileAt(QPointF pos) const {
    for (int i = 0; i < count(); ++i) {
      const TilePlace& t = places[size_t(i)];
      if (t.visible && t.rect.contains(pos.toPoint())) {
        if (compare != CompareMode::Grid) {
          return focused();
        }
        return i;
      }
    }
    return -1;
  }
};

PlayerGrid::PlayerGrid(QWidget* parent) : QWidget(parent), s_(std::make_unique<State>()) {
  s_->q = this;
  s_->snapshot_dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(160, 120);
  setAccessibleName(tr("Video player"));
  s_->timeline = new PlayerTimeline(this);
  connect(s_->timeline, &PlayerTimeline::seekRequested, this, [this](double sec) {
    s_->playback.pauseIfPlaying();
    s_->playback.seekMaster(sec);
  });

  Playback* pb = &s_->playback;
  connect(pb, &Playback::repaintNeeded, this, [this] { update(); });
  connect(pb, &Playback::frameShown, this, &PlayerGrid::clipFrameChanged);
  connect(pb, &Playback::positionChanged, s_->timeline, &PlayerTimeline::setPosition);
  connect(pb, &Playback::timelineChanged, this, [this] { s_->updateTimelineStatic(); });
  connect(pb, &Playback::transportChanged, this, [this] { s_->updateStatus(); });
  connect(pb, &Playback::playingChanged, this, [this](bool playing) {
    action(PlayerAction::PlayPause)->setChecked(playing);
    emit playingChanged(playing);
  });
  connect(pb, &Playback::firstFramesShown, this, &PlayerGrid::firstFramesShown);
  connect(pb, &Playback::clipError, this, &PlayerGrid::clipError);
  connect(pb, &Playback::framesSaved, this, &PlayerGrid::framesSaved);

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
      if (v < speed() - 1e-9) {
        next = v;
      }
    }
    setSpeed(next);
  });
  on(PlayerAction::SpeedUp, [this] {
    double next = kSpeeds[std::size(kSpeeds) - 1];
    for (auto it = std::rbegin(kSpeeds); it != std::rend(kSpeeds); ++it) {
      if (*it > speed() + 1e-9) {
        next = *it;
      }
    }
    setSpeed(next);
  });
  on(PlayerAction::Loop, [this] {
    switch (loopMode()) {
      case LoopMode::Off:
        setLoopMode(LoopMode::Whole);
        break;
      case LoopMode::Whole:
        setLoopMode(s_->playback.hasInOut() ? LoopMode::InOut : LoopMode::Off);
        break;
      case LoopMode::InOut:
        setLoopMode(LoopMode::Off);
        break;
    }
  });
  on(PlayerAction::SetIn, [this] { s_->playback.setInHere(); });
  on(PlayerAction::SetOut, [this] { s_->playback.setOutHere(); });
  on(PlayerAction::ZoomReset, [this] { zoomFit(); });
  on(PlayerAction::ZoomOneToOne, [this] { zoomOneToOne(); });
  on(PlayerAction::Difference, [this] {
    setCompareMode(s_->compare == CompareMode::Difference ? CompareMode::Grid : CompareMode::Difference);
  });
  on(PlayerAction::Wipe,
     [this] { setCompareMode(s_->compare == CompareMode::Wipe ? CompareMode::Grid : CompareMode::Wipe); });
  on(PlayerAction::AbToggle, [this] { toggleAb(); });
  on(PlayerAction::FullScreenTile, [this] { setFullScreenTile(!s_->single); });
  on(PlayerAction::SyncToggle,
     [this] { setSyncMode(syncMode() == SyncMode::On ? SyncMode::Off : SyncMode::On); });
  on(PlayerAction::NextClip, [this] {
    if (s_->count() > 0) {
      setFocusedClip((s_->focused() + 1) % s_->count());
    }
  });
  on(PlayerAction::OffsetForward,
     [this] { setClipOffsetFrames(s_->focused(), clipOffsetFrames(s_->focused()) + 1); });
  on(PlayerAction::OffsetBack,
     [this] { setClipOffsetFrames(s_->focused(), clipOffsetFrames(s_->focused()) - 1); });
  on(PlayerAction::SaveFrames, [this] { saveFrames(s_->snapshot_dir); });
  on(PlayerAction::MuteAudio, [this](bool muted) { s_->playback.setMuted(muted); });
  action(PlayerAction::SyncToggle)->setChecked(true);
  s_->updateStatus();
}

PlayerGrid::~PlayerGrid() = default;

void PlayerGrid::setClips(const QVector<PlayerClip>& clips) {
  s_->playback.setClips(clips);
  s_->missing_text.clear();
  for (int i = 0; i < s_->count(); ++i) {
    const PlayerClip& c = s_->playback.tile(i).clip;
    s_->missing_text
        << (c.missing
                ? tr("missing: %1 — Relink…").arg(c.label.isEmpty() ? QFileInfo(c.path).fileName() : c.label)
                : QString());
  }
  s_->relayout();
  s_->playback.pump();
  s_->timeline->setDuration(0);
  s_->timeline->setMarks({});
  s_->updateStatus();
  update();
}

int PlayerGrid::clipCount() const {
  return s_->count();
}

void PlayerGrid::setBlindMode(BlindMode mode) {
  s_->blind = mode;
  update();
}

BlindMode PlayerGrid::blindMode() const {
  return s_->blind;
}

void PlayerGrid::setLayoutChoice(GridLayoutChoice choice) {
  s_->layout = choice;
  s_->relayoutAndShow();
}

QList<QAction*> PlayerGrid::playerActions() const {
  return s_->actions->all();
}
QAction* PlayerGrid::action(PlayerAction id) const {
  return s_->actions->get(id);
}
bool PlayerGrid::isPlaying() const {
  return s_->playback.isPlaying();
}
double PlayerGrid::speed() const {
  return s_->playback.speed();
}
LoopMode PlayerGrid::loopMode() const {
  return s_->playback.loopMode();
}
SyncMode PlayerGrid::syncMode() const {
  return s_->playback.syncMode();
}
CompareMode PlayerGrid::compareMode() const {
  return s_->compare;
}
int PlayerGrid::focusedClip() const {
  return s_->focused();
}
int PlayerGrid::compareClipB() const {
  return s_->partner();
}
qint64 PlayerGrid::clipOffsetFrames(int clip) const {
  return s_->playback.clipOffsetFrames(clip);
}
double PlayerGrid::position() const {
  return s_->playback.position();
}
double PlayerGrid::duration() const {
  return s_->playback.duration();
}

qint64 PlayerGrid::frameCount(int clip) const {
  const PlaybackTile* t = s_->openedTile(clip);
  return t != nullptr ? t->probe.frames : -1;
}

double PlayerGrid::clipFps(int clip) const {
  const PlaybackTile* t = s_->openedTile(clip);
  return t != nullptr ? t->probe.fps : 0.0;
}

qint64 PlayerGrid::targetFrame(int clip) const {
  return s_->valid(clip) ? s_->playback.tile(clip).target : -1;
}

qint64 PlayerGrid::displayedFrame(int clip) const {
  return s_->valid(clip) ? s_->playback.tile(clip).shown : -1;
}

bool PlayerGrid::isSettled() const {
  return s_->playback.isSettled();
}

QRect PlayerGrid::tileImageRect(int clip) const {
  if (!s_->valid(clip) || !s_->places[size_t(clip)].visible || s_->playback.tile(clip).shown_image.isNull()) {
    return {};
  }
  return s_->playback.tile(clip).shown_target.translated(s_->places[size_t(clip)].picture.topLeft());
}

QRect PlayerGrid::tileRect(int clip) const {
  return !s_->valid(clip) || !s_->places[size_t(clip)].visible ? QRect() : s_->places[size_t(clip)].rect;
}

QString PlayerGrid::tileMessage(int clip) const {
  return s_->valid(clip) ? s_->message(clip) : QString();
}

QStringList PlayerGrid::saveFrames(const QString& dir) {
  return s_->playback.saveFrames(dir, s_->blind);
}
void PlayerGrid::setSnapshotDirectory(const QString& dir) {
  s_->snapshot_dir = dir;
}
QString PlayerGrid::snapshotDirectory() const {
  return s_->snapshot_dir;
}
qint64 PlayerGrid::droppedFrames() const {
  return s_->playback.droppedFrames();
}
void PlayerGrid::resetDroppedFrames() {
  s_->playback.resetDroppedFrames();
}

void PlayerGrid::play() {
  s_->playback.setPlaying(true);
}
void PlayerGrid::pause() {
  s_->playback.setPlaying(false);
}
void PlayerGrid::togglePlay() {
  s_->playback.setPlaying(!s_->playback.isPlaying());
}
void PlayerGrid::stepFrames(int frames) {
  s_->playback.stepFrames(frames);
}
void PlayerGrid::stepSeconds(int seconds) {
  s_->playback.stepSeconds(seconds);
}
void PlayerGrid::toStart() {
  s_->playback.toStart();
}
void PlayerGrid::toEnd() {
  s_->playback.toEnd();
}
void PlayerGrid::seekFrame(int clip, qint64 frame) {
  s_->playback.seekFrame(clip, frame);
}
void PlayerGrid::setSpeed(double speed) {
  s_->playback.setSpeed(speed);
}
void PlayerGrid::setLoopMode(LoopMode mode) {
  s_->playback.setLoopMode(mode);
}

void PlayerGrid::setInOutFrames(qint64 in_frame, qint64 out_frame) {
  s_->playback.setInOutFrames(in_frame, out_frame);
}

void PlayerGrid::setSyncMode(SyncMode mode) {
  action(PlayerAction::SyncToggle)->setChecked(mode == SyncMode::On);
  s_->playback.setSyncMode(mode);
}

void PlayerGrid::setClipOffsetFrames(int clip, qint64 offset_frames) {
  s_->playback.setClipOffsetFrames(clip, offset_frames);
}

void PlayerGrid::setFocusedClip(int clip) {
  s_->setFocused(clip);
}

void PlayerGrid::setCompareMode(CompareMode mode) {
  if (s_->count() < 2) {
    mode = CompareMode::Grid;
  }
  s_->compare = mode;
  action(PlayerAction::Difference)->setChecked(mode == CompareMode::Difference);
  action(PlayerAction::Wipe)->setChecked(mode == CompareMode::Wipe);
  s_->relayoutAndShow();
}

void PlayerGrid::setCompareClips(int a, int b) {
  if (s_->playback.setCompareClips(a, b)) {
    s_->relayoutAndShow();
  }
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
  s_->playback.swapCompareClips();
  s_->relayoutAndShow();
}

void PlayerGrid::setFullScreenTile(bool on) {
  s_->single = on;
  action(PlayerAction::FullScreenTile)->setChecked(on);
  s_->relayoutAndShow();
}

void PlayerGrid::zoomFit() {
  s_->setView(ViewState());
}

void PlayerGrid::zoomOneToOne() {
  const PlaybackTile* t = s_->openedTile(s_->focused());
  if (t == nullptr) {
    return;
  }
  ViewState v = s_->playback.view();
  v.zoom = 1.0 / ViewTransform::fitScale(t->picture, t->probe.size);
  s_->setView(ViewTransform::clamped(v));
}

void PlayerGrid::resizeEvent(QResizeEvent*) {
  const int th = s_->timeline->minimumSizeHint().height();
  s_->timeline->setGeometry(0, height() - th, width(), th);
  s_->relayout();
  s_->playback.pump();
}

void PlayerGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(s_->area(), QColor(16, 16, 16));
  auto content = [this](int i) {
    const PlaybackTile& t = s_->playback.tile(i);
    const TilePlace& place = s_->places[size_t(i)];
    TileContent c;
    c.tile = place.rect;
    c.picture_area = place.picture;
    c.strip = QRect(place.rect.left(), place.picture.bottom() + 1, place.rect.width(), kStripPx);
    c.image = t.shown_image;
    if (t.shown_gen == t.gen) {
      c.image_rect = t.shown_target.translated(place.picture.topLeft());
    } else if (t.opened) {
      // The new rendering is on its way: stretch the old one into the new place meanwhile.
      c.image_rect = ViewTransform::geometry(place.picture.size(), t.probe.size, s_->playback.view())
                         .target.translated(place.picture.topLeft());
    }
    c.frame = t.shown;
    c.frame_count = t.probe.frames;
    if (t.shown >= 0 && t.shown < qint64(t.probe.frame_times_s.size())) {
      c.frame_time_s = t.probe.frame_times_s[size_t(t.shown)];
    }
    c.caption = s_->blind == BlindMode::On ? blindName(i) : t.clip.generator;
    c.label = s_->blind == BlindMode::On ? QString() : t.clip.label;
    c.seen_frames = &t.clip.model_seen_frames;
    c.focused = i == s_->focused() && s_->count() > 1 && s_->compare == CompareMode::Grid && !s_->single;
    c.error = s_->message(i);
    return c;
  };
  if (s_->compare == CompareMode::Grid) {
    for (int i = 0; i < s_->count(); ++i) {
      if (s_->places[size_t(i)].visible) {
        TilePainter::paint(p, content(i));
      }
    }
    return;
  }
  const int a = s_->focused();
  const int b = s_->partner();
  TileContent ca = content(a);
  TileContent cb = content(b);
  const QString name_a = QStringLiteral("A: ") + ca.caption;
  const QString name_b = QStringLiteral("B: ") + cb.caption;
  if (s_->compare == CompareMode::Difference) {
    ca.image =
        s_->playback.differenceImage();  // made on a pool thread; may trail A/B by a frame while playing
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
  const PlaybackTile* t = s_->openedTile(i);
  if (t == nullptr) {
    return;
  }
  const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
  const QRect picture = s_->places[size_t(i)].picture;
  s_->setView(ViewTransform::zoomedAt(s_->playback.view(), picture.size(), t->probe.size,
                                      event->position() - QPointF(picture.topLeft()), factor));
  event->accept();
}

void PlayerGrid::mousePressEvent(QMouseEvent* event) {
  setFocus(Qt::MouseFocusReason);
  if (event->button() != Qt::LeftButton) {
    return;
  }
  const int i = s_->tileAt(event->position());
  s_->last_mouse = event->position();
  if (s_->compare == CompareMode::Wipe && s_->valid(s_->focused())) {
    const QRect pa = s_->places[size_t(s_->focused())].picture;
    const int x = pa.left() + int(std::lround(s_->wipe * pa.width()));
    if (std::abs(event->position().x() - x) <= 6) {
      s_->drag = State::Drag::Wipe;
      return;
    }
  }
  if (i >= 0 && s_->compare == CompareMode::Grid) {
    s_->setFocused(i);
    if (s_->playback.tile(i).clip.missing) {
      emit relinkRequested(i);
      return;
    }
  }
  s_->drag = State::Drag::Pan;
}

void PlayerGrid::mouseMoveEvent(QMouseEvent* event) {
  if (s_->drag == State::Drag::Wipe && s_->valid(s_->focused())) {
    const QRect pa = s_->places[size_t(s_->focused())].picture;
    setWipePosition((event->position().x() - pa.left()) / std::max(1, pa.width()));
    return;
  }
  if (s_->drag == State::Drag::Pan && s_->playback.view().zoom > 1.0) {
    const PlaybackTile* t = s_->openedTile(s_->focused());
    if (t == nullptr) {
      return;
    }
    const QPointF delta = event->position() - s_->last_mouse;
    s_->last_mouse = event->position();
    s_->setView(ViewTransform::panned(s_->playback.view(), s_->places[size_t(s_->focused())].picture.size(),
                                      t->probe.size, delta));
  }
}

void PlayerGrid::mouseReleaseEvent(QMouseEvent*) {
  s_->drag = State::Drag::None;
}

void PlayerGrid::mouseDoubleClickEvent(QMouseEvent* event) {
  const int i = s_->tileAt(event->position());
  if (i >= 0) {
    s_->setFocused(i);
    setFullScreenTile(!s_->single);
  }
}

}  // namespace vs::ui
