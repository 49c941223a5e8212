#include "ui/player/player_timeline.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace vs::ui {

namespace {
constexpr int kStatusWidthPx = 190;
constexpr int kMarkRowPx = 4;
}  // namespace

PlayerTimeline::PlayerTimeline(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::NoFocus);
  setMouseTracking(false);
  setAccessibleName(tr("Timeline"));
}

void PlayerTimeline::setDuration(double seconds) {
  duration_s_ = std::max(0.0, seconds);
  update();
}

void PlayerTimeline::setPosition(double seconds) {
  if (seconds != position_s_) {
    position_s_ = seconds;
    update();
  }
}

void PlayerTimeline::setInOut(double in_s, double out_s, bool active) {
  in_s_ = in_s;
  out_s_ = out_s;
  in_out_active_ = active;
  update();
}

void PlayerTimeline::setMarks(const QVector<TimelineMarks>& marks) {
  marks_ = marks;
  updateGeometry();
  update();
}

void PlayerTimeline::setStatusText(const QString& text) {
  if (text != status_) {
    status_ = text;
    update();
  }
}

QSize PlayerTimeline::sizeHint() const {
  return QSize(400, minimumSizeHint().height());
}

QSize PlayerTimeline::minimumSizeHint() const {
  return QSize(200, 18 + kMarkRowPx * std::max<int>(1, int(marks_.size())));
}

QRect PlayerTimeline::trackRect() const {
  return QRect(6, 3, std::max(10, width() - kStatusWidthPx - 12), height() - 6);
}

double PlayerTimeline::timeAt(int x) const {
  const QRect r = trackRect();
  const double f = std::clamp(double(x - r.left()) / std::max(1, r.width() - 1), 0.0, 1.0);
  return f * duration_s_;
}

int PlayerTimeline::xAt(double seconds) const {
  const QRect r = trackRect();
  if (duration_s_ <= 0.0) {
    return r.left();
  }
  return r.left() + int(std::lround(std::clamp(seconds / duration_s_, 0.0, 1.0) * (r.width() - 1)));
}

void PlayerTimeline::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  const QRect r = trackRect();
  p.fillRect(r, QColor(40, 40, 40));
  if (in_out_active_ && out_s_ > in_s_) {
    p.fillRect(QRect(QPoint(xAt(in_s_), r.top()), QPoint(xAt(out_s_), r.bottom())), QColor(70, 90, 140));
  } else if (out_s_ > in_s_) {
    p.setPen(QColor(70, 90, 140));
    p.drawLine(xAt(in_s_), r.top(), xAt(in_s_), r.bottom());
    p.drawLine(xAt(out_s_), r.top(), xAt(out_s_), r.bottom());
  }
  // One row of model-seen ticks per clip, at the bottom of the track.
  int y = r.bottom() - kMarkRowPx * int(marks_.size()) + 1;
  for (const TimelineMarks& m : marks_) {
    for (double t : m.times_s) {
      p.fillRect(QRect(xAt(t), y, 2, kMarkRowPx - 1), m.color);
    }
    y += kMarkRowPx;
  }
  p.fillRect(QRect(xAt(position_s_) - 1, r.top(), 3, r.height()), QColor(255, 255, 255));
  p.setPen(palette().color(QPalette::WindowText));
  p.drawText(QRect(r.right() + 8, 0, kStatusWidthPx - 6, height()), Qt::AlignVCenter | Qt::AlignLeft,
             status_);
}

void PlayerTimeline::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton &&
      trackRect().adjusted(0, -3, 0, 3).contains(event->position().toPoint())) {
    emit seekRequested(timeAt(event->position().toPoint().x()));
  }
}

void PlayerTimeline::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton) {
    emit seekRequested(timeAt(event->position().toPoint().x()));
  }
}

}  // namespace vs::ui
