// Seek indexes kept beyond one decoder: a decoder opened with the bytes another one handed out
// skips the index pass and knows the same frames, and the bytes are refused (the pass is made)
// once the file is not the one they describe: another size, other content under a new time,
// another stream, damaged bytes. A copy with a new time but the same content keeps its index.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

#include "core/media/frame_decoder.h"
#include "core/media/kept_index.h"
#include "core/media/probe.h"
#include "core/media/seek_index.h"
#include "ffmpeg_framemd5.h"

using namespace vs::media;
using vs::media::test::ffmpegFrameMd5;

namespace {

QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

DecoderOptions withIndex(const QByteArray& bytes) {
  DecoderOptions options;
  options.cache_budget_mb = 0;
  options.seek_index = bytes;
  options.use_remembered_index = false;
  return options;
}

DecoderOptions noBook() {
  DecoderOptions options;
  options.cache_budget_mb = 0;
  options.use_remembered_index = false;
  return options;
}

bool copyWithTime(const QString& from, const QString& to, const QDateTime& time) {
  QFile::remove(to);
  if (!QFile::copy(from, to)) {
    return false;
  }
  QFile f(to);
  return f.open(QIODevice::ReadWrite) && f.setFileTime(time, QFileDevice::FileModificationTime);
}

}  // namespace

class TestSeekIndex : public QObject {
  Q_OBJECT

 private slots:
  void init() { forgetSeekIndexes(); }

