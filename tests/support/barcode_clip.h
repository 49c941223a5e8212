#pragma once
// Test clips whose frames carry their own number as a barcode, and the reader that gets the
// number back from a widget's grabbed pixels. Frame n is 12 full-height stripes: stripes 0..9
// are bits 0..9 of n (bright = 1), stripe 10 is always bright and stripe 11 always dark, so a
// misplaced read (wrong rectangle, overlay in the way) is detected instead of misread.
#include <QImage>
#include <QProcess>
#include <QRect>
#include <QString>
#include <QStringList>

namespace vs::test {

inline constexpr int kBarcodeStripes = 12;

// Makes an H.264 clip with ffmpeg's lavfi `geq` (N = frame number). `rate` is an ffmpeg rate
// ("24", "30000/1001"). Returns an empty string or ffmpeg's complaint.
inline QString makeBarcodeClip(const QString& path, int width, int height, const QString& rate, int frames,
                               int gop = 12, bool b_frames = true, bool with_audio = false,
                               const QString& setpts = {}) {
  const QString bit = QStringLiteral("floor(X*%1/W)").arg(kBarcodeStripes);
  const QString lum =
      QStringLiteral("if(lt(%1,10),30+195*mod(floor(N/pow(2,%1)),2),if(eq(%1,10),225,30))").arg(bit);
  QString graph = QStringLiteral("color=c=black:s=%1x%2:r=%3,format=gray,geq=lum='%4'")
                      .arg(width)
                      .arg(height)
                      .arg(rate, lum);
  if (!setpts.isEmpty()) {  // variable frame rate: timestamps from the expression, kept as they are
    graph += QStringLiteral(",setpts='%1'").arg(setpts);
  }
  QStringList args = {QStringLiteral("-y"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      graph,
                      QStringLiteral("-frames:v"),
                      QString::number(frames),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"),
                      QStringLiteral("-crf"),
                      QStringLiteral("20"),
                      QStringLiteral("-g"),
                      QString::number(gop),
                      QStringLiteral("-bf"),
                      QString::number(b_frames ? 2 : 0),
                      QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"),
                      path};
  if (!setpts.isEmpty()) {
    args.insert(args.size() - 1, QStringLiteral("-fps_mode"));
    args.insert(args.size() - 1, QStringLiteral("passthrough"));
  }
  if (with_audio) {  // a 440 Hz tone as a second input, AAC, cut to the video's length
    args.insert(7, QStringLiteral("-f"));
    args.insert(8, QStringLiteral("lavfi"));
    args.insert(9, QStringLiteral("-i"));
    args.insert(10, QStringLiteral("sine=frequency=440:sample_rate=48000"));
    args.insert(args.size() - 1, QStringLiteral("-shortest"));
    args.insert(args.size() - 1, QStringLiteral("-c:a"));
    args.insert(args.size() - 1, QStringLiteral("aac"));
  }
  QProcess ff;
  ff.start(QStringLiteral("ffmpeg"), args);
  if (!ff.waitForFinished(60000) || ff.exitStatus() != QProcess::NormalExit || ff.exitCode() != 0) {
    return QStringLiteral("ffmpeg failed for %1: %2")
        .arg(path, QString::fromLocal8Bit(ff.readAllStandardError()));
  }
  return {};
}

// Reads the number from `rect` of `image` (the picture as drawn); -1 when the guards do not match.
// Sampled at 60% of the height, clear of the frame-number overlay and the corner badges.
inline int readBarcode(const QImage& image, const QRect& rect) {
  if (rect.isEmpty()) {
    return -1;
  }
  const int y = rect.top() + int(rect.height() * 0.6);
  int value = 0;
  for (int k = 0; k < kBarcodeStripes; ++k) {
    const int x = rect.left() + int((k + 0.5) * rect.width() / kBarcodeStripes);
    if (!image.rect().contains(x, y)) {
      return -1;
    }
    const bool bright = qGray(image.pixel(x, y)) > 128;
    if (k < 10) {
      value |= (bright ? 1 : 0) << k;
    } else if (bright != (k == 10)) {
      return -1;
    }
  }
  return value;
}

}  // namespace vs::test
