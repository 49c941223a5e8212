#include <QDir>
#include <QFile>
#include <QtTest>

#include "core/domain/error.h"
#include "core/media/probe.h"

using namespace vs::media;

static QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

class TestProbe : public QObject {
  Q_OBJECT

 private slots:
  void streamFacts_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("pix_fmt");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("fps");
    QTest::addColumn<bool>("vfr");
    QTest::addColumn<bool>("audio");
    QTest::newRow("h264") << clip("h264_bframes.mp4") << "h264"
                          << "yuv420p" << 48 << 160 << 120 << 24.0 << false << false;
    QTest::newRow("10-bit") << clip("h264_10bit.mp4") << "h264"
                            << "yuv420p10le" << 30 << 160 << 120 << 24.0 << false << false;
    QTest::newRow("hevc") << clip("hevc.mp4") << "hevc"
                          << "yuv420p" << 40 << 160 << 120 << 24.0 << false << false;
    QTest::newRow("vp9") << clip("vp9_odd.webm") << "vp9"
                         << "yuv420p" << 40 << 99 << 71 << 24.0 << false << false;
    QTest::newRow("av1") << clip("av1.mkv") << "av1"
                         << "yuv420p" << 24 << 160 << 120 << 24.0 << false << false;
    QTest::newRow("mpeg4") << clip("mpeg4.mp4") << "mpeg4"
                           << "yuv420p" << 40 << 160 << 120 << 24.0 << false << false;
    QTest::newRow("444 odd") << clip("odd_yuv444.mp4") << "h264"
                             << "yuv444p" << 30 << 97 << 61 << 24.0 << false << false;
    QTest::newRow("vfr") << clip("vfr.mkv") << "h264"
                         << "yuv420p" << 60 << 160 << 120 << 24.0 << true << false;
    QTest::newRow("sar") << clip("sar2.mp4") << "h264"
                         << "yuv420p" << 12 << 320 << 120 << 24.0 << false << false;
    QTest::newRow("rotated") << clip("rot90.mp4") << "h264"
                             << "yuv420p" << 12 << 120 << 320 << 24.0 << false << false;
    QTest::newRow("audio") << clip("audio.mp4") << "h264"
                           << "yuv420p" << 24 << 160 << 120 << 24.0 << false << true;
  }

  void streamFacts() {
    QFETCH(QString, file);
    QFETCH(QString, codec);
    QFETCH(QString, pix_fmt);
    QFETCH(int, frames);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, fps);
    QFETCH(bool, vfr);
    QFETCH(bool, audio);
    for (ProbeDepth depth : {ProbeDepth::Packets, ProbeDepth::Decode}) {
      const MediaInfo info = probe(file, depth);
      QCOMPARE(info.codec, codec);
      QCOMPARE(info.pix_fmt, pix_fmt);
      QCOMPARE(info.frames, int64_t(frames));
      QCOMPARE(info.width, width);
      QCOMPARE(info.height, height);
      if (!vfr) {
        QCOMPARE(info.avg_fps, fps);
        QVERIFY(std::abs(info.duration_s - frames / fps) < 0.1);
      }
      QCOMPARE(info.rate_mode == FrameRateMode::Variable, vfr);
      QCOMPARE(info.has_audio, audio);
      QCOMPARE(info.frames_decoded, depth == ProbeDepth::Decode);
      QVERIFY(info.warning.isEmpty());
    }
  }

  void startTime() {
    const MediaInfo info = probe(clip("start_time.ts"));
    QCOMPARE(info.container, QStringLiteral("mpegts"));
    QVERIFY2(info.start_time_s > 1.0 && info.start_time_s < 2.0,
             qPrintable(QString::number(info.start_time_s)));
    QCOMPARE(info.frames, int64_t(50));
    QCOMPARE(info.avg_fps, 25.0);
  }

  void truncatedFileWarns() {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QDir().mkpath(dir);
    QFile whole(clip("faststart.mp4"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = dir + QStringLiteral("/truncated.mp4");
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() / 2));
    out.close();
    const MediaInfo info = probe(cut, ProbeDepth::Decode);
    QVERIFY(info.frames > 0);
    QVERIFY(info.frames < 48);
    QVERIFY(!info.warning.isEmpty());
  }

  void contentKeyIsStable() {
    const QString a = contentKey(clip("h264_bframes.mp4"));
    QCOMPARE(a.size(), 40);
    QCOMPARE(contentKey(clip("h264_bframes.mp4")), a);
    QVERIFY(contentKey(clip("hevc.mp4")) != a);
  }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "test_probe.moc"
