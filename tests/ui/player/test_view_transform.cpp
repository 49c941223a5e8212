#include <QtTest>

#include "ui/player/view_transform.h"

using vs::ui::ViewState;
using vs::ui::ViewTransform;

class TestViewTransform : public QObject {
  Q_OBJECT
 private slots:
  void fitLetterboxes() {
    const auto g = ViewTransform::geometry(QSize(400, 400), QSize(1280, 720), ViewState());
    QCOMPARE(g.target, QRect(0, 88, 400, 225));
    QCOMPARE(g.source, QRectF(0, 0, 1280, 720));
  }
  void zoomShowsCentreQuarter() {
    ViewState v;
    v.zoom = 2.0;
    const auto g = ViewTransform::geometry(QSize(640, 360), QSize(1280, 720), v);
    QCOMPARE(g.target, QRect(0, 0, 640, 360));
    QCOMPARE(g.source, QRectF(320, 180, 640, 360));  // 1:1 here: fit 0.5 × zoom 2
    QCOMPARE(g.scale, 1.0);
  }
  void zoomKeepsPointUnderMouse() {
    const QSize tile(640, 360);
    const QSize frame(1280, 720);
    const QPointF anchor(100, 50);
    const ViewState v = ViewTransform::zoomedAt(ViewState(), tile, frame, anchor, 4.0);
    QCOMPARE(v.zoom, 4.0);
    // Frame point under the anchor before: (200, 100). After: centre + (anchor - tile/2) / scale.
    const auto g = ViewTransform::geometry(tile, frame, v);
    const double fx = g.source.left() + (anchor.x() - g.target.left()) / g.scale;
    const double fy = g.source.top() + (anchor.y() - g.target.top()) / g.scale;
    QVERIFY2(std::abs(fx - 200) < 0.6 && std::abs(fy - 100) < 0.6,
             qPrintable(QStringLiteral("%1,%2").arg(fx).arg(fy)));
  }
  void panStopsAtEdges() {
    ViewState v;
    v.zoom = 2.0;
    v = ViewTransform::panned(v, QSize(640, 360), QSize(1280, 720), QPointF(10000, 10000));
    QCOMPARE(v.centre, QPointF(0.25, 0.25));
    const auto g = ViewTransform::geometry(QSize(640, 360), QSize(1280, 720), v);
    QCOMPARE(g.source.topLeft(), QPointF(0, 0));
  }
  void oneToOneOfSmallFrameIsSmallerThanFit() {
    ViewState v;
    v.zoom = 1.0 / ViewTransform::fitScale(QSize(800, 600), QSize(320, 240));
    v = ViewTransform::clamped(v);
    const auto g = ViewTransform::geometry(QSize(800, 600), QSize(320, 240), v);
    QCOMPARE(g.target, QRect(240, 180, 320, 240));
    QCOMPARE(g.scale, 1.0);
  }
  void zoomNeverBelowFit() {
    const ViewState v =
        ViewTransform::zoomedAt(ViewState(), QSize(100, 100), QSize(50, 50), QPointF(0, 0), 0.1);
    QCOMPARE(v.zoom, 1.0);
    QCOMPARE(v.centre, QPointF(0.5, 0.5));
  }
};

QTEST_MAIN(TestViewTransform)
#include "test_view_transform.moc"
