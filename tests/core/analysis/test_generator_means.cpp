// Mean totals per generator, both sides, null predictions left out.
#include <QTest>

#include "core/analysis/generator_means.h"

using namespace vs::analysis;

class TestGeneratorMeans : public QObject {
  Q_OBJECT
 private slots:
  void meansPerGenerator() {
    const std::vector<AuditRow> rows{{{3, 3, 3}, {4.0, 4.0, 4.0}},
                                     {{5, 5, 5}, {2.0, 2.5, 3.0}},
                                     {{1, 1, 1}, {std::nullopt, 2.0, 2.0}},
                                     {{2, 3, 4}, {1.0, 1.0, 1.0}}};
    const auto means = generatorMeans(rows, {"b", "b", "a", "a"});
    QCOMPARE(means.size(), size_t{2});
    QCOMPARE(means[0].generator, std::string("a"));
    QCOMPARE(means[0].videos, int64_t{1});
    QCOMPARE(*means[0].predictedTotal, 3.0);
    QCOMPARE(*means[0].referenceTotal, 9.0);
    QCOMPARE(means[1].videos, int64_t{2});
    QCOMPARE(*means[1].predictedTotal, (12.0 + 7.5) / 2);
    QCOMPARE(*means[1].referenceTotal, (9.0 + 15.0) / 2);
  }
};

QTEST_GUILESS_MAIN(TestGeneratorMeans)
#include "test_generator_means.moc"
