// Playback with no widget: the test keeps the clock (NowMs) and lays the tiles out itself, then
// reads the frame number from the barcode of the picture each tile holds. Expected frames are
// computed here from frame rates and offsets, not taken from Playback's bookkeeping.
#include <QtTest>

#include <QDir>
#include <QSignalSpy>

#include "tests/support/player_clip_set.h"
#include "ui/player/playback.h"

using namespace vs::ui;

namespace {

using vs::test::frameAtA;
using vs::test::kPlayerClips;

// Frame of a clip with rate `g` and offset `offset` (its frames) at master time `ms`.
int frameAtMs(double ms, int g, int offset, int frames) {
  const int f = int(std::floor(ms * g / 1000.0 + 1e-9)) - offset;
  return std::clamp(f, 0, frames - 1);
}

}  // namespace

class TestPlayback : public QObject {
  Q_OBJECT
 private:
  QString dir_;
  int64_t now_ms_ = 0;

  QString path(int i) const { return vs::test::playerClipPath(dir_, i); }

  std::unique_ptr<Playback> open(std::initializer_list<int> which) {
    auto pb = std::make_unique<Playback>([this] { return now_ms_; });
    QVector<PlayerClip> clips;
    for (int i : which) {
      PlayerClip c;
      c.path = path(i);
      c.generator = QStringLiteral("gen-%1").arg(i);
      clips.push_back(c);
    }
    pb->setClips(clips);
    for (int i = 0; i < pb->count(); ++i) {
      pb->setTileArea(i, true, QSize(240, 180));
    }
    pb->pump();
    return pb;
  }

  // Waits until every tile holds its target, then reads the numbers from the pictures.
  QVector<int> settled(Playback& pb) {
    [&] { QTRY_VERIFY_WITH_TIMEOUT(pb.isSettled(), 10000); }();
    QVector<int> out;
    for (int i = 0; i < pb.count(); ++i) {
      const QImage& image = pb.tile(i).shown_image;
      out.push_back(vs::test::readBarcode(image, image.rect()));
    }
    return out;
  }

  QVector<int> atA(int fa, QVector<int> offsets = {0, 0, 0}) {
    QVector<int> out;
    for (int i = 0; i < 3; ++i) {
      out.push_back(frameAtA(fa, kPlayerClips[i].fps, offsets[i], kPlayerClips[i].frames));
    }
    return out;
  }

  QVector<int> atMs(double ms) {
    QVector<int> out;
    for (int i = 0; i < 3; ++i) {
      out.push_back(frameAtMs(ms, kPlayerClips[i].fps, 0, kPlayerClips[i].frames));
    }
    return out;
  }

 private slots:
  void initTestCase() {
    dir_ = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/vs_test_playback");
    const QString err = vs::test::makePlayerClips(dir_);
    QVERIFY2(err.isEmpty(), qPrintable(err));
  }

  void opensAtFrameZero() {
    auto pb = open({0, 1, 2});
    QSignalSpy first(pb.get(), &Playback::firstFramesShown);
    QCOMPARE(settled(*pb), QVector<int>({0, 0, 0}));
    QTRY_COMPARE(first.count(), 1);
    QCOMPARE(pb->tile(0).probe.frames, 48);
    QCOMPARE(pb->tile(1).probe.fps, 30.0);
    QCOMPARE(pb->duration(), 2.0);
  }

  void stepsForwardAndBackAcrossGops() {
    auto pb = open({0, 1, 2});
    settled(*pb);
    QSignalSpy shown(pb.get(), &Playback::frameShown);
    for (int fa = 1; fa <= 13; ++fa) {
      pb->stepFrames(1);
      QCOMPARE(settled(*pb), atA(fa));
    }
    QVERIFY(shown.count() >= 13);
    pb->seekFrame(0, 30);
    QCOMPARE(settled(*pb), atA(30));
    for (int fa = 29; fa >= 20; --fa) {
      pb->stepFrames(-1);
      QCOMPARE(settled(*pb), atA(fa));
    }
    pb->setFocusedClip(1);  // steps in frames of the 30 fps clip now
    pb->seekFrame(1, 10);
    pb->stepFrames(-1);
    QCOMPARE(settled(*pb)[1], 9);
    pb->toEnd();
    QCOMPARE(settled(*pb), QVector<int>({47, 59, 49}));
    pb->toStart();
    QCOMPARE(settled(*pb), QVector<int>({0, 0, 0}));
  }

  void offsetsShiftClips() {
    auto pb = open({0, 1, 2});
    pb->setClipOffsetFrames(1, 6);  // before open: kept until the frame rate is known
    pb->seekFrame(0, 24);           // before open: applied once every clip is open
    QCOMPARE(settled(*pb), atA(24, {0, 6, 0}));
    QCOMPARE(pb->clipOffsetFrames(1), 6);
    pb->setClipOffsetFrames(2, -5);  // C starts 0.2 s earlier
    pb->seekFrame(0, 24);
    QCOMPARE(settled(*pb), atA(24, {0, 6, -5}));
    pb->seekFrame(0, 2);  // B has not started yet: its first frame
    QCOMPARE(settled(*pb), atA(2, {0, 6, -5}));
    QCOMPARE(pb->masterTimeOf(1, 0), 0.2);
  }

  void syncOffMovesOnlyTheFocusedClip() {
    auto pb = open({0, 1, 2});
    pb->seekFrame(0, 12);
    QCOMPARE(settled(*pb), atA(12));
    pb->setSyncMode(SyncMode::Off);
    pb->setFocusedClip(1);
    pb->stepFrames(3);
    QCOMPARE(settled(*pb), QVector<int>({12, 18, 12}));
    pb->stepFrames(-5);
    QCOMPARE(settled(*pb), QVector<int>({12, 13, 12}));
  }

