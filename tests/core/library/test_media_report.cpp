// core/library/media_report.cpp: probe, check-media and sample reports of a clip written by the
// ffmpeg program (64x48, 8 fps, 16 frames): the facts ffmpeg was told to write, the text layout
// (written out by hand) and the model's grid worked out from qwen-vl-utils' rules.
#include <QtTest>

#include "core/library/media_report.h"
#include "library_fixture.h"

using namespace vs;
using namespace vs::library;

class TestMediaReport : public QObject {
  Q_OBJECT
  QString clip_;

 private slots:
  void initTestCase() {
    clip_ = test::freshDir(QStringLiteral("media_report")) + QStringLiteral("/clip.mp4");
    QVERIFY(test::makeClip(clip_, 16));
  }

  void probe() {
    const media::MediaInfo info = media::probe(clip_, media::ProbeDepth::Decode);
    const QJsonObject o = probeJson(info);
    QCOMPARE(o.value(QStringLiteral("width")).toInt(), 64);
    QCOMPARE(o.value(QStringLiteral("height")).toInt(), 48);
    QCOMPARE(o.value(QStringLiteral("frames")).toInt(), 16);
    QCOMPARE(o.value(QStringLiteral("codec")).toString(), QStringLiteral("h264"));
    QVERIFY(!o.contains(QStringLiteral("warning")));
    const QStringList lines = probeText(info).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), o.size());
    QVERIFY(lines.contains(QStringLiteral("frames: 16")));
    QVERIFY(lines.contains(QStringLiteral("audio: false")));
    QCOMPARE(lines.first(), QStringLiteral("audio: false"));  // keys in order
  }

  void check() {
    const media::MediaCheck check = media::checkMedia(clip_);
    QVERIFY(check.exact());
    QVERIFY(mediaCheckJson(check).value(QStringLiteral("exact")).toBool());
    QVERIFY(!mediaCheckJson(check).contains(QStringLiteral("problem")));
    QVERIFY2(mediaCheckText(check).startsWith(clip_ + QStringLiteral(": h264, 16 frames, 8 fps (")),
             qPrintable(mediaCheckText(check)));
    QVERIFY(mediaCheckText(check).endsWith(QStringLiteral(" out-of-order reads: exact\n")));
    QCOMPARE(unreadableText(QStringLiteral("x.mp4"), QStringLiteral("why")),
             QStringLiteral("x.mp4: cannot read: why\n"));
    QCOMPARE(unreadableJson(QStringLiteral("x.mp4"), QStringLiteral("why"))
                 .value(QStringLiteral("exact"))
                 .toBool(true),
             false);
  }

  void sample() {
    media::SamplerConfig config;
    config.nframes = 4;
    const media::SampledVideo s = media::sampleVideo(clip_, config, media::SampleOutput::IndicesOnly);
    const QJsonObject o = sampleJson(clip_, s, config);
    QCOMPARE(o.value(QStringLiteral("nframes")).toInt(), 4);
    QCOMPARE(o.value(QStringLiteral("indices")).toArray().size(), 4);
    // 64x48 is below min_pixels, so it is scaled up to a multiple of 28 (patch 14 x merge 2):
    // grid (4 frames / temporal patch 2, h / 14, w / 14); tokens = product / merge^2.
    const int h = o.value(QStringLiteral("height")).toInt(), w = o.value(QStringLiteral("width")).toInt();
    QCOMPARE(h % 28, 0);
    QCOMPARE(w % 28, 0);
    QCOMPARE(o.value(QStringLiteral("grid_thw")).toArray(), (QJsonArray{2, h / 14, w / 14}));
    QCOMPARE(o.value(QStringLiteral("video_tokens")).toInt(), 2 * (h / 14) * (w / 14) / 4);
  }
};

QTEST_GUILESS_MAIN(TestMediaReport)
#include "test_media_report.moc"
