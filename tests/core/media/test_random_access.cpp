// Random access against the ffmpeg program's own sequential decode, bit for bit: for each hard
// clip (made at test time by ffmpeg/mkvmerge, see CMakeLists.txt), the MD5 of every frame's
// decoded planes read in shuffled and in backward order must equal what
// `ffmpeg -fps_mode passthrough -f framemd5` prints for the same frame, with no cache (every read
// a seek) and with one (pictures kept from earlier seeks), with one decoder thread and several
// (frame threads in random access too),
// with the index made on opening and with the one kept from an earlier opening.
#include <QProcess>
#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"
#include "core/media/media_check.h"
#include "core/media/probe.h"
#include "core/media/seek_index.h"
#include "ffmpeg_framemd5.h"

using namespace vs::media;

static QString clip(const char* name) {
  return qEnvironmentVariable("VS_MEDIA_CLIPS") + QLatin1Char('/') + QLatin1String(name);
}

using vs::media::test::ffmpegFrameMd5;

class TestRandomAccess : public QObject {
  Q_OBJECT

 private slots:
  void everyOrderMatchesFfmpegSequential_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("reads");     // out-of-order reads per pass (all frames when the clip is smaller)
    QTest::addColumn<bool>("damaged");  // compared with a single-threaded decode (see ffmpegFrameMd5)
    QTest::newRow("x264 open GOP") << clip("ra_open_gop.mp4") << 1000 << false;
    QTest::newRow("x264 open GOP in mkv") << clip("ra_open_gop.mkv") << 1000 << false;
    QTest::newRow("x264 B-pyramid") << clip("ra_bpyramid.mp4") << 1000 << false;
    QTest::newRow("x264 non-IDR I-frames (ts)") << clip("ra_open_gop.ts") << 1000 << false;
    QTest::newRow("yuv444p 720p camera shape") << clip("ra_cam444.mp4") << 40 << false;
    QTest::newRow("10-bit 4:2:2") << clip("ra_10bit422.mkv") << 1000 << false;
    QTest::newRow("mpeg-4 part 2 mkv without cues") << clip("ra_mpeg4_nocues.mkv") << 1000 << false;
    QTest::newRow("ogg theora") << clip("ra_theora.ogv") << 1000 << false;
    QTest::newRow("mpeg-ps mpeg-2") << clip("ra_mpeg2.mpg") << 1000 << false;
    QTest::newRow("vp8 webm") << clip("ra_vp8.webm") << 1000 << false;
    QTest::newRow("vp9 avi") << clip("ra_vp9.avi") << 1000 << false;
    QTest::newRow("vfr phone rotated") << clip("ra_phone_vfr.mp4") << 1000 << false;
    QTest::newRow("edit list start offset") << clip("ra_editlist.mp4") << 1000 << false;
    QTest::newRow("mpeg-4 part 2 avi (no pts)") << clip("mpeg4.avi") << 1000 << false;
    QTest::newRow("hevc B-frames") << clip("hevc.mp4") << 1000 << false;
    QTest::newRow("x264 with damaged slices") << clip("ra_damaged.mp4") << 1000 << true;
    QTest::newRow("x264 cut at an open-GOP key") << clip("ra_cut_open_gop.mp4") << 1000 << false;
    QTest::newRow("hevc cut at a CRA") << clip("ra_cut_hevc.mp4") << 1000 << false;
    QTest::newRow("mpeg-2 ps cut at an open GOP") << clip("ra_cut_mpeg2.mpg") << 1000 << false;
    if (qEnvironmentVariable("VS_HAVE_MKVMERGE") == QLatin1String("1")) {
      QTest::newRow("hevc split by mkvmerge") << clip("ra_split.mkv") << 1000 << false;
    }
  }

  void everyOrderMatchesFfmpegSequential() {
    QFETCH(QString, file);
    QFETCH(int, reads);
    QFETCH(bool, damaged);
    const QStringList reference = ffmpegFrameMd5(file, damaged);
    QVERIFY2(reference.size() > 5, qPrintable(file));
    const int64_t frames = reference.size();
    QCOMPARE(probe(file, ProbeDepth::Packets).frames, frames);

    std::vector<int64_t> shuffled(static_cast<size_t>(frames));
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
    shuffled.resize(std::min<size_t>(shuffled.size(), static_cast<size_t>(reads)));
    std::vector<int64_t> backward;
    for (int64_t n = frames - 1; n >= 0 && static_cast<int>(backward.size()) < reads; --n) {
      backward.push_back(n);
    }
    // The first pass makes its own index; the others open with the one it left in the book.
    struct Pass {
      const char* name;
      int cache_budget_mb;
      int threads;
      const std::vector<int64_t>* order;
      bool kept_index;
    };
    const Pass passes[] = {{"shuffled, no cache, 1 thread, index pass", 0, 1, &shuffled, false},
                           {"shuffled, no cache, 4 threads, kept index", 0, 4, &shuffled, true},
                           {"backward, cache, 4 threads, kept index", 64, 4, &backward, true},
                           {"shuffled, cache, 1 thread, kept index", 64, 1, &shuffled, true}};
    forgetSeekIndexes();
    for (const Pass& pass : passes) {
      DecoderOptions options;
      options.cache_budget_mb = pass.cache_budget_mb;
      options.threads = pass.threads;
      options.seek_threads = pass.threads;
      options.use_remembered_index = pass.kept_index;
      FrameDecoder decoder(file, options);
      QCOMPARE(decoder.stats().index_passes, pass.kept_index ? 0 : 1);
      if (!pass.kept_index) {
        // A whole sequential decode first: a clean file's kept index then lets frame threads serve
        // the random reads of the passes with several threads; a damaged one's never does.
        decoder.hashSequential([](int64_t, const QByteArray&) {});
        rememberSeekIndex(file, decoder.seekIndex());
      }
      QCOMPARE(decoder.frameCount(), frames);
      int wrong = 0;
      QString first;
      for (int64_t n : *pass.order) {
        QString got;
        try {
          got = QString::fromLatin1(decoder.pictureMd5(n));
        } catch (const vs::Error& e) {
          got = e.full();
        }
        if (got != reference[static_cast<int>(n)]) {
          if (wrong++ == 0) {
            first = QStringLiteral("frame %1: %2").arg(n).arg(got);
          }
        }
      }
      QVERIFY2(wrong == 0, qPrintable(QStringLiteral("%1: %2 of %3 reads wrong, first %4")
                                          .arg(pass.name)
                                          .arg(wrong)
                                          .arg(pass.order->size())
                                          .arg(first)));
    }
  }

  // Ogg gives no average frame rate; the rate comes from the frame times, and says so.
  void frameRateFromFrameTimesWhenTheContainerHasNone() {
    const MediaInfo info = probe(clip("ra_theora.ogv"));
    QCOMPARE(info.frames, int64_t(34));
    QCOMPARE(info.avg_fps, 0.0);
    QVERIFY(info.fps_source == FpsSource::FrameTimes);
    QVERIFY2(std::abs(info.fps - 25.0) < 0.01, qPrintable(QString::number(info.fps)));
  }

  // check-media's verdict on a clip that reads back exactly, and its frame count.
  void checkMediaReportsExact() {
    const MediaCheck check = checkMedia(clip("ra_bpyramid.mp4"));
    QVERIFY2(check.exact(), qPrintable(check.problem));
    QCOMPARE(check.sequential_frames, int64_t(ffmpegFrameMd5(clip("ra_bpyramid.mp4")).size()));
    QCOMPARE(check.random_reads, 2 * check.info.frames);
  }
};

QTEST_GUILESS_MAIN(TestRandomAccess)
#include "test_random_access.moc"
