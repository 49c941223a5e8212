// vscore probe | frame | sample end to end: output fields, exit codes, PNG and safetensors files.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "barcode.h"
#include "core/media/video_frame.h"

static QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

struct Run {
  int code = -1;
  QByteArray out;
  QByteArray err;
};

static Run vscore(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral(VS_BINARY_DIR "/app/vscore/vscore"), args);
  p.waitForFinished(60000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
          p.readAllStandardError()};
}

class TestMediaCli : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QDir().mkpath(qEnvironmentVariable("VS_TEST_TMP")); }

  void probeJson() {
    const Run r = vscore({"probe", clip("start_time.ts"), "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const char* key :
         {"frames", "width", "height", "fps", "duration", "codec", "pix_fmt", "start_time", "vfr"}) {
      QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    QCOMPARE(o.value("frames").toInt(), 50);
    QCOMPARE(o.value("fps").toDouble(), 25.0);
    QCOMPARE(o.value("codec").toString(), QStringLiteral("h264"));
    QVERIFY(o.value("start_time").toDouble() > 1.0);
    QCOMPARE(o.value("vfr").toBool(), false);
  }

  void frameWritesThatFrame() {
    const QString png = qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/f.png");
    for (int n : {0, 137, 259}) {
      const Run r = vscore({"frame", clip("h264_gop250.mp4"), "--index", QString::number(n), "--out", png});
      QCOMPARE(r.code, 0);
      QImage img = QImage(png).convertToFormat(QImage::Format_RGB888);
      QCOMPARE(img.size(), QSize(128, 96));
      vs::media::RgbImage rgb(img.width(), img.height());
      for (int y = 0; y < img.height(); ++y) {
        std::memcpy(rgb.row(y), img.constScanLine(y), size_t(img.width()) * 3);
      }
      QCOMPARE(vs::media::test::readBarcode(rgb), n);
    }
    const Run sar = vscore({"frame", clip("sar2.mp4"), "--index", "3", "--out", png});
    QCOMPARE(sar.code, 0);
    QCOMPARE(QImage(png).size(), QSize(320, 120));  // display size
  }

  void sampleJsonAndDump() {
    const QString st = qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/pv.safetensors");
    const Run r = vscore(
        {"sample", QStringLiteral(VS_TEST_DATA_DIR "/media/sampler_clip.mp4"), "--json", "--dump", st});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value("total_frames").toInt(), 40);
    QCOMPARE(o.value("video_fps").toDouble(), 12.0);
    QCOMPARE(o.value("nframes").toInt(), 6);
    QCOMPARE(o.value("indices").toArray(), (QJsonArray{0, 8, 16, 23, 31, 39}));
    QCOMPARE(o.value("height").toInt(), 252);
    QCOMPARE(o.value("width").toInt(), 448);
    QCOMPARE(o.value("grid_thw").toArray(), (QJsonArray{3, 18, 32}));
    // safetensors: u64 header length, JSON header, data.
    QFile f(st);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    quint64 header_len = 0;
    std::memcpy(&header_len, bytes.constData(), 8);
    const QJsonObject header = QJsonDocument::fromJson(bytes.mid(8, qsizetype(header_len))).object();
    const QJsonObject pv = header.value("pixel_values_videos").toObject();
    QCOMPARE(pv.value("dtype").toString(), QStringLiteral("F32"));
    QCOMPARE(pv.value("shape").toArray(), (QJsonArray{1728, 1176}));
    const qint64 begin = pv.value("data_offsets").toArray()[0].toInteger();
    float first = 0;
    std::memcpy(&first, bytes.constData() + 8 + header_len + begin, 4);
    QVERIFY(std::abs(first - -1.7922625541687012) < 1e-5);  // from sampler_reference.json
    QCOMPARE(header.value("video_grid_thw").toObject().value("dtype").toString(), QStringLiteral("I64"));
  }

  void brokenInputsExitCleanly() {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QFile text(dir + QStringLiteral("/text.mp4"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a video\n");
    text.close();
    for (const QString& cmd : {QStringLiteral("probe"), QStringLiteral("sample")}) {
      const Run r = vscore({cmd, text.fileName()});
      QCOMPARE(r.code, 3);
      QVERIFY(r.err.startsWith("vscore: error: "));
      QVERIFY(r.err.contains("text.mp4"));
      QCOMPARE(r.err.count('\n'), 1);
    }
    QCOMPARE(vscore({"probe", dir + QStringLiteral("/missing.mp4")}).code, 1);
    QCOMPARE(vscore({"frame", clip("hevc.mp4"), "--index", "40", "--out", dir + "/x.png"}).code, 2);
    QCOMPARE(vscore({"frame", clip("hevc.mp4"), "--index", "x", "--out", dir + "/x.png"}).code, 2);
    QCOMPARE(vscore({"probe"}).code, 2);
    QCOMPARE(vscore({"sample", clip("hevc.mp4"), "--fps", "-1"}).code, 2);
    // One frame is too short for the sampler: a clear invalid-data error.
    const QString one = dir + QStringLiteral("/one.mp4");
    const QString ffmpeg = qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg"));
    QCOMPARE(QProcess::execute(
                 ffmpeg, {"-nostdin", "-v", "error", "-y", "-i", clip("hevc.mp4"), "-frames:v", "1", one}),
             0);
    const Run short_clip = vscore({"sample", one});
    QCOMPARE(short_clip.code, 3);
    QVERIFY(short_clip.err.contains("too short"));
  }

  void truncatedFileSucceedsWithAWarning() {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP");
    QFile whole(clip("faststart.mp4"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QFile cut(dir + QStringLiteral("/cut.mp4"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() / 2));
    cut.close();
    const Run r = vscore({"probe", cut.fileName(), "--json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.contains("vscore: warning:"));
    QVERIFY(QJsonDocument::fromJson(r.out).object().value("frames").toInt() < 48);
  }
};

QTEST_GUILESS_MAIN(TestMediaCli)
#include "test_media_cli.moc"
