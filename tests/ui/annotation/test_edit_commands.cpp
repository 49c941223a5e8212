// Edit commands on a real project file: typing in one text field of one video merges into one
// undo step (and only then); scores never merge; undo and redo write the store; a score edit
// after accepting the model's scores turns the origin to model-edited, and back to
// model-accepted when the scores equal the model's again.
#include <QtTest>

#include <QTemporaryDir>
#include <QUndoStack>

#include "core/store/store.h"
#include "tests/ui/annotation_session_test.h"
#include "ui/annotation/annotation_session.h"
#include "ui/annotation/edit_commands.h"

using namespace vs;
using namespace vs::ui;

class TestEditCommands : public test::AnnotationSessionTest {
  Q_OBJECT
 private slots:
  void init() { freshProject(); }

  void typingInOneFieldIsOneStep() {
    const qint64 v = video("v01");
    session_->setText(v, EvaluationField::Thinking, QStringLiteral("s"));
    session_->setText(v, EvaluationField::Thinking, QStringLiteral("sm"));
    session_->setText(v, EvaluationField::Thinking, QStringLiteral("smooth"));
    QCOMPARE(undo_->count(), 1);
    QCOMPARE(mine(v)->thinking, QStringLiteral("smooth"));
    undo_->undo();
    QCOMPARE(mine(v)->thinking, QString());
    undo_->redo();
    QCOMPARE(mine(v)->thinking, QStringLiteral("smooth"));
  }

  void anotherFieldOrVideoIsANewStep() {
    const qint64 v1 = video("v01");
    const qint64 v2 = video("v02");
    session_->setText(v1, EvaluationField::Thinking, QStringLiteral("a"));
    session_->setText(v1, rationaleField(Dimension::Visual), QStringLiteral("b"));
    session_->setText(v2, rationaleField(Dimension::Visual), QStringLiteral("c"));
    session_->setText(v2, rationaleField(Dimension::Visual), QStringLiteral("cd"));
    QCOMPARE(undo_->count(), 3);
    undo_->undo();
    QCOMPARE(mine(v2)->rationale[0], QString());
    QCOMPARE(mine(v1)->rationale[0], QStringLiteral("b"));
  }

  void scoresNeverMerge() {
    const qint64 v = video("v01");
    session_->setScore(v, Dimension::Visual, 2);
    session_->setScore(v, Dimension::Visual, 3);
    QCOMPARE(undo_->count(), 2);
    undo_->undo();
    QCOMPARE(mine(v)->scores[Dimension::Visual], std::optional<double>(2));
    QCOMPARE(mine(v)->origin, Origin::Human);
  }

  void aStepBetweenTextEditsEndsTheMerge() {
    // The merge rule looks at the step right before only: a score edit in between keeps the
    // two text edits apart.
    const qint64 v = video("v01");
    session_->setText(v, EvaluationField::Thinking, QStringLiteral("a"));
    session_->setScore(v, Dimension::Phy, 4);
    session_->setText(v, EvaluationField::Thinking, QStringLiteral("ab"));
    QCOMPARE(undo_->count(), 3);
  }

  void originFollowsTheModelsScores() {
    const qint64 v = video("v01");  // model: 4, 4, 3
    session_->acceptModel(v);
    QCOMPARE(mine(v)->origin, Origin::ModelAccepted);
    QCOMPARE(mine(v)->scores[Dimension::Phy], std::optional<double>(3));
    session_->setScore(v, Dimension::Phy, 5);
    QCOMPARE(mine(v)->origin, Origin::ModelEdited);
    session_->setScore(v, Dimension::Phy, 3);
    QCOMPARE(mine(v)->origin, Origin::ModelAccepted);
    undo_->undo();
    QCOMPARE(mine(v)->origin, Origin::ModelEdited);
    undo_->undo();
    undo_->undo();
    QVERIFY(!mine(v) || mine(v)->origin == Origin::Human);
    QCOMPARE(commandVideoId(undo_->command(0)), v);
  }
};

QTEST_MAIN(TestEditCommands)
#include "test_edit_commands.moc"
