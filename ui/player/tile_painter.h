#pragma once
// Draws one tile: the picture (already rendered at tile size by the decoding thread), the frame
// number and timecode, the generator name (or a neutral letter in blind mode), a badge when the
// model saw this frame, and the strip of model-seen frames under the picture.
#include <QImage>
#include <QRect>
#include <QString>
#include <QVector>

class QPainter;

namespace vs::ui {

struct TileContent {
  QRect tile;          // whole tile, widget coordinates
  QRect picture_area;  // where pictures go (tile minus the marker strip)
  QRect strip;         // the marker strip
  QImage image;        // picture to show (may be null)
  QRect image_rect;    // where `image` is drawn, widget coordinates (scaled if sizes differ)
  qint64 frame = -1;   // frame number on screen
  qint64 frame_count = 0;
  double frame_time_s = 0.0;
  QString caption;  // generator or "Clip B" in blind mode
  QString label;
  const QVector<qint64>* seen_frames = nullptr;  // sorted
  bool focused = false;
  QString error;
};

class TilePainter {
 public:
  static void paint(QPainter& p, const TileContent& tile);
  static void paintStrip(QPainter& p, const TileContent& tile);
  static void paintOverlay(QPainter& p, const QRect& area, qint64 frame, double frame_time_s,
                           const QString& caption, bool seen, Qt::Alignment caption_side);
  static QString timecode(double seconds);  // "00:01:02.125"
};

}  // namespace vs::ui
