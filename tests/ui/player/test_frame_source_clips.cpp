// The player's frame source on hard clips (open GOP, Matroska without cues, Ogg Theora, a stream
// with damaged slices): every picture it delivers while stepping forward, stepping backward and
// seeking at random must be the picture the ffmpeg program decodes for that frame. The reference
// is the ffmpeg program's own sequential decode written losslessly (FFV1, every frame a key
// frame; its framemd5 must equal the clip's), shown through a second frame source at the same
// tile size, so both pictures go through the same conversion and scaling and must be equal.
#include <QtTest>

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <numeric>
#include <random>

#include "tests/core/media/ffmpeg_framemd5.h"
#include "ui/player/frame_source.h"

using namespace vs::ui;
using vs::media::test::ffmpegFrameMd5;

namespace {

QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

// The ffmpeg program's decode of `file`, every picture as decoded, into lossless intra-only FFV1.
QString losslessDecode(const QString& file, const QString& out, bool single_threaded) {
  QStringList args{"-nostdin", "-v", "error", "-y", "-noautorotate"};
  if (single_threaded) {
    args << QStringLiteral("-threads") << QStringLiteral("1");
  }
  args << QStringList{"-i",   file,   "-map", "0:v:0", "-fps_mode", "passthrough",
                      "-c:v", "ffv1", "-g",   "1",     out};
  QProcess ffmpeg;
  ffmpeg.start(qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg")), args);
  if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
    return QString::fromLocal8Bit(ffmpeg.readAllStandardError());
  }
  return {};
}

// One frame source and the pictures it delivered for the current geometry.
class Viewer : public QObject {
 public:
  Viewer(const QString& path, qint64 fill_budget)
      : source_(std::make_unique<FrameSource>(0, path, std::make_shared<ReadAheadGate>())) {
    source_->setFillBudget(fill_budget);
    connect(source_.get(), &FrameSource::opened, this,
            [this](int, const vs::ui::ClipProbe& probe) { frames_ = probe.frames; });
    connect(source_.get(), &FrameSource::failed, this, [this](int, const QString& m) { error_ = m; });
    connect(source_.get(), &FrameSource::frameReady, this,
            [this](int, qint64 index, quint64, const QImage& image, const QRect&) {
              delivered_.push_back({index, image});
            });
    source_->start();
  }

  FrameSource& source() { return *source_; }
  qint64 frames() const { return frames_; }
  const QString& error() const { return error_; }

  // Asks for `index` as the player does (dropping any earlier picture of it) and returns every
  // picture delivered until `index` came, the read-ahead included.
  std::vector<std::pair<qint64, QImage>> show(qint64 index, int direction, int ahead) {
    delivered_.clear();
    source_->forget({index});
    FrameRequest r;
    r.anchor = index;
    r.direction = direction;
    r.ahead = ahead;
    r.tile = QSize(160, 120);
    r.geometry_gen = 1;
    source_->request(r);
    auto has = [&] {
      for (const auto& d : delivered_) {
        if (d.first == index)
          return true;
      }
      return false;
    };
    QElapsedTimer waited;
    waited.start();
    while (!has() && error_.isEmpty() && waited.elapsed() < 20000) {
      QTest::qWait(2);
    }
    return delivered_;
  }

 private:
  std::unique_ptr<FrameSource> source_;
  std::vector<std::pair<qint64, QImage>> delivered_;
  qint64 frames_ = -1;
  QString error_;
};

}  // namespace

class TestFrameSourceClips : public QObject {
  Q_OBJECT

 private slots:
  void stepsAndSeeksShowTheFfmpegDecode_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("damaged");
    QTest::addColumn<qint64>("fill");  // fill pass budget (0: every picture decoded on request)
    for (const qint64 fill : {qint64(0), qint64(96) << 20}) {
      const char* how = fill ? ", fill pass" : "";
      QTest::addRow("x264 open GOP%s", how) << clip("ra_open_gop.mp4") << false << fill;
      QTest::addRow("mpeg-4 mkv without cues%s", how) << clip("ra_mpeg4_nocues.mkv") << false << fill;
      QTest::addRow("ogg theora%s", how) << clip("ra_theora.ogv") << false << fill;
      QTest::addRow("x264 damaged slices%s", how) << clip("ra_damaged.mp4") << true << fill;
    }
  }

  void stepsAndSeeksShowTheFfmpegDecode() {
    QFETCH(QString, file);
    QFETCH(bool, damaged);
    QFETCH(qint64, fill);
    const QStringList md5 = ffmpegFrameMd5(file, damaged);
    QVERIFY2(md5.size() > 5, qPrintable(file));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString lossless = dir.filePath(QStringLiteral("reference.mkv"));
    QCOMPARE(losslessDecode(file, lossless, damaged), QString());
    QCOMPARE(ffmpegFrameMd5(lossless), md5);  // the reference holds exactly the ffmpeg program's pictures
    const qint64 frames = md5.size();

    std::vector<QImage> expected(static_cast<size_t>(frames));
    {
      Viewer reference(lossless, 0);
      for (qint64 n = 0; n < frames; ++n) {
        for (const auto& [index, image] : reference.show(n, 1, 0)) {
          if (index == n)
            expected[size_t(n)] = image;
        }
        QVERIFY2(!expected[size_t(n)].isNull(), qPrintable(QStringLiteral("reference frame %1").arg(n)));
      }
      QCOMPARE(reference.frames(), frames);
    }
    QVERIFY(expected[0] != expected[1] && expected[1] != expected[2]);  // pictures tell frames apart

    Viewer player(file, fill);
    int wrong = 0;
    QString first;
    auto check = [&](const char* how, qint64 n, int direction, int ahead) {
      const auto got = player.show(n, direction, ahead);
      if (std::none_of(got.begin(), got.end(), [&](const auto& d) { return d.first == n; })) {
        if (wrong++ == 0)
          first = QStringLiteral("%1: frame %2 never came").arg(how).arg(n);
      }
      for (const auto& [index, image] : got) {
        if (index < 0 || index >= frames || image != expected[size_t(index)]) {
          if (wrong++ == 0)
            first = QStringLiteral("%1: frame %2 (asked for %3)").arg(how).arg(index).arg(n);
        }
      }
    };
    if (fill > 0) {
      QSignalSpy complete(&player.source(), &FrameSource::fillComplete);
      check("first", 0, 1, 0);
      QTRY_VERIFY_WITH_TIMEOUT(complete.count() == 1, 60000);
      QCOMPARE(player.source().fillStatus().filled, frames);
    }
    for (qint64 n = 0; n < frames && !QTest::currentTestFailed(); ++n)
      check("step +1", n, 1, 2);
    for (qint64 n = frames - 1; n >= 0 && !QTest::currentTestFailed(); --n)
      check("step -1", n, -1, 2);
    std::vector<qint64> order(static_cast<size_t>(frames));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(13));
    for (qint64 n : order) {
      if (QTest::currentTestFailed())
        break;
      check("seek", n, 1, 0);
    }
    QCOMPARE(player.error(), QString());
    QCOMPARE(player.frames(), frames);
    QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1 pictures differ, first %2").arg(wrong).arg(first)));
  }
};

QTEST_MAIN(TestFrameSourceClips)
#include "test_frame_source_clips.moc"