  void loopsWholeAtTheEnd() {
    auto pb = open({0, 1, 2});
    settled(*pb);
    pb->setLoopMode(LoopMode::Whole);
    pb->seekFrame(0, 44);  // 1.8333 s
    settled(*pb);
    pb->setPlaying(true);
    now_ms_ += 310;  // 2.1433 s: past the end, so 0.1433 s into the next pass
    pb->pump();
    QVERIFY(pb->isPlaying());
    QCOMPARE(settled(*pb), atMs(1000.0 * 44 / 24 + 310 - 2000));
    pb->setPlaying(false);
  }

  void stopsAtTheEndWithoutLoop() {
    auto pb = open({0, 1, 2});
    settled(*pb);
    pb->seekFrame(0, 44);
    settled(*pb);
    QSignalSpy playing(pb.get(), &Playback::playingChanged);
    pb->setPlaying(true);
    now_ms_ += 500;
    pb->pump();
    QVERIFY(!pb->isPlaying());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);
    QCOMPARE(settled(*pb), QVector<int>({47, 59, 49}));
    pb->setPlaying(true);  // from the end: starts again at 0
    QCOMPARE(settled(*pb), QVector<int>({0, 0, 0}));
    pb->setPlaying(false);
  }

  void loopsInOutRange() {
    auto pb = open({0, 1, 2});
    settled(*pb);
    pb->setInOutFrames(14, 10);  // in frames of A, in either order
    pb->setLoopMode(LoopMode::InOut);
    QCOMPARE(pb->loopMode(), LoopMode::InOut);
    pb->setPlaying(true);  // jumps to the in point
    QCOMPARE(settled(*pb), atA(10));
    now_ms_ += 100;  // 0.5167 s: A's frame 12
    pb->pump();
    QCOMPARE(settled(*pb)[0], 12);
    now_ms_ += 120;  // 0.6367 s: past the end of A's frame 14, back to the in point
    pb->pump();
    QCOMPARE(settled(*pb), atA(10));
    pb->setPlaying(false);
    pb->setLoopMode(LoopMode::Off);
    pb->setClips({});
    pb->setLoopMode(LoopMode::InOut);  // no in/out points after new clips: off
    QCOMPARE(pb->loopMode(), LoopMode::Off);
  }

  // A frame is dropped when the clock moves on to the next frame while the tile still shows an
  // older one. Nothing is delivered while the test holds the event loop, so after a step of the
  // clock each tile can only show what was prepared before it.
  void countsDroppedFrames() {
    auto pb = open({0, 1});
    QCOMPARE(settled(*pb), QVector<int>({0, 0}));
    pb->setPlaying(true);
    qint64 expected = 0;
    for (int tick = 1; tick <= 10; ++tick) {
      std::array<qint64, 2> shown_before{}, target_before{};
      for (int i = 0; i < 2; ++i) {
        shown_before[size_t(i)] = pb->tile(i).shown;
        target_before[size_t(i)] = pb->tile(i).target;
      }
      now_ms_ += 42;  // one frame of A
      pb->pump();
      for (int i = 0; i < 2; ++i) {
        const PlaybackTile& t = pb->tile(i);
        QCOMPARE(t.target, qint64(frameAtMs(42.0 * tick, kPlayerClips[i].fps, 0, kPlayerClips[i].frames)));
        QVERIFY(t.shown <= t.target);  // never a frame ahead of the clock
        if (t.target == target_before[size_t(i)] + 1 && shown_before[size_t(i)] != target_before[size_t(i)]) {
          ++expected;
        }
      }
    }
    QCOMPARE(pb->droppedFrames(), expected);
    // Paused read-ahead is 2 frames, so A (10 one-frame steps) drops at least 7 of them.
    QVERIFY2(pb->droppedFrames() >= 7, qPrintable(QString::number(pb->droppedFrames())));
    pb->setPlaying(false);
    QCOMPARE(settled(*pb), QVector<int>({frameAtMs(420, 24, 0, 48), frameAtMs(420, 30, 0, 60)}));
    pb->resetDroppedFrames();
    QCOMPARE(pb->droppedFrames(), 0);
  }

  void invisibleTilesAskForNothing() {
    auto pb = open({0, 1});
    settled(*pb);
    pb->setTileArea(1, false, QSize());
    pb->seekFrame(0, 20);
    QCOMPARE(settled(*pb)[0], 20);
    QCOMPARE(pb->tile(1).target, 25);
    QCOMPARE(pb->tile(1).shown, 0);             // not asked for while hidden
    pb->setTileArea(1, true, QSize(200, 150));  // a new size: rendered again
    pb->pump();
    QCOMPARE(settled(*pb), QVector<int>({20, 25}));
    QCOMPARE(pb->tile(1).shown_image.width(), 200);
  }

  void differenceOfEqualFramesIsBlack() {
    auto pb = open({0, 0});
    settled(*pb);
    pb->setDifferenceEnabled(true);
    pb->seekFrame(0, 21);
    settled(*pb);
    const QImage d = pb->differenceImage();
    QVERIFY(!d.isNull());
    for (int y = 0; y < d.height(); y += 7) {
      for (int x = 0; x < d.width(); x += 7) {
        QCOMPARE(qGray(d.pixel(x, y)), 0);
      }
    }
  }
};

QTEST_MAIN(TestPlayback)
#include "test_playback.moc"
