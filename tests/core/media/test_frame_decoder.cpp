// Frame exactness: every frame of every test clip decodes as itself (its barcode) in forward,
// backward and random order; cache and seek behaviour; broken files fail cleanly.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

#include "barcode.h"
#include "core/domain/error.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"

using namespace vs::media;
using vs::media::test::readBarcode;

static QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

class TestFrameDecoder : public QObject {
  Q_OBJECT

 private slots:
  void everyFrameIsItself_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("h264 B-frames") << clip("h264_bframes.mp4") << 48 << 160 << 120;
    QTest::newRow("h264 GOP 250") << clip("h264_gop250.mp4") << 260 << 128 << 96;
    QTest::newRow("mpeg-ts start 1.4 s") << clip("start_time.ts") << 50 << 160 << 120;
    QTest::newRow("vfr mkv") << clip("vfr.mkv") << 60 << 160 << 120;
    QTest::newRow("odd yuv444p") << clip("odd_yuv444.mp4") << 30 << 97 << 61;
    QTest::newRow("odd yuv420p 205 wide") << clip("odd_yuv420.webm") << 12 << 205 << 117;
    QTest::newRow("h264 10-bit") << clip("h264_10bit.mp4") << 30 << 160 << 120;
    QTest::newRow("hevc") << clip("hevc.mp4") << 40 << 160 << 120;
    QTest::newRow("hevc 10-bit") << clip("hevc_10bit.mkv") << 24 << 160 << 120;
    QTest::newRow("vp9 odd size") << clip("vp9_odd.webm") << 40 << 99 << 71;
    QTest::newRow("av1") << clip("av1.mkv") << 24 << 160 << 120;
    QTest::newRow("mpeg-4 part 2 mp4") << clip("mpeg4.mp4") << 40 << 160 << 120;
    QTest::newRow("mpeg-4 part 2 avi") << clip("mpeg4.avi") << 40 << 160 << 120;
    QTest::newRow("sar 2:1") << clip("sar2.mp4") << 12 << 320 << 120;
  }

  void everyFrameIsItself() {
    QFETCH(QString, file);
    QFETCH(int, frames);
    QFETCH(int, width);
    QFETCH(int, height);
    DecoderOptions options;
    options.cache_budget_mb = 8;
    FrameDecoder decoder(file, options);
    QCOMPARE(decoder.frameCount(), int64_t(frames));
    QCOMPARE(decoder.width(), width);
    QCOMPARE(decoder.height(), height);
    QCOMPARE(int64_t(decoder.frameTimes().size()), int64_t(frames));
    QVERIFY(std::is_sorted(decoder.frameTimes().begin(), decoder.frameTimes().end()));

    std::vector<int64_t> order;
    for (int i = 0; i < frames; ++i) {
      order.push_back(i);  // forward
    }
    for (int i = frames - 1; i >= 0; --i) {
      order.push_back(i);  // backward
    }
    std::vector<int64_t> shuffled(static_cast<size_t>(frames));
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
    order.insert(order.end(), shuffled.begin(), shuffled.end());
    for (int64_t n : order) {
      const FramePtr f = decoder.frame(n);
      QVERIFY(f);
      QCOMPARE(f->index, n);
      QCOMPARE(f->image.width, width);
      QCOMPARE(f->image.height, height);
      const int code = readBarcode(f->image);
      if (code != int(n)) {
        QFAIL(qPrintable(QStringLiteral("frame %1 shows barcode %2").arg(n).arg(code)));
      }
    }
  }

  void referenceColourAndCodedGeometry() {
    DecoderOptions options;
    options.color = ColorConversion::Reference;
    options.geometry = FrameGeometry::Coded;
    FrameDecoder decoder(clip("sar2.mp4"), options);
    QCOMPARE(decoder.width(), 160);
    QCOMPARE(decoder.info().width, 320);
    for (int n : {11, 0, 5, 6, 4}) {
      QCOMPARE(readBarcode(decoder.frame(n)->image), n);
    }
  }

  void stepsHitTheCacheAndBackwardReusesTheGop() {
    DecoderOptions options;
    options.cache_budget_mb = 16;
    FrameDecoder decoder(clip("h264_gop250.mp4"), options);
    QCOMPARE(readBarcode(decoder.frame(200)->image), 200);
    const auto after_seek = decoder.stats();
    QCOMPARE(readBarcode(decoder.frame(199)->image), 199);  // backward step: cached on the way
    QCOMPARE(readBarcode(decoder.frame(198)->image), 198);
    QCOMPARE(decoder.stats().seeks, after_seek.seeks);
    QCOMPARE(decoder.stats().cache_hits, after_seek.cache_hits + 2);
    QCOMPARE(readBarcode(decoder.frame(201)->image), 201);  // forward steps: read ahead, no decoding
    QCOMPARE(readBarcode(decoder.frame(202)->image), 202);
    QCOMPARE(decoder.stats().seeks, after_seek.seeks);
    QCOMPARE(decoder.stats().frames_decoded, after_seek.frames_decoded);
    QCOMPARE(readBarcode(decoder.frame(203)->image), 203);  // beyond the read-ahead: decodes on
    QCOMPARE(decoder.stats().seeks, after_seek.seeks);
    QVERIFY(decoder.stats().frames_decoded > after_seek.frames_decoded);
    QVERIFY(decoder.cacheUsedBytes() <= 16 * 1024 * 1024);
    decoder.setCacheBudgetMb(0);
    QCOMPARE(decoder.cacheUsedBytes(), int64_t(0));
    QCOMPARE(readBarcode(decoder.frame(201)->image), 201);  // still exact without a cache
  }

  void displayColourFollowsTheStreamsMatrixAndRange_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("bt709 limited") << clip("color_709_tv.mp4");
    QTest::newRow("bt709 full") << clip("color_709_pc.mp4");
    QTest::newRow("bt601 limited") << clip("color_601_tv.mp4");
  }

  void displayColourFollowsTheStreamsMatrixAndRange() {
    QFETCH(QString, file);
    auto centre = [](const FramePtr& f) {
      const uint8_t* p = f->image.row(32) + 32 * 3;
      return std::array<int, 3>{p[0], p[1], p[2]};
    };
    // Independent reference: the ffmpeg program's accurate conversion with the stream's tags.
    QProcess ffmpeg;
    ffmpeg.start(qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg")),
                 {"-nostdin", "-v", "error", "-i", file, "-frames:v", "1", "-vf",
                  "scale=in_color_matrix=auto:in_range=auto:flags=accurate_rnd+full_chroma_int,format=rgb24",
                  "-f", "rawvideo", "-"});
    QVERIFY(ffmpeg.waitForFinished(30000));
    const QByteArray raw = ffmpeg.readAllStandardOutput();
    QCOMPARE(raw.size(), 64 * 64 * 3);
    const int at = (32 * 64 + 32) * 3;
    const std::array<int, 3> expected{uint8_t(raw[at]), uint8_t(raw[at + 1]), uint8_t(raw[at + 2])};
    FrameDecoder display(file);
    const auto shown = centre(display.frame(0));
    DecoderOptions options;
    options.color = ColorConversion::Reference;
    FrameDecoder reference(file, options);
    const auto ref = centre(reference.frame(0));
    qInfo("ffmpeg %d %d %d, display %d %d %d, reference (BT.601 assumed) %d %d %d", expected[0], expected[1],
          expected[2], shown[0], shown[1], shown[2], ref[0], ref[1], ref[2]);
    int display_error = 0;
    int reference_error = 0;
    for (int c = 0; c < 3; ++c) {
      display_error = std::max(display_error, std::abs(shown[c] - expected[c]));
      reference_error = std::max(reference_error, std::abs(ref[c] - expected[c]));
    }
    QVERIFY2(display_error <= 3, qPrintable(QString::number(display_error)));
    // Reference mode assumes BT.601 limited range like PyAV; on other tags it must differ, which
    // shows the display path really applies the stream's matrix and range.
    if (!file.contains(QStringLiteral("601_tv"))) {
      QVERIFY2(reference_error >= 8, qPrintable(QString::number(reference_error)));
    }
  }

  // The player's reduced frames: one swscale pass straight to the asked size. Every frame is
  // still itself, and full-size frames asked for in between are byte-identical to those of a
  // decoder that never scaled (the full-size path and its cache are untouched).
  void scaledFramesAreThemselvesAndLeaveFullFramesExact() {
    DecoderOptions options;
    options.cache_budget_mb = 8;
    FrameDecoder mixed(clip("h264_gop250.mp4"), options);
    FrameDecoder plain(clip("h264_gop250.mp4"), options);
    std::vector<int64_t> order(260);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(11));
    order.resize(60);
    double worst = 0;
    for (int64_t n : order) {
      const FramePtr small = mixed.frame(n, 64, 48);
      QCOMPARE(small->index, n);
      QCOMPARE(small->image.width, 64);
      QCOMPARE(small->image.height, 48);
      QCOMPARE(readBarcode(small->image), int(n));
      const FramePtr full = mixed.frame(n);
      QCOMPARE(full->image.width, 128);
      QVERIFY(full->image.pixels == plain.frame(n)->image.pixels);
      // Against the full frame reduced with swscale's 2:1 bilinear filter, a tent over 4 pixels
      // (weights 1 3 3 1, edges clamped): the same picture through the same kind of filter.
      auto tap = [](int i, int size) { return std::clamp(i, 0, size - 1); };
      const int weights[4] = {1, 3, 3, 1};
      // Grey levels: the unscaled converter takes chroma by nearest sample, the scaling one
      // interpolates it, so colour edges of the test pattern differ more than brightness.
      double diff = 0;
      for (int y = 0; y < 48; ++y) {
        for (int x = 0; x < 64; ++x) {
          int sum = 0;
          int ours = 0;
          for (int c = 0; c < 3; ++c) {
            for (int j = 0; j < 4; ++j) {
              for (int i = 0; i < 4; ++i) {
                sum += weights[j] * weights[i] *
                       full->image.row(tap(2 * y - 1 + j, 96))[3 * tap(2 * x - 1 + i, 128) + c];
              }
            }
            ours += small->image.row(y)[3 * x + c];
          }
          diff += std::abs(sum / 64.0 - ours) / 3.0;
        }
      }
      diff /= 64.0 * 48.0;
      worst = std::max(worst, diff);
      QVERIFY2(diff < 4.0, qPrintable(QStringLiteral("frame %1: mean |diff| %2").arg(n).arg(diff)));
    }
    qInfo("worst mean |diff| against the tent-reduced full frame: %.2f", worst);
    // Another size: the scaled cache follows; the full size asked as "scaled" is the full frame.
    QCOMPARE(mixed.frame(5, 32, 24)->image.width, 32);
    QVERIFY(mixed.frame(5, 128, 96)->image.pixels == plain.frame(5)->image.pixels);
    try {
      mixed.frame(0, 0, 24);
      QFAIL("no error");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Usage);
    }
  }

  void scaledFramesKeepTheStreamsColourAndRotation_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("bt709 limited") << clip("color_709_tv.mp4");
    QTest::newRow("bt709 full") << clip("color_709_pc.mp4");
    QTest::newRow("bt601 limited") << clip("color_601_tv.mp4");
  }

  void scaledFramesKeepTheStreamsColourAndRotation() {
    QFETCH(QString, file);
    FrameDecoder decoder(file);
    const FramePtr full = decoder.frame(0);
    const FramePtr small = decoder.frame(0, 16, 16);
    QCOMPARE(small->image.width, 16);
    for (int c = 0; c < 3; ++c) {
      const int a = full->image.row(32)[32 * 3 + c];
      const int b = small->image.row(8)[8 * 3 + c];
      QVERIFY2(std::abs(a - b) <= 2, qPrintable(QStringLiteral("channel %1: %2 vs %3").arg(c).arg(a).arg(b)));
    }
    FrameDecoder rotated(clip("rot90.mp4"));
    const QImage whole =
        toQImage(rotated.frame(0)).scaled(60, 160, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const FramePtr reduced = rotated.frame(0, 60, 160);
    QCOMPARE(reduced->image.width, 60);
    QCOMPARE(reduced->image.height, 160);
    const QImage ours = toQImage(reduced);
    double diff = 0;
    for (int y = 0; y < 160; ++y) {
      for (int x = 0; x < 60; ++x) {
        diff += std::abs(qGray(ours.pixel(x, y)) - qGray(whole.pixel(x, y)));
      }
    }
    diff /= 60.0 * 160.0;
    QVERIFY2(diff < 6.0, qPrintable(QString::number(diff)));  // unrotated it differs by ~100
  }

  void outOfRangeIsAUsageError() {
    FrameDecoder decoder(clip("h264_bframes.mp4"));
    for (int64_t n : {int64_t(-1), int64_t(48), int64_t(1) << 40}) {
      try {
        decoder.frame(n);
        QFAIL("no error");
      } catch (const vs::Error& e) {
        QCOMPARE(e.kind(), vs::Error::Kind::Usage);
      }
    }
  }

  void rotationMatchesFfmpeg() {
    FrameDecoder decoder(clip("rot90.mp4"));
    QCOMPARE(decoder.info().rotation_deg % 180, 90);
    QCOMPARE(decoder.width(), 120);
    QCOMPARE(decoder.height(), 320);
    // The ffmpeg program auto-rotates (and applies no SAR), so compare with a 120x160 reference.
    const QString png = qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/rot90_ffmpeg.png");
    QDir().mkpath(qEnvironmentVariable("VS_TEST_TMP"));
    const QString ffmpeg = qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg"));
    QCOMPARE(QProcess::execute(ffmpeg, {"-nostdin", "-v", "error", "-y", "-i", clip("rot90.mp4"), "-frames:v",
                                        "1", "-pix_fmt", "rgb24", png}),
             0);
    QImage reference(png);
    QCOMPARE(reference.size(), QSize(120, 160));
    const QImage ours =
        toQImage(decoder.frame(0)).scaled(120, 160, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double diff = 0;
    for (int y = 0; y < 160; ++y) {
      for (int x = 0; x < 120; ++x) {
        diff += std::abs(qGray(ours.pixel(x, y)) - qGray(reference.pixel(x, y)));
      }
    }
    diff /= 120.0 * 160.0;
    qInfo("mean |gray diff| vs ffmpeg's rotated frame: %.2f", diff);
    QVERIFY(diff < 12.0);  // a wrong rotation differs by ~100
  }

  void truncatedFileDecodesWhatIsThere() {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QDir().mkpath(dir);
    QFile whole(clip("faststart.mp4"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = dir + QStringLiteral("/truncated.mp4");
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() * 6 / 10));
    out.close();
    FrameDecoder decoder(cut);
    QVERIFY(decoder.frameCount() > 0);
    int decoded = 0;
    int failed = 0;
    for (int64_t n = decoder.frameCount() - 1; n >= 0; --n) {  // worst order: from the missing end
      try {
        QCOMPARE(readBarcode(decoder.frame(n)->image), int(n));
        ++decoded;
      } catch (const vs::Error& e) {
        QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
        ++failed;
      }
    }
    qInfo("truncated: %d frames indexed, %d decode, %d reported", int(decoder.frameCount()), decoded, failed);
    QVERIFY(decoded > 10);
    QVERIFY(decoded < 48);
  }

  void notVideoIsInvalidData_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("this is a text file, not a video\n");
    QTest::newRow("empty") << QByteArray();
    QByteArray noise(4096, '\0');
    std::mt19937 rng(3);
    for (char& c : noise) {
      c = char(rng());
    }
    QTest::newRow("noise") << noise;
  }

  void notVideoIsInvalidData() {
    QFETCH(QByteArray, content);
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/not_video.mp4");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    try {
      FrameDecoder decoder(path);
      QFAIL("opened");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
      QVERIFY(e.where().contains(QStringLiteral("not_video.mp4")));
    }
  }

  void missingFileIsIo() {
    try {
      FrameDecoder decoder(QStringLiteral("/nonexistent/clip.mp4"));
      QFAIL("opened");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Io);
    }
  }
};

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "test_frame_decoder.moc"
