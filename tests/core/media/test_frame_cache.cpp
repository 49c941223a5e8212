#include <QtTest>

#include "core/media/frame_cache.h"

using namespace vs::media;

static FramePtr makeFrame(int64_t index, int w = 10, int h = 10) {
  auto f = std::make_shared<VideoFrame>();
  f->index = index;
  f->image = RgbImage(w, h);
  return f;
}

class TestFrameCache : public QObject {
  Q_OBJECT

 private slots:
  void evictsLeastRecentlyUsedWithinBudget() {
    const int64_t one = int64_t(makeFrame(0)->image.byteSize() + sizeof(VideoFrame));
    FrameCache cache(one * 3);
    for (int64_t i = 0; i < 3; ++i) {
      cache.insert(makeFrame(i));
    }
    QCOMPARE(cache.size(), size_t(3));
    QVERIFY(cache.find(0));  // 0 becomes most recent; 1 is now the oldest
    cache.insert(makeFrame(3));
    QVERIFY(!cache.contains(1));
    QVERIFY(cache.contains(0) && cache.contains(2) && cache.contains(3));
    QCOMPARE(cache.usedBytes(), one * 3);
    QVERIFY(!cache.find(1));
  }

  void reinsertDoesNotDoubleCount() {
    FrameCache cache(1 << 20);
    cache.insert(makeFrame(5));
    const int64_t used = cache.usedBytes();
    cache.insert(makeFrame(5));
    QCOMPARE(cache.usedBytes(), used);
    QCOMPARE(cache.size(), size_t(1));
  }

  void tooLargeFrameIsNotKeptAndShrinkingEvicts() {
    FrameCache cache(1000);
    cache.insert(makeFrame(1, 100, 100));
    QCOMPARE(cache.size(), size_t(0));
    FrameCache big(1 << 20);
    for (int64_t i = 0; i < 10; ++i) {
      big.insert(makeFrame(i));
    }
    big.setBudgetBytes(0);
    QCOMPARE(big.size(), size_t(0));
    QCOMPARE(big.usedBytes(), int64_t(0));
  }
};

QTEST_GUILESS_MAIN(TestFrameCache)
#include "test_frame_cache.moc"
