#include "ui/player/frame_scaler.h"

namespace vs::ui {

QImage FrameScaler::halved(const QImage& in) {
  const QImage src = (in.format() == QImage::Format_RGB888 || in.format() == QImage::Format_RGB32)
                         ? in
                         : in.convertToFormat(QImage::Format_RGB32);
  const int w = src.width() / 2;
  const int h = src.height() / 2;
  QImage out(w, h, QImage::Format_RGB32);
  const bool rgb888 = src.format() == QImage::Format_RGB888;
  for (int y = 0; y < h; ++y) {
    const uchar* r0 = src.constScanLine(2 * y);
    const uchar* r1 = src.constScanLine(2 * y + 1);
    QRgb* o = reinterpret_cast<QRgb*>(out.scanLine(y));
    if (rgb888) {
      for (int x = 0; x < w; ++x) {
        const uchar* a = r0 + 6 * x;
        const uchar* b = r1 + 6 * x;
        o[x] = qRgb((a[0] + a[3] + b[0] + b[3] + 2) >> 2, (a[1] + a[4] + b[1] + b[4] + 2) >> 2,
                    (a[2] + a[5] + b[2] + b[5] + 2) >> 2);
      }
    } else {
      const QRgb* a = reinterpret_cast<const QRgb*>(r0);
      const QRgb* b = reinterpret_cast<const QRgb*>(r1);
      for (int x = 0; x < w; ++x) {
        const QRgb p = a[2 * x], q = a[2 * x + 1], r = b[2 * x], s = b[2 * x + 1];
        o[x] = qRgb((qRed(p) + qRed(q) + qRed(r) + qRed(s) + 2) >> 2,
                    (qGreen(p) + qGreen(q) + qGreen(r) + qGreen(s) + 2) >> 2,
                    (qBlue(p) + qBlue(q) + qBlue(r) + qBlue(s) + 2) >> 2);
      }
    }
  }
  return out;
}

QImage FrameScaler::scaled(const QImage& source, QSize target, Qt::TransformationMode mode) {
  if (source.isNull() || target.isEmpty()) {
    return {};
  }
  QImage img = source;
  if (mode == Qt::SmoothTransformation) {
    while (img.width() >= 2 * target.width() && img.height() >= 2 * target.height()) {
      img = halved(img);
    }
  }
  if (img.format() != QImage::Format_RGB32) {
    img = img.convertToFormat(QImage::Format_RGB32);
  }
  if (img.size() == target) {
    return img;
  }
  return img.scaled(target, Qt::IgnoreAspectRatio, mode);
}

}  // namespace vs::ui
