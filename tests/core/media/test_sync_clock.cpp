#include <QtTest>

#include "core/domain/error.h"
#include "core/media/sync_clock.h"

using namespace vs::media;

class TestSyncClock : public QObject {
  Q_OBJECT

 private slots:
  void differentRatesStayAlignedInTime() {
    // 2 s at 24 fps, 2 s at 30 fps, 2 s at 16 fps.
    SyncClock clock({ClipTiming::constantRate(48, 24), ClipTiming::constantRate(60, 30),
                     ClipTiming::constantRate(32, 16)});
    QCOMPARE(clock.duration(), 2.0);
    clock.play(1000);
    QCOMPARE(clock.time(1500), 0.5);
    QCOMPARE(clock.frameIndices(1500), (std::vector<int64_t>{12, 15, 8}));
    QCOMPARE(clock.frameIndices(2250), (std::vector<int64_t>{30, 37, 20}));  // t = 1.25 s
  }

  void speedPauseAndSeek() {
    SyncClock clock({ClipTiming::constantRate(100, 25)});  // 4 s
    clock.setSpeed(2.0, 0);
    clock.play(0);
    QCOMPARE(clock.time(500), 1.0);
    clock.pause(500);
    QCOMPARE(clock.time(9000), 1.0);  // paused: time stands still
    QVERIFY(!clock.isPlaying());
    clock.setSpeed(10.0, 9000);  // clamped to 4x
    QCOMPARE(clock.speed(), 4.0);
    clock.setSpeed(0.01, 9000);
    QCOMPARE(clock.speed(), 0.1);
    clock.play(9000);
    QCOMPARE(clock.time(10000), 1.1);
    clock.seek(3.0, 10000);
    QCOMPARE(clock.frameIndex(0, 10000), int64_t(75));
    clock.seek(-5, 10000);
    QCOMPARE(clock.time(10000), 0.0);
    clock.seek(99, 10000);
    QCOMPARE(clock.time(10000), 4.0);
  }

  void stopsAtTheEndOrLoops() {
    SyncClock clock({ClipTiming::constantRate(10, 10)});  // 1 s
    clock.play(0);
    QCOMPARE(clock.time(1500), 1.0);
    QVERIFY(!clock.isPlaying());
    QCOMPARE(clock.frameIndex(0, 1500), int64_t(9));
    clock.setLoopMode(LoopMode::Loop);
    clock.play(2000);  // play at the end starts over
    QCOMPARE(clock.time(2300), 0.3);
    QCOMPARE(clock.time(3250), 0.25);  // wrapped once
    QVERIFY(clock.isPlaying());
  }

  void stepFrameOfOneClipMovesTheOthersByTime() {
    SyncClock clock({ClipTiming::constantRate(48, 24), ClipTiming::constantRate(20, 10)});
    clock.play(0);
    clock.stepFrame(0, +1, 0);  // pauses
    QVERIFY(!clock.isPlaying());
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{1, 0}));
    for (int i = 0; i < 4; ++i) {
      clock.stepFrame(0, +1, 0);
    }
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{5, 2}));  // 5/24 s = 0.208 s
    clock.stepFrame(1, -1, 0);  // clip 1 back to its frame 1 (0.1 s) -> clip 0 frame 2
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{2, 1}));
    clock.stepFrame(1, -5, 0);  // clamps at frame 0
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{0, 0}));
    clock.seek(10, 0);
    clock.stepFrame(0, +3, 0);  // clamps at the last frame
    QCOMPARE(clock.frameIndex(0, 0), int64_t(47));
  }

  void offsetsShiftAClip() {
    SyncClock clock({ClipTiming::constantRate(30, 30), ClipTiming::constantRate(30, 30, 0.5)});
    QCOMPARE(clock.duration(), 1.5);
    clock.seek(0.25, 0);
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{7, 0}));  // clip 1 not started: frame 0
    clock.seek(0.6, 0);
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{18, 3}));
    clock.setOffset(1, 0.0, 0);
    QCOMPARE(clock.frameIndices(0), (std::vector<int64_t>{18, 18}));
  }

  void variableRateClipsUseFrameTimes() {
    ClipTiming vfr;
    vfr.frame_times_s = {0.0, 0.1, 0.15, 0.5, 0.55};
    vfr.frame_duration_s = 0.05;
    SyncClock clock({vfr});
    QCOMPARE(clock.duration(), 0.6);
    clock.seek(0.3, 0);
    QCOMPARE(clock.frameIndex(0, 0), int64_t(2));
    clock.stepFrame(0, +1, 0);
    QCOMPARE(clock.time(0), 0.5);
  }

  void rejectsBadClipSets() {
    QVERIFY_THROWS_EXCEPTION(vs::Error, SyncClock(std::vector<ClipTiming>{}));
    QVERIFY_THROWS_EXCEPTION(vs::Error,
                             SyncClock(std::vector<ClipTiming>(10, ClipTiming::constantRate(5, 5))));
    QVERIFY_THROWS_EXCEPTION(vs::Error, SyncClock({ClipTiming()}));
    SyncClock nine(std::vector<ClipTiming>(9, ClipTiming::constantRate(5, 5)));
    QCOMPARE(nine.clipCount(), 9);
    QVERIFY_THROWS_EXCEPTION(vs::Error, nine.frameIndex(9, 0));
  }
};

QTEST_GUILESS_MAIN(TestSyncClock)
#include "test_sync_clock.moc"
