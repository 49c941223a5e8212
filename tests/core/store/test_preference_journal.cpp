// Preference choices in the offline journal (core/store/preference_edit.cpp with
// Store::applyPreferenceEdit and journal_replay.cpp), against a throwaway PostgreSQL cluster
// (skips without one): pairwise choices, Best-of-N picks and their undos kept while the server
// is stopped arrive in the order they were made, among evaluation edits, once it is back; each
// is keyed by names and video ids (no row id), applying one twice changes nothing, and one the
// server refuses is set aside with the reason while the rest arrive.
#include <QDir>
#include <QtTest>

#include "core/store/edit_journal.h"
#include "core/store/journal_replay.h"
#include "core/store/store.h"
#include "journal_test.h"

using namespace vs;
using vs::store::BestOfNPickChange;
using vs::store::EditJournal;
using vs::store::EvaluationEdit;
using vs::store::OpenMode;
using vs::store::PreferenceChange;
using vs::store::PreferenceEdit;
using vs::store::Store;

namespace {

const QString kAna = QStringLiteral("ana");

EvaluationEdit visual(qint64 video, double score) {
  EvaluationEdit e;
  e.videoId = video;
  e.annotator = kAna;
  e.fields.emplace_back(EvaluationField::VisualScore, score);
  return e;
}

// What the preference view knows of a choice made while the server is away: no ids but the
// videos'.
PreferenceRecord shown(qint64 left, qint64 right, PreferenceChoice choice, const QString& reason = {}) {
  PreferenceRecord p;
  p.leftVideoId = left;
  p.rightVideoId = right;
  p.choice = choice;
  p.reason = reason;
  p.timeSpentMs = 1200;
  return p;
}

PreferenceChange changeOf(std::optional<PreferenceRecord> before, PreferenceRecord after) {
  PreferenceChange c;
  c.before = std::move(before);
  c.after = std::move(after);
  return c;
}

BestOfNPick pickOf(qint64 prompt, const QVector<qint64>& candidates, qint64 best,
                   std::optional<qint64> worst) {
  BestOfNPick p;
  p.promptId = prompt;
  p.candidateVideoIds = candidates;
  p.bestVideoId = best;
  p.worstVideoId = worst;
  p.timeSpentMs = 3000;
  return p;
}

QStringList choiceHistory(Store& s, qint64 preferenceId) {
  QStringList out;
  for (const store::PreferenceHistoryEntry& h : s.preferenceHistory(preferenceId))
    out << h.field + QLatin1Char('=') + h.newValue.toString();
  return out;
}

}  // namespace

class TestPreferenceJournal : public vs::test::JournalTest {
  Q_OBJECT
  qint64 prompt_ = 0;

  QVector<qint64> addVideos(Store& s, int count) {
    prompt_ = s.addPrompt(QStringLiteral("two cats on a piano"));
    QVector<qint64> ids;
    for (int i = 0; i < count; ++i) {
      Video v;
      v.promptId = prompt_;
      v.name = QStringLiteral("c%1").arg(i);
      ids << s.addVideo(v);
    }
    return ids;
  }

 private slots:
  void initTestCase() { startJournalTest(QStringLiteral("vs_preference_journal")); }

