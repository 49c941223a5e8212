// FrameSource's fill pass: a short clip is rendered whole at tile size while the thread is idle,
// and every request after that is answered from it. The frame number of every delivered picture
// is read back from its barcode, so a filled frame filed under the wrong index is caught.
#include <QtTest>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <memory>
#include <random>

#include "tests/support/barcode_clip.h"
#include "ui/player/frame_source.h"

using namespace vs::ui;

namespace {

struct Delivered {
  qint64 index = -1;
  quint64 gen = 0;
  int barcode = -1;
};

}  // namespace

class TestFrameSource : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString short_clip_;  // 96 frames at 24 fps: 4 s
  QString long_clip_;   // 130 frames at 5 fps: 26 s, past kFillMaxSeconds

  std::unique_ptr<FrameSource> open(const QString& path, qint64 budget, std::vector<Delivered>* out) {
    auto source = std::make_unique<FrameSource>(0, path, std::make_shared<ReadAheadGate>());
    source->setFillBudget(budget);
    connect(source.get(), &FrameSource::frameReady, this,
            [out](int, qint64 index, quint64 gen, const QImage& image, const QRect&) {
              out->push_back({index, gen, vs::test::readBarcode(image, image.rect())});
            });
    source->start();
    return source;
  }

  static FrameRequest at(qint64 anchor, QSize tile, quint64 gen) {
    FrameRequest r;
    r.anchor = anchor;
    r.ahead = 0;
    r.tile = tile;
    r.geometry_gen = gen;
    return r;
  }

  // Requests `frames` one by one (each waits for its picture) and checks every picture's barcode.
  void requestEach(FrameSource& source, std::vector<Delivered>& got, const std::vector<qint64>& frames,
                   QSize tile, quint64 gen) {
    for (qint64 f : frames) {
      got.clear();
      source.forget({f});  // as the player does when it drops a picture it no longer needs
      source.request(at(f, tile, gen));
      QTRY_VERIFY_WITH_TIMEOUT(!got.empty(), 10000);
      QCOMPARE(got.front().index, f);
      QCOMPARE(got.front().gen, gen);
      QCOMPARE(got.front().barcode, int(f));
    }
  }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    short_clip_ = dir_.filePath(QStringLiteral("short.mp4"));
    long_clip_ = dir_.filePath(QStringLiteral("long.mp4"));
    QCOMPARE(vs::test::makeBarcodeClip(short_clip_, 320, 240, QStringLiteral("24"), 96), QString());
    QCOMPARE(vs::test::makeBarcodeClip(long_clip_, 160, 120, QStringLiteral("5"), 130), QString());
  }

  void fillsThenAnswersEverySeekFromIt() {
    std::vector<Delivered> got;
    auto source = open(short_clip_, qint64(64) << 20, &got);
    QSignalSpy complete(source.get(), &FrameSource::fillComplete);
    const QSize tile(160, 120);
    source->request(at(0, tile, 1));
    QTRY_VERIFY_WITH_TIMEOUT(complete.count() == 1, 30000);
    FillStatus status = source->fillStatus();
    QVERIFY(status.eligible);
    QVERIFY(status.complete);
    QCOMPARE(status.frames, qint64(96));
    QCOMPARE(status.filled, qint64(96));
    QCOMPARE(status.bytes, qint64(96) * 160 * 120 * 4);
    const qint64 served_before = status.served_from_fill;

    // Random and backward order, across every GOP.
    std::vector<qint64> order(96);
    for (qint64 i = 0; i < 96; ++i) {
      order[size_t(i)] = 95 - i;
    }
    std::mt19937 rng(7);
    std::vector<qint64> random = order;
    std::shuffle(random.begin(), random.end(), rng);
    requestEach(*source, got, order, tile, 1);
    QVERIFY(!QTest::currentTestFailed());
    requestEach(*source, got, random, tile, 1);
    QVERIFY(!QTest::currentTestFailed());
    status = source->fillStatus();
    QCOMPARE(status.served_from_fill - served_before, qint64(192));
  }

  void newGeometryFillsAgain() {
    std::vector<Delivered> got;
    auto source = open(short_clip_, qint64(64) << 20, &got);
    QSignalSpy complete(source.get(), &FrameSource::fillComplete);
    source->request(at(10, QSize(160, 120), 1));
    QTRY_VERIFY_WITH_TIMEOUT(complete.count() == 1, 30000);
    // A bigger tile: the old pictures are of no use; the pass starts over at the new size.
    const QSize bigger(240, 180);
    source->request(at(50, bigger, 2));
    QTRY_VERIFY_WITH_TIMEOUT(complete.count() == 2, 30000);
    const FillStatus status = source->fillStatus();
    QCOMPARE(status.filled, qint64(96));
    QCOMPARE(status.bytes, qint64(96) * 240 * 180 * 4);
    requestEach(*source, got, {95, 0, 47, 48, 11}, bigger, 2);
  }

  void stopsAtTheBudgetAndStillDecodesTheRest() {
    std::vector<Delivered> got;
    const qint64 frame_bytes = qint64(160) * 120 * 4;
    auto source = open(short_clip_, frame_bytes * 20, &got);
    QSignalSpy complete(source.get(), &FrameSource::fillComplete);
    source->request(at(0, QSize(160, 120), 1));
    QTRY_VERIFY_WITH_TIMEOUT(complete.count() == 1, 30000);
    const FillStatus status = source->fillStatus();
    QVERIFY(status.complete);
    QCOMPARE(status.filled, qint64(20));
    QVERIFY(status.bytes <= frame_bytes * 20);
    requestEach(*source, got, {90, 5, 60, 19, 20}, QSize(160, 120), 1);
  }

  void longClipIsNotFilled() {
    std::vector<Delivered> got;
    auto source = open(long_clip_, qint64(64) << 20, &got);
    source->request(at(3, QSize(80, 60), 1));
    QTRY_VERIFY_WITH_TIMEOUT(!got.empty(), 10000);
    QCOMPARE(got.front().barcode, 3);
    QTest::qWait(300);
    const FillStatus status = source->fillStatus();
    QVERIFY(!status.eligible);
    QCOMPARE(status.filled, qint64(0));
  }

  void noBudgetNoFill() {
    std::vector<Delivered> got;
    auto source = open(short_clip_, 0, &got);
    requestEach(*source, got, {40, 39, 7}, QSize(160, 120), 1);
    QTest::qWait(300);
    QCOMPARE(source->fillStatus().filled, qint64(0));
    QCOMPARE(source->fillStatus().served_from_fill, qint64(0));
  }
};

QTEST_MAIN(TestFrameSource)
#include "test_frame_source.moc"
