#include "core/scoring/frame_png.h"

#include <QBuffer>
#include <QImage>
#include <cstring>

#include "core/domain/error.h"

namespace vs::scoring {

namespace {
const QByteArray kPrefix = QByteArrayLiteral("data:video/jpeg;base64,");

vs::Error invalid(const QString& what) {
  return vs::Error(vs::Error::Kind::InvalidData, QStringLiteral("video_url"), what);
}
}  // namespace

QByteArray framesToDataUrl(const std::vector<media::RgbImage>& frames) {
  QByteArray url = kPrefix;
  for (size_t i = 0; i < frames.size(); ++i) {
    const media::RgbImage& f = frames[i];
    const QImage image(f.pixels.data(), f.width, f.height, f.width * 3, QImage::Format_RGB888);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    // Quality only trades time for size in PNG; 100 = least compression, fastest.
    if (!image.save(&buffer, "PNG", 100)) {
      throw invalid(QStringLiteral("frame %1: PNG encoding failed").arg(i));
    }
    if (i > 0)
      url += ',';
    url += png.toBase64();
  }
  return url;
}

std::vector<media::RgbImage> framesFromDataUrl(const QByteArray& url) {
  const qsizetype comma = url.indexOf(',');
  if (!url.startsWith("data:") || comma < 0 || !url.left(comma).endsWith(";base64")) {
    throw invalid(
        QStringLiteral("only a base64 frame-list data URL (data:video/jpeg;base64,<f1>,<f2>,…) is "
                       "supported"));
  }
  std::vector<media::RgbImage> frames;
  const QList<QByteArray> parts = url.mid(comma + 1).split(',');
  for (qsizetype i = 0; i < parts.size(); ++i) {
    const auto decoded = QByteArray::fromBase64Encoding(parts[i], QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
      throw invalid(QStringLiteral("frame %1: not base64").arg(i));
    }
    QImage image;
    if (!image.loadFromData(*decoded)) {
      throw invalid(QStringLiteral("frame %1: not an image").arg(i));
    }
    image = image.convertToFormat(QImage::Format_RGB888);
    if (!frames.empty() &&
        (image.width() != frames.front().width || image.height() != frames.front().height)) {
      throw invalid(QStringLiteral("frame %1 is %2x%3, frame 0 %4x%5: all frames must have one size")
                        .arg(i)
                        .arg(image.width())
                        .arg(image.height())
                        .arg(frames.front().width)
                        .arg(frames.front().height));
    }
    media::RgbImage f(image.width(), image.height());
    for (int y = 0; y < image.height(); ++y) {
      std::memcpy(f.pixels.data() + static_cast<size_t>(y) * f.width * 3, image.constScanLine(y),
                  static_cast<size_t>(f.width) * 3);
    }
    frames.push_back(std::move(f));
  }
  return frames;
}

}  // namespace vs::scoring
