// The model side as the score panel shows it: integer scores from the score lines (the last
// block wins), soft scores as stored, highlighted score lines; flags kept as extra keys.
#include <QTest>

#include "core/scoring/demo_model.h"
#include "ui/annotation/item_flags.h"
#include "ui/annotation/model_view.h"

using namespace vs;
using namespace vs::ui;

class TestModelView : public QObject {
  Q_OBJECT
 private slots:
  // People read the random-weight demo model's noise as reasoning unless it is marked.
  void demoModelResultsAreMarked() {
    Evaluation e;
    e.modelId = QString::fromLatin1(vs::scoring::kDemoModelId);
    e.thinking = QStringLiteral("visual quality: 3");
    QVERIFY(ModelView::fromEvaluation(e).demo);
    e.modelId = QStringLiteral("demo/model");  // written before the demo model said so
    QVERIFY(ModelView::fromEvaluation(e).demo);
    e.modelId = QStringLiteral("TIGER-Lab/VideoScore2");
    QVERIFY(!ModelView::fromEvaluation(e).demo);
    QVERIFY(demoModelNotice().contains(QStringLiteral("random-weight")));
  }
  void hardScoresFromTheScoreLines() {
    Evaluation e;
    e.scores[Dimension::Visual] = 3.61;
    e.scores[Dimension::T2V] = 2.2;
    e.scores[Dimension::Phy] = 4.9;
    e.thinking = QStringLiteral(
        "The visual quality: 5 would need sharper edges.\n### Score:\n(1) visual quality: 4\n"
        "(2) text-to-video alignment: 2\n(3) physical/common-sense consistency: 5\n");
    const ModelView v = ModelView::fromEvaluation(e);
    QCOMPARE(v.hard[Dimension::Visual], std::optional<double>(4));
    QCOMPARE(v.hard[Dimension::T2V], std::optional<double>(2));
    QCOMPARE(v.hard[Dimension::Phy], std::optional<double>(5));
    QCOMPARE(v.soft[Dimension::Visual], std::optional<double>(3.61));
  }

  void roundsSoftScoresWithoutScoreLines() {
    Evaluation e;
    e.scores[Dimension::Visual] = 3.61;
    e.scores[Dimension::Phy] = 1.2;
    e.thinking = QStringLiteral("no block here");
    const ModelView v = ModelView::fromEvaluation(e);
    QCOMPARE(v.hard[Dimension::Visual], std::optional<double>(4));
    QVERIFY(!v.hard[Dimension::T2V]);
    QCOMPARE(v.hard[Dimension::Phy], std::optional<double>(1));
  }

  void highlightsScoreLines() {
    const QString out = QStringLiteral("a <b> c\nvisual quality: 4\nphysical consistency: 2");
    const QVector<QPair<int, int>> ranges = scoreLineRanges(out);
    QCOMPARE(ranges.size(), 2);
    QCOMPARE(out.mid(ranges[0].first, ranges[0].second - ranges[0].first),
             QStringLiteral("visual quality: 4"));
    QCOMPARE(out.mid(ranges[1].first, ranges[1].second - ranges[1].first),
             QStringLiteral("physical consistency: 2"));
    const QString html = reasoningHtml(out, QStringLiteral("#ff0"));
    QVERIFY(html.startsWith(QStringLiteral("a &lt;b&gt; c<br>")));
    QVERIFY(
        html.contains(QStringLiteral("background-color:#ff0; font-weight:bold\">visual quality: 4</span>")));
  }

  void flagsRoundTripThroughExtraKeys() {
    ExtraFields extra{{"source", "\"vf2\""}};
    ItemFlags f;
    f.set(ItemFlag::BrokenVideo, true);
    f.set(ItemFlag::NeedsReview, true);
    f.note = QStringLiteral("frames \"freeze\" at 2 s");
    const ExtraFields written = f.toExtra(extra);
    QCOMPARE(written.size(), size_t(3));
    QCOMPARE(written[0].key, QByteArray("source"));
    QCOMPARE(written[1].jsonValue, QByteArray("[\"broken-video\",\"needs-review\"]"));
    QCOMPARE(written[2].jsonValue, QByteArray("\"frames \\\"freeze\\\" at 2 s\""));
    QCOMPARE(ItemFlags::fromExtra(written), f);
    QCOMPARE(ItemFlags{}.toExtra(written), extra);  // clearing removes the keys
  }
};

QTEST_MAIN(TestModelView)
#include "test_model_view.moc"
