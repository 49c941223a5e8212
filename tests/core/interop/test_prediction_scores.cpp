// The prediction reader reports the file as it is; referenceModelScores applies
// eval/get_acc_corr.py _load_scores on top (whole-file re-parse, 0s when nothing matches).
#include <QTest>

#include "core/interop/item_reader.h"
#include "core/interop/prediction_scores.h"

using namespace vs;
using namespace vs::interop;

class TestPredictionScores : public QObject {
  Q_OBJECT
 private slots:
  void softScoresBelowOneAreKept() {
    const auto items = parseItems(
        "[{\"video_name\": \"a\", \"v_score_gt\": 1, \"t_score_gt\": 2, \"p_score_gt\": 3,"
        "  \"v_score_model\": 0.4123, \"t_score_model\": 5, \"p_score_model\": null}]",
        Format::Predictions, QStringLiteral("p.json"));
    QCOMPARE(items[0].modelState, ModelScoreState::Given);
    QCOMPARE(*items[0].modelScores.value[0], 0.4123);
    QVERIFY(!items[0].modelScores.value[2]);  // null: given as null, not missing
    const ReferenceModelScores ref = referenceModelScores(items);
    QVERIFY(!ref.reparsedFromOutput);
    QCOMPARE(*ref.scores[0][0], 0.4123);
    QVERIFY(!ref.scores[0][2]);
  }
  void oneMissingKeyReparsesTheWholeFile() {
    const auto items = parseItems(
        "[{\"video_name\": \"a\", \"v_score_model\": 2.5, \"t_score_model\": 2, \"p_score_model\": 2,"
        "  \"output\": \"visual quality: 0\\ntext-to-video alignment: 3\\nphysical/common-sense consistency: "
        "4\"},"
        " {\"video_name\": \"b\", \"v_score_model\": 2, \"t_score_model\": 2, \"output\": \"no scores\"}]",
        Format::Predictions, QStringLiteral("p.json"));
    QCOMPARE(items[0].modelState, ModelScoreState::Given);
    QCOMPARE(*items[0].modelScores.value[0], 2.5);
    QCOMPARE(items[1].modelState, ModelScoreState::Unparsed);  // a key is missing and the text has no scores
    QVERIFY(!items[1].modelScores.value[0]);
    const ReferenceModelScores ref = referenceModelScores(items);
    QVERIFY(ref.reparsedFromOutput);
    QCOMPARE(*ref.scores[0][0], 1.0);  // re-parsed from the text: max(0, 1)
    QCOMPARE(*ref.scores[0][1], 3.0);
    QCOMPARE(*ref.scores[1][0], 0.0);  // nothing matches: 0 for all three
    QCOMPARE(*ref.scores[1][2], 0.0);
  }
  void nonFiniteModelScoreIsInvalid() {
    QVERIFY_THROWS_EXCEPTION(
        std::exception, parseItems("[{\"video_name\": \"a\", \"v_score_model\": 1e999, \"t_score_model\": 1,"
                                   " \"p_score_model\": 1}]",
                                   Format::Predictions, QStringLiteral("p.json")));
  }
};

QTEST_GUILESS_MAIN(TestPredictionScores)
#include "test_prediction_scores.moc"
