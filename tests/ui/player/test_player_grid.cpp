// After every transport action, the frame number painted in each tile (read back from the
// widget's grabbed pixels, not from the widget's own bookkeeping) must be the expected one,
// computed here independently from frame rates and offsets.
#include <QtTest>

#include <QAction>
#include <QDir>
#include <QSignalSpy>

#include "tests/support/player_clip_set.h"
#include "ui/player/player_grid.h"
#include "ui/player/player_timeline.h"

using namespace vs::ui;

namespace {

using vs::test::frameAtA;
using vs::test::kPlayerClips;

}  // namespace

class TestPlayerGrid : public QObject {
  Q_OBJECT
 private:
  QString dir_;
  QString path(int i) const { return vs::test::playerClipPath(dir_, i); }
  QVector<PlayerClip> clips(std::initializer_list<int> which) const {
    QVector<PlayerClip> out;
    for (int i : which) {
      PlayerClip c;
      c.path = path(i);
      c.generator = QStringLiteral("gen-%1").arg(i);
      c.model_seen_frames = {0, 10, 20, 30};
      out.push_back(c);
    }
    return out;
  }
  QVector<int> painted(PlayerGrid& grid) {
    const QImage image = grid.grab().toImage();
    QVector<int> out;
    for (int i = 0; i < grid.clipCount(); ++i) {
      out.push_back(vs::test::readBarcode(image, grid.tileImageRect(i)));
    }
    return out;
  }
  // Waits until every tile shows its target, then reads the pixels.
  QVector<int> settledFrames(PlayerGrid& grid) {
    [&] { QTRY_VERIFY_WITH_TIMEOUT(grid.isSettled(), 10000); }();
    return painted(grid);
  }
  QVector<int> expectedAll(int fa, std::initializer_list<int> offsets = {0, 0, 0}) {
    QVector<int> out;
    int i = 0;
    for (int off : offsets) {
      out.push_back(frameAtA(fa, kPlayerClips[i].fps, off, kPlayerClips[i].frames));
      ++i;
    }
    return out;
  }
  std::unique_ptr<PlayerGrid> makeGrid(std::initializer_list<int> which) {
    auto grid = std::make_unique<PlayerGrid>();
    grid->resize(900, 640);
    grid->show();
    grid->setClips(clips(which));
    return grid;
  }

 private slots:
  void initTestCase() {
    dir_ = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_test_player"));
    const QString err = vs::test::makePlayerClips(dir_);
    QVERIFY2(err.isEmpty(), qPrintable(err));
  }

  void opensAtFrameZero() {
    auto grid = makeGrid({0, 1, 2});
    QSignalSpy first(grid.get(), &PlayerGrid::firstFramesShown);
    QCOMPARE(settledFrames(*grid), QVector<int>({0, 0, 0}));
    QTRY_COMPARE(first.count(), 1);
    QCOMPARE(grid->frameCount(0), 48);
    QCOMPARE(grid->frameCount(1), 60);
    QCOMPARE(grid->clipFps(2), 25.0);
  }

