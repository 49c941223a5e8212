// core/library/media_report.cpp: probe, check-media and sample reports of a clip written by the
// ffmpeg program (64x48, 8 fps, 16 frames): the facts ffmpeg was told to write, the text layout
// (written out by hand) and the model's grid worked out from qwen-vl-utils' rules; the dumped
// tensors read back with the safetensors reader; a frame's PNG read back against the decoder.
#include <QtTest>
#include <cstring>

#include "core/domain/error.h"
#include "core/library/media_report.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"
#include "inference/safetensors/safetensors_file.h"
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

  void dumpedTensors() {
    media::SamplerConfig config;
    config.nframes = 4;
    const media::SampledVideo s = media::sampleVideo(clip_, config, media::SampleOutput::Patches);
    const QString path = QFileInfo(clip_).path() + QStringLiteral("/dump.safetensors");
    writeSampleTensors(s, path);
    const auto file = safetensors::SafetensorsFile::open(path.toStdString());
    const safetensors::TensorView* pixels = file.find("pixel_values_videos");
    QVERIFY(pixels != nullptr);
    QCOMPARE(pixels->dtype, safetensors::Dtype::F32);
    QCOMPARE(pixels->shape, (std::vector<int64_t>{s.pixels.rows, s.pixels.cols}));
    std::vector<float> values(s.pixels.values.size());
    std::memcpy(values.data(), pixels->data, values.size() * sizeof(float));
    QCOMPARE(values, s.pixels.values);
    const safetensors::TensorView* grid = file.find("video_grid_thw");
    QVERIFY(grid != nullptr);
    QCOMPARE(grid->dtype, safetensors::Dtype::I64);
    QCOMPARE(grid->shape, (std::vector<int64_t>{1, 3}));
    int64_t thw[3];
    std::memcpy(thw, grid->data, sizeof thw);
    QCOMPARE((std::vector<int64_t>(thw, thw + 3)),
             (std::vector<int64_t>(s.pixels.grid_thw.begin(), s.pixels.grid_thw.end())));
    QStringList indices;
    for (int64_t i : s.indices)
      indices << QString::number(i);
    QCOMPARE(QString::fromStdString(file.metadata().at("indices")), indices.join(QLatin1Char(',')));
    QCOMPARE(std::stod(file.metadata().at("second_per_grid_ts")), s.second_per_grid_t);
    try {
      writeSampleTensors(s, clip_ + QStringLiteral("/below-a-file.safetensors"));
      QFAIL("wrote below a file");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Io);
    }
  }

  void framePng() {
    const QString png = QFileInfo(clip_).path() + QStringLiteral("/frame.png");
    writeFramePng(clip_, 11, png);
    const QImage image(png);
    QCOMPARE(image.size(), QSize(64, 48));
    media::FrameDecoder decoder(clip_, media::DecoderOptions{});
    QCOMPARE(image.convertToFormat(QImage::Format_RGB888), media::toQImage(decoder.frame(11)));
    QVERIFY(image != media::toQImage(decoder.frame(3)).convertToFormat(image.format()));
    QVERIFY_THROWS_EXCEPTION(Error, writeFramePng(clip_, 16, png));  // 16 frames: 0..15
    try {
      writeFramePng(clip_, 0, clip_ + QStringLiteral("/below-a-file.png"));
      QFAIL("wrote below a file");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Io);
      QCOMPARE(e.full(), clip_ + QStringLiteral("/below-a-file.png: cannot write PNG"));
    }
  }
};

QTEST_GUILESS_MAIN(TestMediaReport)
#include "test_media_report.moc"
