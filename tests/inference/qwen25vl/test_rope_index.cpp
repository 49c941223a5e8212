// get_rope_index (4.x) positions: exact against the reference script's dump, plus hand cases.
#include <QtTest>

#include "inference/qwen25vl/rope_index.h"
#include "tests/inference/qwen25vl/golden_vectors.h"

using vs::qwen25vl::ropeIndex;
using vs::qwen25vl::RopeTokenIds;
using vs::qwen25vl::VisionGrid;

class TestRopeIndex : public QObject {
  Q_OBJECT

 private slots:
  void matchesGoldenVideoPositions() {
    const vs::test::GoldenVectors golden;
    const auto ids = golden.ints("input_ids");
    const auto expected = golden.ints("position_ids");
    const auto grid = golden.meta()["video_grid_thw"].get<std::vector<int64_t>>();
    const auto rope = ropeIndex(ids, {}, {VisionGrid{{grid[0], grid[1], grid[2]}, 1.0}},
                                RopeTokenIds{1000, 1001, 1002}, 2, 2.0);
    const size_t n = ids.size();
    QCOMPARE(expected.size(), 3 * n);
    for (size_t s = 0; s < 3; ++s) {
      QCOMPARE(rope.positions[s], std::vector<int64_t>(expected.begin() + static_cast<long>(s * n),
                                                       expected.begin() + static_cast<long>((s + 1) * n)));
    }
    QCOMPARE(rope.rope_delta, golden.meta()["rope_delta"].get<int64_t>());
  }

  // 2(gt-1) > max(H', W') - 1: the text after the video starts after the last temporal position.
  void textAfterVideoResumesAfterTheTemporalExtent() {
    std::vector<int64_t> ids{5, 6, 1002};
    ids.insert(ids.end(), 5 * 1 * 2, 1001);  // gt 5, H' 1, W' 2
    ids.push_back(1003);
    ids.push_back(7);
    const auto rope =
        ropeIndex(ids, {}, {VisionGrid{{5, 2, 4}, 1.0}}, RopeTokenIds{1000, 1001, 1002}, 2, 2.0);
    QCOMPARE(rope.positions[0][3], int64_t{3});
    QCOMPARE(rope.positions[0][3 + 2], int64_t{5});       // second slice: t step = 1.0 * 2
    QCOMPARE(rope.positions[2][4], int64_t{4});           // w of the second column
    QCOMPARE(rope.positions[0][13], int64_t{3 + 8 + 1});  // vision_end after max(t) = 3 + 2*4
    QCOMPARE(rope.positions[1][14], int64_t{13});
    QCOMPARE(rope.rope_delta, int64_t{14} - 15);
  }

  void textOnlyIsPlainPositions() {
    const auto rope = ropeIndex({1, 2, 3}, {}, {}, RopeTokenIds{1000, 1001, 1002}, 2, 2.0);
    QCOMPARE(rope.positions[1], (std::vector<int64_t>{0, 1, 2}));
    QCOMPARE(rope.rope_delta, int64_t{0});
  }

  void rejectsMissingGrid() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ropeIndex({1002, 1001, 1003}, {}, {}, RopeTokenIds{1000, 1001, 1002}, 2, 2.0));
  }

  void rejectsTruncatedPadRun() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ropeIndex({1002, 1001, 1001}, {}, {VisionGrid{{1, 4, 4}, 1.0}},
                                       RopeTokenIds{1000, 1001, 1002}, 2, 2.0));
  }
};

QTEST_GUILESS_MAIN(TestRopeIndex)
#include "test_rope_index.moc"
