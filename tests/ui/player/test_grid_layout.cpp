#include <QtTest>

#include "ui/player/grid_layout.h"

using vs::ui::GridLayout;
using vs::ui::GridLayoutChoice;

class TestGridLayout : public QObject {
  Q_OBJECT
 private slots:
  void shapes_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    const int expected[10][2] = {{1, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 2},
                                 {2, 3}, {2, 3}, {3, 3}, {3, 3}, {3, 3}};
    for (int n = 0; n <= 9; ++n) {
      QTest::addRow("%d clips", n) << n << expected[n][0] << expected[n][1];
    }
  }
  void shapes() {
    QFETCH(int, count);
    QFETCH(int, rows);
    QFETCH(int, cols);
    const auto s = GridLayout::shapeFor(count, GridLayoutChoice::Auto);
    QCOMPARE(s.rows, rows);
    QCOMPARE(s.cols, cols);
  }
  void choiceOverridesCount() {
    const auto s = GridLayout::shapeFor(2, GridLayoutChoice::ThreeByThree);
    QCOMPARE(s.rows, 3);
    QCOMPARE(s.cols, 3);
    QCOMPARE(GridLayout::shapeFor(9, GridLayoutChoice::One).cols, 1);
  }
  void tilesAreDisjointAndInside() {
    const QRect area(0, 0, 1001, 602);
    const auto tiles = GridLayout::tiles(area, {2, 3}, 5, 2);
    QCOMPARE(tiles.size(), 5);
    for (int i = 0; i < tiles.size(); ++i) {
      QVERIFY(area.contains(tiles[i]));
      QCOMPARE(tiles[i].size(), QSize(332, 300));
      for (int j = i + 1; j < tiles.size(); ++j) {
        QVERIFY(!tiles[i].intersects(tiles[j]));
      }
    }
    QCOMPARE(tiles[3].topLeft(), QPoint(0, 302));  // row-major
  }
  void moreClipsThanCellsAreCut() {
    QCOMPARE(GridLayout::tiles(QRect(0, 0, 100, 100), {1, 2}, 5, 0).size(), 2);
  }
};

QTEST_MAIN(TestGridLayout)
#include "test_grid_layout.moc"
