// The integer scores of a model evaluation as a person is shown them, and the score lines found
// in its output, on outputs written by hand.
#include <QTest>

#include "core/domain/model_output.h"

using namespace vs;

namespace {
Scores soft(std::optional<double> v, std::optional<double> t, std::optional<double> p) {
  Scores s;
  s[Dimension::Visual] = v;
  s[Dimension::T2V] = t;
  s[Dimension::Phy] = p;
  return s;
}
const QString kBlock = QStringLiteral(
    "### Thinking Process:\nThe visual quality: 5 would need sharper edges.\n\n### Score:\n"
    "(1) visual quality: 4\n(2) text-to-video alignment: 2\n(3) physical/common-sense consistency: 5");
}  // namespace

class TestModelOutput : public QObject {
  Q_OBJECT
 private slots:
  void lastScoreLineWins() {
    const Scores hard = modelIntegerScores(soft(3.61, 2.2, 4.9), kBlock);
    QCOMPARE(hard[Dimension::Visual], std::optional<double>(4));  // not the quoted 5
    QCOMPARE(hard[Dimension::T2V], std::optional<double>(2));
    QCOMPARE(hard[Dimension::Phy], std::optional<double>(5));
  }

  void labelsAndNumbers() {
    // Case is ignored, "physical consistency" is accepted, 3.6 reads as 4.
    const Scores hard = modelIntegerScores(
        soft(1.0, 1.0, 1.0),
        QStringLiteral("VISUAL QUALITY : 2\nText-to-video alignment:3.6\nphysical consistency: 1"));
    QCOMPARE(hard[Dimension::Visual], std::optional<double>(2));
    QCOMPARE(hard[Dimension::T2V], std::optional<double>(4));
    QCOMPARE(hard[Dimension::Phy], std::optional<double>(1));
  }

  void softScoreWhereNoLineInRange() {
    // Visual: no line -> 3.61 rounds to 4. T2V: a 7 is out of range -> 0.4 rounds to 0, clamped to 1.
    // Phy: no line, no soft score -> absent.
    const Scores hard =
        modelIntegerScores(soft(3.61, 0.4, std::nullopt), QStringLiteral("text-to-video alignment: 7"));
    QCOMPARE(hard[Dimension::Visual], std::optional<double>(4));
    QCOMPARE(hard[Dimension::T2V], std::optional<double>(1));
    QVERIFY(!hard[Dimension::Phy]);
    QCOMPARE(modelIntegerScores(soft(5.7, 2.5, 1.2), QString())[Dimension::Visual], std::optional<double>(5));
  }

  void fromAnEvaluation() {
    Evaluation e;
    e.scores = soft(3.61, 2.2, 4.9);
    e.thinking = kBlock;
    QCOMPARE(modelIntegerScores(e), modelIntegerScores(e.scores, e.thinking));
  }

  void scoreLineRanges() {
    const QString out = QStringLiteral("a <b> c\nphysical consistency: 2\nvisual quality: 4");
    const QVector<QPair<int, int>> ranges = modelScoreLineRanges(out);
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(ranges[0], (QPair<int, int>{8, 31}));  // in order of position
    QCOMPARE(out.mid(ranges[0].first, ranges[0].second - ranges[0].first),
             QStringLiteral("physical consistency: 2"));
    QCOMPARE(out.mid(ranges[1].first, ranges[1].second - ranges[1].first),
             QStringLiteral("visual quality: 4"));
  }
};

QTEST_GUILESS_MAIN(TestModelOutput)
#include "test_model_output.moc"
