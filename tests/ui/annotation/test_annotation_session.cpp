// The annotation session's time and flags on a real project file. Time on an item is counted in
// memory until the person has an evaluation of it, then goes to the store with the first edit,
// and straight to the store afterwards; it is never an undo step, and a read-only session keeps
// none. Flags are one undo step each, stored as the evaluation's "flags"/"flag_note" keys beside
// the keys an import brought (those stay); undo and redo write the store. Expected values are
// written here by hand and read back through the store, not through the session.
#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include "core/json/extra_fields_json.h"
#include "core/store/store.h"
#include "tests/ui/annotation_session_test.h"
#include "ui/annotation/annotation_session.h"

using namespace vs;
using namespace vs::ui;

class TestAnnotationSession : public test::AnnotationSessionTest {
  Q_OBJECT
 private:
  // The stored extra keys of the person's evaluation, as the JSON object text the store keeps.
  QByteArray storedExtra(qint64 videoId) {
    const std::optional<Evaluation> e = mine(videoId);
    return e ? extraFieldsToJson(e->extra) : QByteArray("<none>");
  }
  static ItemFlags flags(std::initializer_list<ItemFlag> on, const QString& note = {}) {
    ItemFlags f;
    for (ItemFlag x : on) {
      f.set(x, true);
    }
    f.note = note;
    return f;
  }

 private slots:
  void init() { freshProject(); }

  void timeBeforeAnyEditWaitsForTheFirstOne() {
    const qint64 v = video("v01");
    session_->addTimeSpent(v, 1500);
    session_->addTimeSpent(v, 500);
    QVERIFY(!mine(v));  // looking at an item does not make an evaluation
    QCOMPARE(session_->pendingTimeMs(v), qint64(2000));
    QCOMPARE(session_->pendingTimeMs(video("v02")), qint64(0));  // per item
    QCOMPARE(undo_->count(), 0);

    session_->setScore(v, Dimension::Visual, 4);
    QCOMPARE(mine(v)->timeSpentMs, qint64(2000));
    QCOMPARE(session_->pendingTimeMs(v), qint64(0));
  }

  void timeAfterAnEditGoesToTheStoreAndIsNoUndoStep() {
    const qint64 v = video("v01");
    session_->setScore(v, Dimension::T2V, 2);
    QCOMPARE(mine(v)->timeSpentMs, qint64(0));
    session_->addTimeSpent(v, 700);
    session_->addTimeSpent(v, 300);
    QCOMPARE(mine(v)->timeSpentMs, qint64(1000));
    QCOMPARE(session_->pendingTimeMs(v), qint64(0));
    QCOMPARE(undo_->count(), 1);
    // Undoing the score keeps the time: it was spent either way.
    undo_->undo();
    QCOMPARE(mine(v)->scores[Dimension::T2V], std::optional<double>());
    QCOMPARE(mine(v)->timeSpentMs, qint64(1000));
    // No time, or a negative one, changes nothing.
    session_->addTimeSpent(v, 0);
    session_->addTimeSpent(v, -50);
    QCOMPARE(mine(v)->timeSpentMs, qint64(1000));
  }

  void aReadOnlySessionKeepsNoTimeAndNoFlags() {
    const qint64 v = video("v01");
    session_->setScore(v, Dimension::Phy, 5);
    session_->setReadOnly(true);
    session_->addTimeSpent(v, 900);
    session_->setFlags(v, flags({ItemFlag::Skip}));
    session_->setScore(v, Dimension::Phy, 1);
    QCOMPARE(mine(v)->timeSpentMs, qint64(0));
    QCOMPARE(session_->pendingTimeMs(v), qint64(0));
    QCOMPARE(storedExtra(v), QByteArray());
    QCOMPARE(mine(v)->scores[Dimension::Phy], std::optional<double>(5));
    QCOMPARE(undo_->count(), 1);
  }

  void flagsAreStoredAsTheirKeysAndUndoable() {
    const qint64 v = video("v02");
    QSignalSpy changed(session_.get(), &AnnotationSession::evaluationChanged);
    session_->addTimeSpent(v, 250);
    session_->setFlags(v, flags({ItemFlag::NeedsReview, ItemFlag::Skip}, QStringLiteral("odd \"hands\"")));
    QCOMPARE(undo_->count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), v);
    // Flagging an unjudged item makes the person's evaluation (no scores, origin human), which
    // takes the time counted so far.
    QCOMPARE(mine(v)->origin, Origin::Human);
    QVERIFY(!mine(v)->scores[Dimension::Visual].has_value());
    QCOMPARE(mine(v)->timeSpentMs, qint64(250));
    QCOMPARE(storedExtra(v),
             QByteArray("{\"flags\":[\"skip\",\"needs-review\"],\"flag_note\":\"odd \\\"hands\\\"\"}"));

    // The same flags again are no step; another set replaces them.
    session_->setFlags(v, flags({ItemFlag::Skip, ItemFlag::NeedsReview}, QStringLiteral("odd \"hands\"")));
    QCOMPARE(undo_->count(), 1);
    session_->setFlags(v, flags({ItemFlag::BrokenVideo}));
    QCOMPARE(undo_->count(), 2);
    QCOMPARE(storedExtra(v), QByteArray("{\"flags\":[\"broken-video\"]}"));

    undo_->undo();
    QCOMPARE(storedExtra(v),
             QByteArray("{\"flags\":[\"skip\",\"needs-review\"],\"flag_note\":\"odd \\\"hands\\\"\"}"));
    undo_->undo();
    QCOMPARE(storedExtra(v), QByteArray());
    QVERIFY(!session_->flags(v).any());
    undo_->redo();
    QVERIFY(session_->flags(v).has(ItemFlag::Skip));
    QVERIFY(!session_->flags(v).has(ItemFlag::BrokenVideo));
    QCOMPARE(session_->flags(v).note, QStringLiteral("odd \"hands\""));
  }

  void flagsKeepTheKeysAnImportBrought() {
    const qint64 v = video("v03");
    Evaluation e;
    e.videoId = v;
    e.annotatorId = session_->annotatorId();
    e.origin = Origin::Human;
    e.scores[Dimension::Visual] = 3;
    e.extra = {{"source_id", "\"clip-17\""}, {"rater_batch", "4"}};
    store_->upsertEvaluation(e);

    session_->setFlags(v, flags({ItemFlag::BrokenVideo}, QStringLiteral("black frames")));
    QCOMPARE(storedExtra(v), QByteArray("{\"source_id\":\"clip-17\",\"rater_batch\":4,\"flags\":[\"broken-"
                                        "video\"],\"flag_note\":\"black frames\"}"));
    QCOMPARE(mine(v)->scores[Dimension::Visual], std::optional<double>(3));  // scores untouched
    session_->setFlags(v, ItemFlags{});
    QCOMPARE(storedExtra(v), QByteArray("{\"source_id\":\"clip-17\",\"rater_batch\":4}"));
    undo_->undo();
    QCOMPARE(session_->flags(v).note, QStringLiteral("black frames"));
    QCOMPARE(storedExtra(v), QByteArray("{\"source_id\":\"clip-17\",\"rater_batch\":4,\"flags\":[\"broken-"
                                        "video\"],\"flag_note\":\"black frames\"}"));
  }
};

QTEST_MAIN(TestAnnotationSession)
#include "test_annotation_session.moc"
