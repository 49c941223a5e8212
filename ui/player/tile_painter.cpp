#include "ui/player/tile_painter.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace vs::ui {

namespace {

const QColor kSeenColor(255, 196, 0);

void drawLabel(QPainter& p, const QRect& area, const QString& text, Qt::Alignment align) {
  if (text.isEmpty()) {
    return;
  }
  const QFontMetrics fm(p.font());
  const int pad = 3;
  const int w = std::min(area.width() - 2 * pad, fm.horizontalAdvance(text) + 2 * pad);
  const int h = fm.height() + 2;
  int x = area.left() + pad;
  if (align & Qt::AlignRight) {
    x = area.right() - pad - w;
  }
  int y = area.top() + pad;
  if (align & Qt::AlignBottom) {
    y = area.bottom() - pad - h;
  }
  const QRect box(x, y, w, h);
  p.fillRect(box, QColor(0, 0, 0, 160));
  p.setPen(Qt::white);
  p.drawText(box.adjusted(pad, 0, -pad, 0), Qt::AlignVCenter | Qt::AlignLeft,
             fm.elidedText(text, Qt::ElideRight, w - 2 * pad));
}

}  // namespace

QString TilePainter::timecode(double seconds) {
  const qint64 ms = qint64(std::floor(std::max(0.0, seconds) * 1000.0 + 0.5));
  return QStringLiteral("%1:%2:%3.%4")
      .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
      .arg((ms / 60000) % 60, 2, 10, QLatin1Char('0'))
      .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
      .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

void TilePainter::paintOverlay(QPainter& p, const QRect& area, qint64 frame, double frame_time_s,
                               const QString& caption, bool seen, Qt::Alignment caption_side) {
  if (frame >= 0) {
    drawLabel(p, area, QStringLiteral("#%1  %2").arg(frame).arg(timecode(frame_time_s)),
              Qt::AlignTop | Qt::AlignLeft);
  }
  drawLabel(p, area, caption, Qt::AlignTop | caption_side);
  if (seen) {
    const QRect badge(area.left() + 4, area.bottom() - 14, 10, 10);
    p.setPen(Qt::NoPen);
    p.setBrush(kSeenColor);
    p.drawEllipse(badge);
    p.setBrush(Qt::NoBrush);
  }
}

void TilePainter::paintStrip(QPainter& p, const TileContent& t) {
  p.fillRect(t.strip, QColor(30, 30, 30));
  if (t.frame_count <= 0) {
    return;
  }
  const double w = t.strip.width();
  auto xOf = [&](qint64 f) { return t.strip.left() + int(std::floor((f + 0.5) * w / t.frame_count)); };
  if (t.seen_frames != nullptr) {
    for (qint64 f : *t.seen_frames) {
      p.fillRect(QRect(xOf(f) - 1, t.strip.top() + 1, 2, t.strip.height() - 2), kSeenColor);
    }
  }
  if (t.frame >= 0) {
    p.fillRect(QRect(xOf(t.frame), t.strip.top(), 1, t.strip.height()), Qt::white);
  }
}

void TilePainter::paint(QPainter& p, const TileContent& t) {
  p.fillRect(t.tile, Qt::black);
  p.save();
  p.setClipRect(t.picture_area);
  if (!t.image.isNull()) {
    if (t.image.size() == t.image_rect.size()) {
      p.drawImage(t.image_rect.topLeft(), t.image);
    } else {
      p.drawImage(t.image_rect, t.image);  // stale size while the new rendering is on its way
    }
  }
  const bool seen = t.seen_frames != nullptr && t.frame >= 0 &&
                    std::binary_search(t.seen_frames->begin(), t.seen_frames->end(), t.frame);
  paintOverlay(p, t.picture_area, t.frame, t.frame_time_s, t.caption, seen, Qt::AlignRight);
  drawLabel(p, t.picture_area, t.label, Qt::AlignBottom | Qt::AlignRight);
  if (!t.error.isEmpty()) {
    p.setPen(QColor(255, 120, 120));
    p.drawText(t.picture_area.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, t.error);
  }
  p.restore();
  paintStrip(p, t);
  if (t.focused) {
    p.setPen(QPen(QColor(80, 160, 255), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(t.tile.adjusted(1, 1, -1, -1));
  }
}

}  // namespace vs::ui