  // Choices, picks and undos made while the server is stopped wait with the score edits, read
  // back from the file as they were kept, and arrive in order once it is back.
  void choicesAndUndosArriveInOrder() {
    const QString project = backend_.fresh(QStringLiteral("order"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 4);
    // Online before the server goes: c0 is preferred to c1.
    const PreferenceRecord first = shown(v[0], v[1], PreferenceChoice::Left, QStringLiteral("sharper"));
    s.applyPreferenceEdit(store::preferenceEditOf(changeOf(std::nullopt, first), kAna, false));
    const qint64 ana = s.findAnnotator(kAna)->id;
    const qint64 firstId = s.findPreference(ana, v[0], v[1], PreferenceDimension::Overall)->id;

    QVERIFY(backend_.cluster()->stopServer());
    EditJournal j(freshJournal(), project);
    j.append(visual(v[0], 3));
    // c1 against c2: right (new row), then shown the other way round and changed, then undone.
    const PreferenceChange newPair = changeOf(std::nullopt, shown(v[1], v[2], PreferenceChoice::Right));
    j.append(store::preferenceEditOf(newPair, kAna, false));
    // c0 against c1 again, shown swapped: now c1 is preferred; then undone (back to "first").
    const PreferenceChange again =
        changeOf(first, shown(v[1], v[0], PreferenceChoice::Left, QStringLiteral("no")));
    j.append(store::preferenceEditOf(again, kAna, false));
    j.append(store::preferenceEditOf(again, kAna, true));
    // c2 against c3: a tie, undone (the row it made goes).
    const PreferenceChange tie = changeOf(std::nullopt, shown(v[2], v[3], PreferenceChoice::Tie));
    j.append(store::preferenceEditOf(tie, kAna, false));
    j.append(store::preferenceEditOf(tie, kAna, true));
    // Best-of-N: best c3, undone, then best c1 worst c0.
    BestOfNPickChange pick;
    pick.after = pickOf(prompt_, v, v[3], std::nullopt);
    j.append(store::preferenceEditOf(pick, kAna, false));
    j.append(store::preferenceEditOf(pick, kAna, true));
    BestOfNPickChange pick2;
    pick2.after = pickOf(prompt_, v, v[1], v[0]);
    j.append(store::preferenceEditOf(pick2, kAna, false));
    j.append(visual(v[0], 4));
    QCOMPARE(j.pendingCount(), 10);

    // Read back from the file exactly as kept.
    EditJournal reopened(j.path(), project);
    QCOMPARE(reopened.pendingCount(), 10);
    QVERIFY(!reopened.pending()[0].preference);
    QCOMPARE(reopened.pending()[0].edit.videoId, v[0]);
    const std::optional<PreferenceEdit> kept = reopened.pending()[2].preference;
    QVERIFY(kept);
    QCOMPARE(kept->kind, PreferenceEdit::Kind::Pair);
    QCOMPARE(kept->annotator, kAna);
    QCOMPARE(kept->pair.leftVideoId, v[1]);
    QCOMPARE(kept->pair.rightVideoId, v[0]);
    QCOMPARE(kept->pair.choice, PreferenceChoice::Left);
    QCOMPARE(kept->pair.reason, QStringLiteral("no"));
    QCOMPARE(kept->pair.timeSpentMs, qint64(1200));
    QVERIFY(!kept->remove);
    QVERIFY(reopened.pending()[5].preference->remove);
    const PreferenceEdit keptPick = *reopened.pending()[8].preference;
    QCOMPARE(keptPick.kind, PreferenceEdit::Kind::Pick);
    QCOMPARE(keptPick.pick.candidateVideoIds, v);
    QCOMPARE(keptPick.pick.bestVideoId, v[1]);
    QCOMPARE(keptPick.pick.worstVideoId, std::optional<qint64>(v[0]));
    QVERIFY(!reopened.pending()[7].preference->pick.worstVideoId);

    store::ReplayResult r = store::replayJournal(j, s);
    QVERIFY(r.stopped && r.offline);
    QCOMPARE(j.pendingCount(), 10);
    QVERIFY(backend_.cluster()->startServer());
    r = store::replayJournal(j, s);
    QCOMPARE(r.sent, 10);
    QCOMPARE(r.refused, 0);
    QCOMPARE(r.preferences, 8);
    QCOMPARE(r.videos, (QVector<qint64>{v[0], v[0]}));
    QVERIFY(j.isEmpty());

    Store other(project);
    QCOMPARE(other.findEvaluation(v[0], ana)->scores[Dimension::Visual], std::optional<double>(4));
    const auto pair = other.findPreference(ana, v[2], v[1], PreferenceDimension::Overall);
    QVERIFY(pair);
    QCOMPARE(pair->leftVideoId, v[1]);
    QCOMPARE(pair->choice, PreferenceChoice::Right);
    QCOMPARE(pair->promptId, prompt_);
    const auto back = other.findPreference(ana, v[0], v[1], PreferenceDimension::Overall);
    QVERIFY(back);
    QCOMPARE(back->id, firstId);
    QCOMPARE(back->leftVideoId, v[0]);
    QCOMPARE(back->choice, PreferenceChoice::Left);
    QCOMPARE(back->reason, QStringLiteral("sharper"));
    // The choice and its undo both arrived, in that order.
    const QStringList history = choiceHistory(other, firstId);
    QVERIFY2(history.indexOf(QStringLiteral("reason=no")) >= 0, qPrintable(history.join(' ')));
    QVERIFY2(
        history.indexOf(QStringLiteral("reason=no")) < history.lastIndexOf(QStringLiteral("reason=sharper")),
        qPrintable(history.join(' ')));
    QVERIFY(!other.findPreference(ana, v[2], v[3], PreferenceDimension::Overall));
    const auto best = other.findBestOfNPick(ana, prompt_);
    QVERIFY(best);
    QCOMPARE(best->bestVideoId, v[1]);
    QCOMPARE(best->worstVideoId, std::optional<qint64>(v[0]));
    QCOMPARE(best->candidateVideoIds, v);
    QCOMPARE(other.preferences().size(), 2);
  }

  // A choice applied twice (its commit reached the server but the journal was not told): the
  // same row, no second history row; an undo applied twice removes once.
  void applyingTwiceChangesNothing() {
    const QString project = backend_.fresh(QStringLiteral("twice"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 3);
    const PreferenceChange c =
        changeOf(std::nullopt, shown(v[0], v[1], PreferenceChoice::Right, QStringLiteral("r")));
    const PreferenceEdit e = store::preferenceEditOf(c, kAna, false);
    s.applyPreferenceEdit(e);
    const qint64 ana = s.findAnnotator(kAna)->id;
    const PreferenceRecord once = *s.findPreference(ana, v[0], v[1], PreferenceDimension::Overall);
    const int historyOnce = s.preferenceHistory(once.id).size();
    s.applyPreferenceEdit(e);
    const PreferenceRecord twice = *s.findPreference(ana, v[0], v[1], PreferenceDimension::Overall);
    QCOMPARE(twice.id, once.id);
    QCOMPARE(twice.updated, once.updated);
    QCOMPARE(s.preferenceHistory(once.id).size(), historyOnce);

    BestOfNPickChange p;
    p.after = pickOf(prompt_, v, v[2], v[0]);
    const PreferenceEdit pe = store::preferenceEditOf(p, kAna, false);
    s.applyPreferenceEdit(pe);
    const BestOfNPick pickOnce = *s.findBestOfNPick(ana, prompt_);
    const int pickHistory = s.bestOfNPickHistory(pickOnce.id).size();
    s.applyPreferenceEdit(pe);
    const BestOfNPick pickTwice = *s.findBestOfNPick(ana, prompt_);
    QCOMPARE(pickTwice.id, pickOnce.id);
    QCOMPARE(pickTwice.updated, pickOnce.updated);
    QCOMPARE(s.bestOfNPickHistory(pickOnce.id).size(), pickHistory);

    const PreferenceEdit undo = store::preferenceEditOf(c, kAna, true);
    s.applyPreferenceEdit(undo);
    s.applyPreferenceEdit(undo);
    QVERIFY(!s.findPreference(ana, v[0], v[1], PreferenceDimension::Overall));
    QCOMPARE(s.preferences().size(), 0);
  }

  // A choice the server refuses (two videos of different prompts) is set aside with the reason;
  // the entries after it still arrive.
  void refusedChoiceIsKeptAside() {
    const QString project = backend_.fresh(QStringLiteral("refused"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 2);
    Video stray;
    stray.promptId = s.addPrompt(QStringLiteral("a lighthouse at dusk"));
    stray.name = QStringLiteral("stray");
    const qint64 other = s.addVideo(stray);
    EditJournal j(freshJournal(), project);
    j.append(store::preferenceEditOf(changeOf(std::nullopt, shown(v[0], other, PreferenceChoice::Left)), kAna,
                                     false));
    j.append(store::preferenceEditOf(changeOf(std::nullopt, shown(v[0], v[1], PreferenceChoice::Tie)), kAna,
                                     false));
    j.append(visual(v[1], 2));
    const store::ReplayResult r = store::replayJournal(j, s);
    QCOMPARE(r.sent, 2);
    QCOMPARE(r.refused, 1);
    QVERIFY(j.isEmpty());
    const QVector<EditJournal::Refused> aside = EditJournal(j.path(), project).refused();
    QCOMPARE(aside.size(), 1);
    QVERIFY(aside[0].preference);
    QCOMPARE(aside[0].preference->pair.rightVideoId, other);
    QVERIFY2(aside[0].reason.contains(QStringLiteral("different prompts")), qPrintable(aside[0].reason));
    const qint64 ana = s.findAnnotator(kAna)->id;
    QCOMPARE(s.findPreference(ana, v[0], v[1], PreferenceDimension::Overall)->choice, PreferenceChoice::Tie);
    QCOMPARE(s.findEvaluation(v[1], ana)->scores[Dimension::Visual], std::optional<double>(2));
  }
};

QTEST_GUILESS_MAIN(TestPreferenceJournal)
#include "test_preference_journal.moc"
