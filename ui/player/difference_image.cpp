#include "ui/player/difference_image.h"

#include <algorithm>
#include <cstdlib>

namespace vs::ui {

QImage differenceImage(const QImage& a_in, const QImage& b_in, int gain) {
  if (a_in.isNull() || b_in.isNull()) {
    return {};
  }
  const QImage a = a_in.convertToFormat(QImage::Format_RGB32);
  QImage b =
      b_in.size() == a.size() ? b_in : b_in.scaled(a.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
  b = b.convertToFormat(QImage::Format_RGB32);
  QImage out(a.size(), QImage::Format_RGB32);
  for (int y = 0; y < a.height(); ++y) {
    const QRgb* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
    const QRgb* rb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
    QRgb* ro = reinterpret_cast<QRgb*>(out.scanLine(y));
    for (int x = 0; x < a.width(); ++x) {
      const int dr = std::min(255, std::abs(qRed(ra[x]) - qRed(rb[x])) * gain);
      const int dg = std::min(255, std::abs(qGreen(ra[x]) - qGreen(rb[x])) * gain);
      const int db = std::min(255, std::abs(qBlue(ra[x]) - qBlue(rb[x])) * gain);
      ro[x] = qRgb(dr, dg, db);
    }
  }
  return out;
}

}  // namespace vs::ui