  void stepsForwardAcrossFrameRates() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    for (int fa = 1; fa <= 13; ++fa) {
      grid->action(PlayerAction::StepForward)->trigger();
      QCOMPARE(settledFrames(*grid), expectedAll(fa));
    }
  }

  void stepsBackwardAcrossGops() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->seekFrame(0, 30);
    QCOMPARE(settledFrames(*grid), expectedAll(30));
    for (int fa = 29; fa >= 20; --fa) {  // crosses the key frame at 24
      grid->action(PlayerAction::StepBack)->trigger();
      QCOMPARE(settledFrames(*grid), expectedAll(fa));
    }
  }

  void stepsOnAnotherClipMoveTheMaster() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->setFocusedClip(1);  // the 30 fps clip drives the steps now
    grid->seekFrame(1, 10);
    // Master time 10/30 s: A at floor(10*24/30) = 8, C at floor(10*25/30) = 8.
    QCOMPARE(settledFrames(*grid), QVector<int>({8, 10, 8}));
    grid->stepFrames(-1);
    QCOMPARE(settledFrames(*grid), QVector<int>({7, 9, 7}));
  }

  void secondsStartAndEnd() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->action(PlayerAction::SecondForward)->trigger();
    QCOMPARE(settledFrames(*grid), expectedAll(24));
    grid->action(PlayerAction::ToEnd)->trigger();
    QCOMPARE(settledFrames(*grid), QVector<int>({47, 59, 49}));
    grid->action(PlayerAction::SecondBack)->trigger();
    const QVector<int> back = settledFrames(*grid);
    QCOMPARE(back[1], 59 - 30);
    grid->action(PlayerAction::ToStart)->trigger();
    QCOMPARE(settledFrames(*grid), QVector<int>({0, 0, 0}));
  }

  void offsetsShiftClips() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->setClipOffsetFrames(1, 6);   // B starts 6 of its frames (0.2 s) later
    grid->setClipOffsetFrames(2, -5);  // C starts 0.2 s earlier
    QCOMPARE(grid->clipOffsetFrames(1), 6);
    grid->seekFrame(0, 24);
    QCOMPARE(settledFrames(*grid), expectedAll(24, {0, 6, -5}));
    grid->seekFrame(0, 2);  // B has not started yet: its first frame
    QCOMPARE(settledFrames(*grid), expectedAll(2, {0, 6, -5}));
    grid->setFocusedClip(0);
    grid->action(PlayerAction::OffsetForward)->trigger();  // nudges A, the focused clip
    QCOMPARE(grid->clipOffsetFrames(0), 1);
    QCOMPARE(settledFrames(*grid)[0], 1);
  }

  void offsetAndSeekBeforeOpenAreKept() {
    auto grid = makeGrid({0, 1, 2});  // decoders still opening
    grid->setClipOffsetFrames(1, 6);
    grid->seekFrame(0, 24);
    QCOMPARE(settledFrames(*grid), expectedAll(24, {0, 6, 0}));
    QCOMPARE(grid->clipOffsetFrames(1), 6);
  }

  void syncOffMovesOnlyTheFocusedClip() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->seekFrame(0, 12);
    const QVector<int> before = settledFrames(*grid);
    QCOMPARE(before, expectedAll(12));
    grid->setSyncMode(SyncMode::Off);
    grid->setFocusedClip(1);
    grid->stepFrames(3);
    QCOMPARE(settledFrames(*grid), QVector<int>({before[0], before[1] + 3, before[2]}));
    grid->stepFrames(-5);
    QCOMPARE(settledFrames(*grid), QVector<int>({before[0], before[1] - 2, before[2]}));
    // Sync on again: the new relation is kept as B's offset.
    grid->setSyncMode(SyncMode::On);
    grid->setFocusedClip(0);
    grid->stepFrames(4);
    const QVector<int> after = settledFrames(*grid);
    QCOMPARE(after[0], 16);
    QCOMPARE(after[2], frameAtA(16, 25, 0, 50));
    QVERIFY2(std::abs(after[1] - (frameAtA(16, 30, 0, 60) - 2)) <= 1, qPrintable(QString::number(after[1])));
  }

  void timelineClickSeeks() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    auto* timeline = grid->findChild<PlayerTimeline*>();
    QVERIFY(timeline != nullptr);
    QCOMPARE(timeline->duration(), 2.0);  // the longest clip: 48/24 = 60/30 = 50/25 s
    // The track spans from x = 6 to the status text; click in its middle: about 1 s.
    const int track_right = timeline->width() - 190 - 6;
    QTest::mouseClick(timeline, Qt::LeftButton, Qt::NoModifier,
                      QPoint((6 + track_right) / 2, timeline->height() / 2));
    const QVector<int> f = settledFrames(*grid);
    QVERIFY2(std::abs(f[0] - 24) <= 1, qPrintable(QString::number(f[0])));
    QVERIFY(f[1] >= frameAtA(f[0], 30, 0, 60) && f[1] <= frameAtA(f[0] + 1, 30, 0, 60));
    QVERIFY(f[2] >= frameAtA(f[0], 25, 0, 50) && f[2] <= frameAtA(f[0] + 1, 25, 0, 50));
  }

  void playsInSync() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->play();
    QTest::qWait(600);
    grid->pause();
    const QVector<int> f = settledFrames(*grid);
    QVERIFY2(f[0] >= 8 && f[0] <= 47, qPrintable(QString::number(f[0])));
    // B and C show the frames covering A's frame start time (A's frame is [fa/24, (fa+1)/24)).
    QVERIFY(f[1] >= frameAtA(f[0], 30, 0, 60) && f[1] <= frameAtA(f[0] + 1, 30, 0, 60));
    QVERIFY(f[2] >= frameAtA(f[0], 25, 0, 50) && f[2] <= frameAtA(f[0] + 1, 25, 0, 50));
  }

  void loopsInOutRange() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->setInOutFrames(10, 14);
    grid->setLoopMode(LoopMode::InOut);
    QCOMPARE(grid->loopMode(), LoopMode::InOut);
    grid->setSpeed(2.0);
    grid->play();  // jumps to the in point
    QTRY_VERIFY_WITH_TIMEOUT(grid->displayedFrame(0) >= 10 && grid->displayedFrame(0) <= 14, 5000);
    QSet<int> seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1500) {
      QTest::qWait(15);
      const int a = painted(*grid)[0];
      QVERIFY2(a >= 10 && a <= 14,
               qPrintable(QStringLiteral("A painted %1 outside the in/out range").arg(a)));
      seen.insert(a);
    }
    grid->pause();
    QVERIFY2(seen.contains(10) && seen.contains(14), "the loop did not wrap from 14 to 10");
  }

  void loopsWholeClip() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->setLoopMode(LoopMode::Whole);
    grid->seekFrame(0, 44);
    settledFrames(*grid);
    grid->setSpeed(4.0);
    grid->play();
    QTRY_VERIFY_WITH_TIMEOUT(grid->displayedFrame(0) < 40 && grid->displayedFrame(0) >= 0, 5000);
    QVERIFY(grid->isPlaying());
    grid->pause();
    const QVector<int> f = settledFrames(*grid);
    QVERIFY(f[0] >= 0 && f[0] < 48);
    // Without loop, playback stops on the last frames.
    grid->setLoopMode(LoopMode::Off);
    grid->seekFrame(0, 44);
    grid->play();
    QTRY_VERIFY_WITH_TIMEOUT(!grid->isPlaying(), 5000);
    QCOMPARE(settledFrames(*grid), QVector<int>({47, 59, 49}));
  }

  void keyboardShortcuts() {
    auto grid = makeGrid({0, 1, 2});
    grid->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(grid.get()));
    grid->setFocus();
    settledFrames(*grid);
    const std::pair<PlayerAction, QKeySequence> defaults[] = {
        {PlayerAction::PlayPause, QKeySequence(Qt::Key_Space)},
        {PlayerAction::StepBack, QKeySequence(Qt::Key_Left)},
        {PlayerAction::StepForward, QKeySequence(Qt::Key_Right)},
        {PlayerAction::SecondBack, QKeySequence(Qt::SHIFT | Qt::Key_Left)},
        {PlayerAction::SecondForward, QKeySequence(Qt::SHIFT | Qt::Key_Right)},
        {PlayerAction::ToStart, QKeySequence(Qt::Key_Home)},
        {PlayerAction::ToEnd, QKeySequence(Qt::Key_End)},
        {PlayerAction::SpeedDown, QKeySequence(Qt::Key_BracketLeft)},
        {PlayerAction::SpeedUp, QKeySequence(Qt::Key_BracketRight)},
        {PlayerAction::Loop, QKeySequence(Qt::Key_L)},
        {PlayerAction::ZoomReset, QKeySequence(Qt::Key_Z)},
        {PlayerAction::Difference, QKeySequence(Qt::Key_D)},
        {PlayerAction::Wipe, QKeySequence(Qt::Key_W)},
    };
    for (const auto& [id, keys] : defaults) {
      QCOMPARE(grid->action(id)->shortcut(), keys);
    }
    QSet<QString> names;
    for (QAction* a : grid->playerActions()) {
      QVERIFY(!a->objectName().isEmpty());
      names.insert(a->objectName());
    }
    QCOMPARE(names.size(), kPlayerActionCount);

    QTest::keyClick(grid.get(), Qt::Key_Right);
    QCOMPARE(settledFrames(*grid), expectedAll(1));
    QTest::keyClick(grid.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(settledFrames(*grid), expectedAll(25));
    QTest::keyClick(grid.get(), Qt::Key_Left);
    QCOMPARE(settledFrames(*grid), expectedAll(24));
    QTest::keyClick(grid.get(), Qt::Key_BracketRight);
    QCOMPARE(grid->speed(), 1.5);
    QTest::keyClick(grid.get(), Qt::Key_BracketLeft);
    QTest::keyClick(grid.get(), Qt::Key_BracketLeft);
    QCOMPARE(grid->speed(), 0.75);
    QTest::keyClick(grid.get(), Qt::Key_L);
    QCOMPARE(grid->loopMode(), LoopMode::Whole);
    // Remapped by the workstation: the new key works, the old one no longer does.
    grid->action(PlayerAction::StepForward)->setShortcut(QKeySequence(Qt::Key_Period));
    QTest::keyClick(grid.get(), Qt::Key_Period);
    QCOMPARE(settledFrames(*grid), expectedAll(25));
    QTest::keyClick(grid.get(), Qt::Key_Right);
    QCOMPARE(settledFrames(*grid), expectedAll(25));
    QTest::keyClick(grid.get(), Qt::Key_Home);
    QCOMPARE(settledFrames(*grid), expectedAll(0));
  }

  void wipeShowsAandB() {
    auto grid = makeGrid({0, 1});
    settledFrames(*grid);
    grid->seekFrame(0, 13);  // B (30 fps) shows 16
    QCOMPARE(settledFrames(*grid), QVector<int>({13, 16}));
    grid->setCompareMode(CompareMode::Wipe);
    grid->setWipePosition(0.25);  // stripes 0..2 from A, 3..11 from B
    settledFrames(*grid);
    QCOMPARE(grid->tileImageRect(0), grid->tileImageRect(1));
    const int mixed = vs::test::readBarcode(grid->grab().toImage(), grid->tileImageRect(0));
    QCOMPARE(mixed, (13 & 7) | (16 & ~7));
    grid->action(PlayerAction::AbToggle)->trigger();  // B on the left now
    settledFrames(*grid);
    QCOMPARE(vs::test::readBarcode(grid->grab().toImage(), grid->tileImageRect(0)), (16 & 7) | (13 & ~7));
  }

  void differenceOfEqualFramesIsBlack() {
    auto grid = makeGrid({0, 0});
    settledFrames(*grid);
    grid->setCompareMode(CompareMode::Difference);
    grid->seekFrame(0, 21);
    settledFrames(*grid);
    auto stripeLevels = [&] {
      const QImage img = grid->grab().toImage();
      const QRect r = grid->tileImageRect(0);
      QVector<int> levels;
      for (int k = 0; k < 12; ++k) {
        levels << qGray(img.pixel(r.left() + int((k + 0.5) * r.width() / 12), r.top() + r.height() * 6 / 10));
      }
      return levels;
    };
    for (int v : stripeLevels()) {
      QVERIFY2(v < 30, qPrintable(QString::number(v)));
    }
    grid->setClipOffsetFrames(1, 1);  // second copy one frame behind: 24 vs 23 differ in bits 0..3
    grid->seekFrame(0, 24);
    settledFrames(*grid);
    const QVector<int> levels = stripeLevels();
    QVERIFY2(levels[0] > 200 && levels[3] > 200 && levels[4] < 30 && levels[6] < 30,
             qPrintable(
                 QStringLiteral("%1 %2 %3 %4").arg(levels[0]).arg(levels[3]).arg(levels[4]).arg(levels[6])));
  }

  void singleTileAndAbToggle() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->seekFrame(0, 13);
    settledFrames(*grid);
    grid->action(PlayerAction::AbToggle)->trigger();  // grid -> clip A alone
    QVERIFY(grid->tileImageRect(1).isEmpty());
    QCOMPARE(settledFrames(*grid)[0], 13);
    grid->action(PlayerAction::AbToggle)->trigger();  // B alone
    const QVector<int> f = settledFrames(*grid);
    QCOMPARE(f[1], 16);
    QCOMPARE(grid->focusedClip(), 1);
    QVERIFY(grid->tileImageRect(0).isEmpty());
    grid->setFullScreenTile(false);
    QCOMPARE(settledFrames(*grid), QVector<int>({13, 16, 13}));
  }

  void zoomIsLinked() {
    auto grid = makeGrid({0, 1});
    settledFrames(*grid);
    const QRect fit0 = grid->tileImageRect(0);
    const QRect fit1 = grid->tileImageRect(1);
    QWheelEvent wheel(QPointF(fit0.center()), grid->mapToGlobal(QPointF(fit0.center())), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(grid.get(), &wheel);
    settledFrames(*grid);
    // Zoomed in: both pictures now fill their tiles' widths and show fewer stripes.
    QVERIFY(grid->tileImageRect(0).height() > fit0.height());
    QVERIFY(grid->tileImageRect(1).height() > fit1.height());
    grid->action(PlayerAction::ZoomReset)->trigger();
    settledFrames(*grid);
    QCOMPARE(grid->tileImageRect(0), fit0);
    QCOMPARE(painted(*grid), QVector<int>({0, 0}));
  }

  void oneToOneShowsSourcePixels() {
    auto grid = makeGrid({0, 1});
    grid->seekFrame(0, 37);
    settledFrames(*grid);
    QVERIFY(grid->tileImageRect(0).width() > 320);  // fit enlarges the 320×240 clips here
    grid->action(PlayerAction::ZoomOneToOne)->trigger();
    const QVector<int> f = settledFrames(*grid);
    QCOMPARE(grid->tileImageRect(0).size(), QSize(320, 240));
    QCOMPARE(grid->tileImageRect(1).size(), QSize(320, 240));  // linked
    QCOMPARE(f, QVector<int>({37, frameAtA(37, 30, 0, 60)}));
    // A small window: 1:1 now crops to the tile, centred.
    grid->resize(420, 260);
    grid->zoomOneToOne();
    settledFrames(*grid);
    const QRect r = grid->tileImageRect(0);
    QVERIFY(r.width() < 320 && r.height() < 240);
    QCOMPARE(r.size(), grid->tileRect(0).adjusted(0, 0, 0, -8).size());
  }

  void blindModeHidesGeneratorNames() {
    auto grid = makeGrid({0});
    settledFrames(*grid);
    auto caption = [&] {
      const QRect r = grid->tileImageRect(0);
      const QImage img = grid->grab().toImage();
      return img.copy(QRect(QPoint(r.center().x(), 0), QPoint(grid->width() - 1, 30)));
    };
    QVector<PlayerClip> c = clips({0});
    c[0].generator = QStringLiteral("Clip A");  // what blind mode writes instead
    grid->setClips(c);
    settledFrames(*grid);
    const QImage neutral = caption();
    c[0].generator = QStringLiteral("SecretModel-XL");
    grid->setClips(c);
    settledFrames(*grid);
    QVERIFY(caption() != neutral);
    grid->setBlindMode(BlindMode::On);
    QCOMPARE(caption(), neutral);
  }

  void markerStripShowsModelSeenFrames() {
    auto grid = makeGrid({0, 1});
    settledFrames(*grid);  // clips() marks frames 0, 10, 20, 30 as seen by the model
    const QImage img = grid->grab().toImage();
    for (int clip = 0; clip < 2; ++clip) {
      const QRect tile = grid->tileRect(clip);
      const int frames = kPlayerClips[clip].frames;
      const int y = tile.bottom() - 3;  // inside the 8 px strip under the picture
      auto xOf = [&](int f) { return tile.left() + int(std::floor((f + 0.5) * tile.width() / frames)); };
      auto isMarker = [&](int x) {
        const QColor c = img.pixelColor(x, y);
        return c.red() > 200 && c.green() > 150 && c.blue() < 80;
      };
      for (int f : {10, 20, 30}) {
        QVERIFY2(isMarker(xOf(f)), qPrintable(QStringLiteral("clip %1 frame %2").arg(clip).arg(f)));
      }
      for (int f : {5, 15, 25, 40}) {
        QVERIFY2(!isMarker(xOf(f)), qPrintable(QStringLiteral("clip %1 frame %2").arg(clip).arg(f)));
      }
    }
  }

  void savesShownFramesAsPng() {
    auto grid = makeGrid({0, 1, 2});
    settledFrames(*grid);
    grid->seekFrame(0, 37);
    const QVector<int> shown = settledFrames(*grid);
    QSignalSpy saved(grid.get(), &PlayerGrid::framesSaved);
    const QStringList paths = grid->saveFrames(QDir(dir_).filePath(QStringLiteral("snap")));
    QCOMPARE(paths.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QVERIFY(saved.at(0).at(1).toStringList().isEmpty());
    for (int i = 0; i < 3; ++i) {
      const QImage png(paths[i]);
      QCOMPARE(png.size(), QSize(kPlayerClips[i].width, kPlayerClips[i].height));  // full resolution
      QCOMPARE(vs::test::readBarcode(png, png.rect()), shown[i]);
    }
  }

  void clipWithAudioStaysFrameExact() {
    const QString with_audio = QDir(dir_).filePath(QStringLiteral("a24_audio.mp4"));
    const QString err =
        vs::test::makeBarcodeClip(with_audio, 320, 240, QStringLiteral("24"), 48, 12, true, true);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    auto grid = std::make_unique<PlayerGrid>();
    grid->resize(600, 400);
    grid->show();
    QVector<PlayerClip> c = clips({1});
    c.prepend(PlayerClip{with_audio, QStringLiteral("with sound"), {}, {}});
    grid->setClips(c);  // the focused clip has sound: Qt Multimedia plays it along
    settledFrames(*grid);
    grid->play();
    QTest::qWait(400);
    grid->pause();
    grid->seekFrame(0, 30);
    QCOMPARE(settledFrames(*grid), QVector<int>({30, frameAtA(30, 30, 0, 60)}));
    grid->action(PlayerAction::MuteAudio)->trigger();
    grid->stepFrames(-1);
    QCOMPARE(settledFrames(*grid), QVector<int>({29, frameAtA(29, 30, 0, 60)}));
  }

  void variableFrameRateFollowsTimestamps() {
    // Frames 0..23 at 24 fps, then half a second with no frame, then 24..47 at 24 fps again.
    const QString vfr = QDir(dir_).filePath(QStringLiteral("vfr.mp4"));
    const QString err = vs::test::makeBarcodeClip(vfr, 320, 240, QStringLiteral("24"), 48, 12, true, false,
                                                  QStringLiteral("(N+if(gte(N,24),12,0))/24/TB"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    auto grid = std::make_unique<PlayerGrid>();
    grid->resize(700, 400);
    grid->show();
    QVector<PlayerClip> c = clips({1});  // B: 30 fps, constant
    c.prepend(PlayerClip{vfr, QStringLiteral("vfr"), {}, {}});
    grid->setClips(c);
    grid->seekFrame(0, 23);  // 23/24 s: B at floor(23 * 30 / 24) = 28
    QCOMPARE(settledFrames(*grid), QVector<int>({23, 28}));
    grid->stepFrames(1);  // VFR frame 24 starts at 36/24 = 1.5 s: B at 45
    QCOMPARE(settledFrames(*grid), QVector<int>({24, 45}));
    grid->setFocusedClip(1);
    grid->seekFrame(1, 40);  // 40/30 s = 1.333 s falls in the gap: A still shows 23
    QCOMPARE(settledFrames(*grid), QVector<int>({23, 40}));
  }

  void brokenClipShowsErrorOthersPlay() {
    const QString junk = QDir(dir_).filePath(QStringLiteral("junk.mp4"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(5000, 'x'));
    f.close();
    auto grid = std::make_unique<PlayerGrid>();
    grid->resize(600, 400);
    grid->show();
    QSignalSpy errors(grid.get(), &PlayerGrid::clipError);
    QVector<PlayerClip> c = clips({0});
    c.push_back(PlayerClip{junk, QStringLiteral("broken"), {}, {}});
    grid->setClips(c);
    QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 1, 10000);
    QCOMPARE(errors.at(0).at(0).toInt(), 1);
    grid->seekFrame(0, 5);
    QCOMPARE(settledFrames(*grid)[0], 5);
  }
};

QTEST_MAIN(TestPlayerGrid)
#include "test_player_grid.moc"
