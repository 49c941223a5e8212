// Parity of resizeBicubicAntialias with torchvision's resize (torch 1.13 float32 AA bicubic),
// against outputs made by tests/data/media/make_sampler_fixtures.py.
#include <QFile>
#include <QtTest>

#include "core/media/bicubic_resize.h"

using namespace vs::media;

class TestBicubicResize : public QObject {
  Q_OBJECT

 private slots:
  void matchesTorchvision() {
    QFile file(QStringLiteral(VS_TEST_DATA_DIR "/media/resize_cases.bin"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QCOMPARE(data.left(4), QByteArray("VSRZ"));
    const char* p = data.constData() + 4;
    auto readInt = [&p] {
      int32_t v = 0;
      std::memcpy(&v, p, 4);
      p += 4;
      return v;
    };
    const int cases = readInt();
    QCOMPARE(cases, 8);
    for (int c = 0; c < cases; ++c) {
      const int in_w = readInt();
      const int in_h = readInt();
      const int out_w = readInt();
      const int out_h = readInt();
      RgbImage in(in_w, in_h);
      std::memcpy(in.pixels.data(), p, in.pixels.size());
      p += in.pixels.size();
      const auto* expected = reinterpret_cast<const uint8_t*>(p);
      p += size_t(out_w) * out_h * 3;
      const RgbImage out = resizeBicubicAntialias(in, out_w, out_h);
      QCOMPARE(out.width, out_w);
      QCOMPARE(out.height, out_h);
      int max_diff = 0;
      size_t off_by_one = 0;
      for (size_t i = 0; i < out.pixels.size(); ++i) {
        const int d = std::abs(int(out.pixels[i]) - int(expected[i]));
        max_diff = std::max(max_diff, d);
        off_by_one += d != 0;
      }
      qInfo("%dx%d -> %dx%d: max |diff| %d, %zu of %zu values differ", in_w, in_h, out_w, out_h, max_diff,
            off_by_one, out.pixels.size());
      // One quantisation level at most, and rare (float summation order may differ by an ulp).
      QVERIFY2(max_diff <= 1, qPrintable(QStringLiteral("case %1").arg(c)));
      QVERIFY(off_by_one * 1000 <= out.pixels.size());
    }
    QCOMPARE(p, data.constData() + data.size());
  }

  void sameSizeIsIdentity() {
    RgbImage in(13, 7);
    for (size_t i = 0; i < in.pixels.size(); ++i) {
      in.pixels[i] = uint8_t(i * 37);
    }
    const RgbImage out = resizeBicubicAntialias(in, 13, 7);
    QVERIFY(out.pixels == in.pixels);
  }
};

QTEST_GUILESS_MAIN(TestBicubicResize)
#include "test_bicubic_resize.moc"