  void keptIndexKnowsTheSameFrames_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("x264 open GOP in mkv") << clip("ra_open_gop.mkv");
    QTest::newRow("mpeg-4 part 2 mkv without cues") << clip("ra_mpeg4_nocues.mkv");
    QTest::newRow("mpeg-4 part 2 avi (no pts)") << clip("mpeg4.avi");
    QTest::newRow("ogg theora (no frame rate)") << clip("ra_theora.ogv");
    QTest::newRow("vfr phone rotated (repeated pts)") << clip("ra_phone_vfr.mp4");
    QTest::newRow("edit list start offset") << clip("ra_editlist.mp4");
    QTest::newRow("ts start time") << clip("start_time.ts");
  }

  // Same count, times and facts as the pass, and every frame as the ffmpeg program decodes it.
  void keptIndexKnowsTheSameFrames() {
    QFETCH(QString, file);
    const QStringList reference = ffmpegFrameMd5(file);
    QVERIFY2(reference.size() > 5, qPrintable(file));
    FrameDecoder made(file, noBook());
    QCOMPARE(made.stats().index_passes, int64_t(1));
    const QByteArray bytes = made.seekIndex();
    QVERIFY(!bytes.isEmpty());

    FrameDecoder kept(file, withIndex(bytes));
    QCOMPARE(kept.stats().index_passes, int64_t(0));
    QCOMPARE(kept.frameCount(), int64_t(reference.size()));
    QCOMPARE(kept.frameCount(), made.frameCount());
    QVERIFY(kept.frameTimes() == made.frameTimes());
    const MediaInfo& a = made.info();
    const MediaInfo& b = kept.info();
    QCOMPARE(b.frames, a.frames);
    QCOMPARE(b.fps, a.fps);
    QVERIFY(b.fps_source == a.fps_source);
    QCOMPARE(b.duration_s, a.duration_s);
    QCOMPARE(b.start_time_s, a.start_time_s);
    QVERIFY(b.rate_mode == a.rate_mode);
    QCOMPARE(b.width, a.width);
    QCOMPARE(b.height, a.height);
    QCOMPARE(b.rotation_deg, a.rotation_deg);
    QCOMPARE(b.warning, a.warning);

    std::vector<int64_t> order(static_cast<size_t>(reference.size()));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(11));
    for (int64_t n : order) {
      QCOMPARE(QString::fromLatin1(kept.pictureMd5(n)), reference[static_cast<int>(n)]);
    }
  }

  // The book: a second opening of a file in this process makes no pass; forgetting brings it back.
  void theBookSparesTheSecondPass() {
    const QString file = clip("h264_bframes.mp4");
    QCOMPARE(FrameDecoder(file).stats().index_passes, int64_t(1));
    QCOMPARE(FrameDecoder(file).stats().index_passes, int64_t(0));
    QCOMPARE(probe(file).frames, FrameDecoder(file).frameCount());
    forgetSeekIndexes();
    QCOMPARE(FrameDecoder(file).stats().index_passes, int64_t(1));
    // Bytes handed out by a decoder go into the book too.
    forgetSeekIndexes();
    rememberSeekIndex(file, FrameDecoder(file, noBook()).seekIndex());
    QCOMPARE(FrameDecoder(file).stats().index_passes, int64_t(0));
  }

  void aStaleIndexIsRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("clip.mp4"));
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000);
    QVERIFY(copyWithTime(clip("h264_bframes.mp4"), path, t0));
    const QByteArray bytes = FrameDecoder(path, noBook()).seekIndex();
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(FrameDecoder(path, withIndex(bytes)).stats().index_passes, int64_t(0));

    // A copy: new time, same content (the content key matches).
    QVERIFY(copyWithTime(clip("h264_bframes.mp4"), path, t0.addSecs(3600)));
    QCOMPARE(FrameDecoder(path, withIndex(bytes)).stats().index_passes, int64_t(0));

    // Same size and a new time, other content: one byte changed in the middle.
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::ReadWrite));
      f.seek(f.size() / 2);
      char c = 0;
      QVERIFY(f.getChar(&c));
      f.seek(f.size() / 2);
      QVERIFY(f.putChar(static_cast<char>(c ^ 0x55)));
      f.close();
      QVERIFY(f.open(QIODevice::ReadWrite));
      QVERIFY(f.setFileTime(t0.addSecs(7200), QFileDevice::FileModificationTime));
    }
    QCOMPARE(FrameDecoder(path, withIndex(bytes)).stats().index_passes, int64_t(1));

    // Another clip under the same name and time: another size.
    QVERIFY(copyWithTime(clip("h264_gop250.mp4"), path, t0));
    FrameDecoder other(path, withIndex(bytes));
    QCOMPARE(other.stats().index_passes, int64_t(1));
    QCOMPARE(other.frameCount(), int64_t(ffmpegFrameMd5(path).size()));
  }

  // A whole sequential decode marks a clean file clean (its kept index then lets frame threads
  // serve random access) and never a damaged one, decoded with one thread or several.
  void onlyACleanFileIsMarkedClean() {
    for (const int threads : {1, 4}) {
      DecoderOptions options = noBook();
      options.threads = threads;
      FrameDecoder clean(clip("ra_bpyramid.mp4"), options);
      QVERIFY(!decodeKeptIndex(clean.seekIndex())->index.clean());
      clean.hashSequential([](int64_t, const QByteArray&) {});
      QVERIFY(decodeKeptIndex(clean.seekIndex())->index.clean());
      FrameDecoder damaged(clip("ra_damaged.mp4"), options);
      damaged.hashSequential([](int64_t, const QByteArray&) {});
      QVERIFY(damaged.stats().decode_errors > 0);
      QVERIFY(!decodeKeptIndex(damaged.seekIndex())->index.clean());
    }
  }

  // Bytes of another file's stream (codec, size, time base), damaged or cut bytes: the pass.
  void foreignOrDamagedBytesAreRefused() {
    const QString file = clip("h264_bframes.mp4");
    const QByteArray good = FrameDecoder(file, noBook()).seekIndex();
    QCOMPARE(FrameDecoder(file, withIndex(good)).stats().index_passes, int64_t(0));

    // Another clip's index under this file's stamp: only the stream facts tell them apart.
    const std::optional<KeptIndex> mine = decodeKeptIndex(good);
    const std::optional<KeptIndex> theirs =
        decodeKeptIndex(FrameDecoder(clip("h264_gop250.mp4"), noBook()).seekIndex());
    QVERIFY(mine && theirs);
    QVERIFY(mine->facts != theirs->facts);
    const QByteArray foreign = encodeKeptIndex(mine->stamp, theirs->facts, theirs->index);
    QCOMPARE(FrameDecoder(file, withIndex(foreign)).stats().index_passes, int64_t(1));
    const QByteArray restamped = encodeKeptIndex(mine->stamp, mine->facts, mine->index);
    QCOMPARE(FrameDecoder(file, withIndex(restamped)).stats().index_passes, int64_t(0));

    for (const QByteArray& bad : {good.left(good.size() / 2), good.left(6), QByteArray("not an index at all"),
                                  QByteArray(good).replace(good.size() - 3, 2, "xx")}) {
      FrameDecoder decoder(file, withIndex(bad));
      QCOMPARE(decoder.stats().index_passes, int64_t(1));
      QCOMPARE(decoder.frameCount(), int64_t(48));
    }
  }
};

QTEST_GUILESS_MAIN(TestSeekIndex)
#include "test_seek_index.moc"
