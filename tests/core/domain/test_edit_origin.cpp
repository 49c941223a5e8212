// The origin rules of a person's score edits: human from scratch, model-accepted while the
// scores equal the model's integer scores, model-edited once they differ.
#include <QTest>

#include "core/domain/edit_origin.h"

using namespace vs;

namespace {
Scores scores(std::optional<double> v, std::optional<double> t, std::optional<double> p) {
  Scores s;
  s[Dimension::Visual] = v;
  s[Dimension::T2V] = t;
  s[Dimension::Phy] = p;
  return s;
}
}  // namespace

class TestEditOrigin : public QObject {
  Q_OBJECT
 private slots:
  void typedFromScratchStaysHuman() {
    const Scores model = scores(4, 4, 3);
    // No evaluation yet, or a human one: human, even when the scores happen to equal the model's.
    QCOMPARE(originAfterScoreEdit(std::nullopt, model, scores(4, 4, 3)), Origin::Human);
    QCOMPARE(originAfterScoreEdit(Origin::Human, model, scores(4, 4, 3)), Origin::Human);
    QCOMPARE(originAfterScoreEdit(Origin::Human, model, scores(1, 4, 3)), Origin::Human);
    // An evaluation the model wrote itself is not one a person started from the model.
    QCOMPARE(originAfterScoreEdit(Origin::Model, model, scores(1, 4, 3)), Origin::Human);
  }

  void acceptedThenEditedThenBack() {
    const Scores model = scores(4, 4, 3);
    QCOMPARE(originAfterScoreEdit(Origin::ModelAccepted, model, scores(5, 4, 3)), Origin::ModelEdited);
    QCOMPARE(originAfterScoreEdit(Origin::ModelEdited, model, scores(5, 4, 3)), Origin::ModelEdited);
    QCOMPARE(originAfterScoreEdit(Origin::ModelEdited, model, scores(4, 4, 3)), Origin::ModelAccepted);
    // A cleared score differs from the model's.
    QCOMPARE(originAfterScoreEdit(Origin::ModelAccepted, model, scores(4, std::nullopt, 3)),
             Origin::ModelEdited);
  }

  void withoutModelResultEverythingIsAnEdit() {
    QCOMPARE(originAfterScoreEdit(Origin::ModelAccepted, std::nullopt, scores(4, 4, 3)), Origin::ModelEdited);
  }

  void acceptMeansModelAccepted() {
    QCOMPARE(kOriginAfterAccept, Origin::ModelAccepted);
    QVERIFY(startedFromModel(Origin::ModelAccepted));
    QVERIFY(startedFromModel(Origin::ModelEdited));
    QVERIFY(!startedFromModel(Origin::Model));
    QVERIFY(!startedFromModel(Origin::Human));
  }
};

QTEST_GUILESS_MAIN(TestEditOrigin)
#include "test_edit_origin.moc"
