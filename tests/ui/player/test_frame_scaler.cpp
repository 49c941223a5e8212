#include <QtTest>

#include "ui/player/frame_scaler.h"

using vs::ui::FrameScaler;

class TestFrameScaler : public QObject {
  Q_OBJECT
 private slots:
  void halvingAveragesFourPixels() {
    QImage src(4, 2, QImage::Format_RGB888);
    // Left 2×2 block: 0, 10, 20, 31 in red → (61 + 2) / 4 = 15; right block constant 200.
    const int reds[2][4] = {{0, 10, 200, 200}, {20, 31, 200, 200}};
    for (int y = 0; y < 2; ++y) {
      for (int x = 0; x < 4; ++x) {
        src.setPixel(x, y, qRgb(reds[y][x], 255 - reds[y][x], 7));
      }
    }
    const QImage h = FrameScaler::halved(src);
    QCOMPARE(h.size(), QSize(2, 1));
    QCOMPARE(h.format(), QImage::Format_RGB32);
    QCOMPARE(qRed(h.pixel(0, 0)), 15);
    QCOMPARE(qGreen(h.pixel(0, 0)), (255 * 4 - 61 + 2) / 4);
    QCOMPARE(qBlue(h.pixel(0, 0)), 7);
    QCOMPARE(h.pixel(1, 0), qRgb(200, 55, 7));
    QCOMPARE(FrameScaler::halved(src.convertToFormat(QImage::Format_RGB32)), h);
  }
  void scaledHasExactSizeAndKeepsFlatColour() {
    QImage src(1921, 1081, QImage::Format_RGB888);
    src.fill(QColor(90, 140, 210));
    for (QSize target : {QSize(427, 240), QSize(960, 540), QSize(1921, 1081), QSize(3000, 1700)}) {
      const QImage out = FrameScaler::scaled(src, target, Qt::SmoothTransformation);
      QCOMPARE(out.size(), target);
      QCOMPARE(out.format(), QImage::Format_RGB32);
      QCOMPARE(out.pixel(target.width() / 2, target.height() / 2), qRgb(90, 140, 210));
    }
  }
  void stripesSurviveDownscale() {
    // 12 stripes of 160 px, as the barcode clips have: centres keep their level after 1/3 scale.
    QImage src(1920, 100, QImage::Format_RGB888);
    for (int x = 0; x < 1920; ++x) {
      const int v = (x / 160) % 2 ? 225 : 30;
      for (int y = 0; y < 100; ++y) {
        src.setPixel(x, y, qRgb(v, v, v));
      }
    }
    const QImage out = FrameScaler::scaled(src, QSize(640, 33), Qt::SmoothTransformation);
    for (int k = 0; k < 12; ++k) {
      const int expected = k % 2 ? 225 : 30;
      QVERIFY(std::abs(qGray(out.pixel(k * 160 / 3 + 26, 16)) - expected) <= 2);
    }
  }
};

QTEST_MAIN(TestFrameScaler)
#include "test_frame_scaler.moc"
