// PreferenceSession without a window: the schedule asks the stated number of questions (all
// pairs 6 for 4 candidates; each dimension its own order), open judging keeps the schedule's
// order, a new session resumes from the store, undo/redo go through the store, and Best-of-N
// picks keep the tiles' order.
#include <QTest>
#include <QUndoStack>

#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/preference/preference_session.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString project(const QString& name) {
  return test::makeProject(qEnvironmentVariable("VS_TEST_TMP") + QLatin1Char('/') + name, 1);
}

// Answers by video name order: the smaller name is better (v01 > v02 > v03 > v04).
PreferenceChoice byName(const PreferenceSession& s, const ShownPair& p) {
  return s.video(p.left)->name < s.video(p.right)->name ? PreferenceChoice::Left : PreferenceChoice::Right;
}

}  // namespace

class TestPreferenceSession : public QObject {
  Q_OBJECT
 private slots:
  void allPairsAsksEveryPairOnce() {
    store::Store store(project(QStringLiteral("all")));
    QUndoStack undo;
    PreferenceSession s(store, store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human), undo);
    s.setSchedule(analysis::ScheduleMethod::AllPairs);
    s.setPrompt(store.addPrompt(QStringLiteral("prompt number 1")));
    QCOMPARE(s.currentPair()->remainingAtMost, 6);
    int asked = 0;
    while (const auto p = s.currentPair()) {
      QVERIFY(s.choose(byName(s, *p), {}));
      ++asked;
    }
    QCOMPARE(asked, 6);
    const auto tiers = s.ranking(PreferenceDimension::Overall);
    QCOMPARE(tiers.size(), 4);
    QCOMPARE(s.video(tiers[0][0])->name, QStringLiteral("v01"));
    QCOMPARE(s.video(tiers[3][0])->name, QStringLiteral("v04"));
  }

  void openJudgingKeepsTheScheduleOrderAndResumes() {
    const QString path = project(QStringLiteral("open"));
    qint64 promptId = 0;
    {
      store::Store store(path);
      QUndoStack undo;
      PreferenceSession s(store, store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human), undo);
      s.setBlinding(Blinding::Open);
      promptId = store.addPrompt(QStringLiteral("prompt number 1"));
      s.setPrompt(promptId);
      const ShownPair first = *s.currentPair();
      QVERIFY(!first.swapped);
      QCOMPARE(s.video(first.left)->name, QStringLiteral("v02"));  // the schedule asks (v02, v01)
      QVERIFY(s.choose(PreferenceChoice::Right, QStringLiteral("v01 is steadier")));
      QVERIFY(s.choose(byName(s, *s.currentPair()), {}));
      const auto rows = store.preferences();
      QCOMPARE(rows.size(), 2);
      QCOMPARE(rows[0].order, PresentationOrder::AsListed);
      QCOMPARE(rows[0].reason, QStringLiteral("v01 is steadier"));
      QVERIFY(rows[0].timeSpentMs >= 0);
      // Undo and redo write the store.
      undo.undo();
      QCOMPARE(store.preferences().size(), 1);
      undo.redo();
      QCOMPARE(store.preferences().size(), 2);
    }
    // A new session on the project goes on where the answers stand.
    store::Store store(path);
    QUndoStack undo;
    PreferenceSession s(store, store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human), undo);
    s.setBlinding(Blinding::Open);
    s.setPrompt(promptId);
    QCOMPARE(s.currentPair()->asked, 2);
    int asked = 2;
    while (const auto p = s.currentPair()) {
      QVERIFY(s.choose(byName(s, *p), {}));
      ++asked;
    }
    QVERIFY(asked <= analysis::ComparisonSchedule::binaryInsertionWorstCase(4));
    QCOMPARE(s.ranking(PreferenceDimension::Overall).size(), 4);
  }

  void eachDimensionHasItsOwnOrder() {
    store::Store store(project(QStringLiteral("dims")));
    QUndoStack undo;
    PreferenceSession s(store, store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human), undo);
    s.setScope(PreferenceScope::EachDimension);
    s.setPrompt(store.addPrompt(QStringLiteral("prompt number 1")));
    QCOMPARE(s.currentPair()->dimension, PreferenceDimension::Visual);
    int asked = 0;
    while (const auto p = s.currentPair()) {
      // Visual and physics by name; text alignment the other way round.
      const PreferenceChoice c = byName(s, *p);
      QVERIFY(s.choose(p->dimension == PreferenceDimension::T2V ? mirrored(c) : c, {}));
      ++asked;
    }
    QVERIFY(asked >= 3 * 3 && asked <= 3 * 5);  // 3..5 comparisons for 4 candidates, per dimension
    QCOMPARE(s.video(s.ranking(PreferenceDimension::Visual)[0][0])->name, QStringLiteral("v01"));
    QCOMPARE(s.video(s.ranking(PreferenceDimension::T2V)[0][0])->name, QStringLiteral("v04"));
    QCOMPARE(s.video(s.ranking(PreferenceDimension::Phy)[0][0])->name, QStringLiteral("v01"));
  }

  void readOnlyRecordsNothing() {
    store::Store store(project(QStringLiteral("ro")));
    QUndoStack undo;
    PreferenceSession s(store, store.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human), undo);
    s.setReadOnly(true);
    s.setPrompt(store.addPrompt(QStringLiteral("prompt number 1")));
    QVERIFY(!s.choose(PreferenceChoice::Left, {}));
    QVERIFY(!s.pickBest(0));
    QCOMPARE(store.preferences().size(), 0);
    QCOMPARE(undo.count(), 0);
  }
};

QTEST_MAIN(TestPreferenceSession)
#include "test_preference_session.moc"
