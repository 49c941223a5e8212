// core/store/journal_replay.cpp with Store::applyEvaluationEdit, against a throwaway PostgreSQL
// cluster (skips without one): journaled edits arrive in order, each in its own transaction and
// removed only once committed; a replay stops at the first edit the server cannot take (the
// server stopped) and goes on from there once it is back; an edit the server refuses (a removed
// video, a value it does not accept) is set aside with the reason and the rest still arrive.
#include <QDir>
#include <QElapsedTimer>
#include <QtTest>

#include "core/json/extra_fields_json.h"
#include "core/store/edit_journal.h"
#include "core/store/journal_replay.h"
#include "core/store/store.h"
#include "journal_test.h"

using namespace vs;
using vs::store::EditJournal;
using vs::store::EvaluationEdit;
using vs::store::OpenMode;
using vs::store::Store;

namespace {

EvaluationEdit fieldEdit(qint64 video, EvaluationField field, const QVariant& value) {
  EvaluationEdit e;
  e.videoId = video;
  e.annotator = QStringLiteral("ana");
  e.fields.emplace_back(field, value);
  return e;
}

QVector<qint64> addVideos(Store& s, int count) {
  const qint64 prompt = s.addPrompt(QStringLiteral("a red kite over a beach"));
  QVector<qint64> ids;
  for (int i = 0; i < count; ++i) {
    Video v;
    v.promptId = prompt;
    v.name = QStringLiteral("v%1").arg(i);
    ids << s.addVideo(v);
  }
  return ids;
}

// The new values of `field` in the evaluation's history, oldest first.
QStringList historyOf(Store& s, qint64 video, const QString& field) {
  const auto who = s.findAnnotator(QStringLiteral("ana"));
  const auto e = who ? s.findEvaluation(video, who->id) : std::nullopt;
  QStringList values;
  if (!e)
    return values;
  for (const store::HistoryEntry& h : s.history(e->id)) {
    if (h.field == field)
      values << (h.newValue.isNull() ? QStringLiteral("null") : h.newValue.toString());
  }
  return values;
}

}  // namespace

class TestJournalReplay : public vs::test::JournalTest {
  Q_OBJECT

 private slots:
  void initTestCase() { startJournalTest(QStringLiteral("vs_journal_replay")); }

  // 100 edits of two videos arrive in the order they were made; the history has each value.
  void hundredEditsArriveInOrder() {
    const QString project = backend_.fresh(QStringLiteral("order"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 2);
    EditJournal j(freshJournal(), project);
    QStringList visual, thinking;
    QElapsedTimer kept;
    kept.start();
    for (int i = 0; i < 100; ++i) {
      if (i % 2 == 0) {
        j.append(fieldEdit(v[0], EvaluationField::VisualScore, double(1 + (i / 2) % 5)));
        visual << QString::number(1 + (i / 2) % 5);
      } else {
        const QString text = QStringLiteral("typed %1").arg(i);
        j.append(fieldEdit(v[1], EvaluationField::Thinking, text));
        thinking << text;
      }
    }
    qInfo("100 edits kept (each fsync'd) in %lld ms", kept.elapsed());
    QElapsedTimer t;
    t.start();
    const store::ReplayResult r = store::replayJournal(j, s);
    qInfo("100 journaled edits replayed in %lld ms (one transaction each, Unix socket)", t.elapsed());
    QCOMPARE(r.sent, 100);
    QCOMPARE(r.refused, 0);
    QVERIFY(!r.stopped);
    QVERIFY(j.isEmpty());
    QVERIFY(EditJournal(j.path(), project).isEmpty());  // removed on disk too
    Store other(project);
    QStringList gotVisual = historyOf(other, v[0], QStringLiteral("visual"));
    QCOMPARE(gotVisual, visual);
    QCOMPARE(historyOf(other, v[1], QStringLiteral("thinking")), thinking);
    const qint64 ana = other.findAnnotator(QStringLiteral("ana"))->id;
    QCOMPARE(other.findEvaluation(v[1], ana)->thinking, QStringLiteral("typed 99"));
    QCOMPARE(other.findEvaluation(v[0], ana)->scores[Dimension::Visual], std::optional<double>(5));
  }

  // The server goes away half way: the replay stops at the first edit it cannot send, keeps it
  // and the later ones, and sends them, in order, once the server is back.
  void stopsAtTheConnectionAndResumes() {
    const QString project = backend_.fresh(QStringLiteral("resume"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 1);
    EditJournal j(freshJournal(), project);
    QStringList expected;
    for (int i = 0; i < 20; ++i) {
      const QString text = QStringLiteral("line %1").arg(i);
      j.append(fieldEdit(v[0], EvaluationField::VisualRationale, text));
      expected << text;
    }
    store::ReplayResult r = store::replayJournal(j, s, 5);
    QCOMPARE(r.sent, 5);
    QVERIFY(backend_.cluster()->stopServer());
    r = store::replayJournal(j, s);
    QCOMPARE(r.sent, 0);
    QVERIFY(r.stopped);
    QVERIFY2(r.offline, qPrintable(r.reason));
    QCOMPARE(j.pendingCount(), 15);
    r = store::replayJournal(j, s);  // still away: nothing moves
    QVERIFY(r.stopped && r.offline);
    QCOMPARE(j.pendingCount(), 15);
    QCOMPARE(j.pending().front().edit.fields[0].second.toString(), QStringLiteral("line 5"));
    QVERIFY(backend_.cluster()->startServer());
    r = store::replayJournal(j, s);
    QCOMPARE(r.sent, 15);
    QVERIFY(!r.stopped);
    QVERIFY(j.isEmpty());
    Store other(project);
    QCOMPARE(historyOf(other, v[0], QStringLiteral("visual_rationale")), expected);
  }

  // Refused edits are set aside with the server's reason; nothing of a refused edit is written
  // (one transaction each), and the edits after it still arrive.
  void refusedEditsAreKeptAside() {
    const QString project = backend_.fresh(QStringLiteral("refused"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 1);
    EditJournal j(freshJournal(), project);
    j.append(fieldEdit(v[0], EvaluationField::T2VScore, 4.0));
    j.append(fieldEdit(v[0] + 1000, EvaluationField::T2VScore, 2.0));  // a video removed meanwhile
    EvaluationEdit half = fieldEdit(v[0], EvaluationField::Thinking, QStringLiteral("half written?"));
    half.fields.emplace_back(EvaluationField::PhyScore, 4.5);  // a person's score must be an integer
    j.append(half);
    EvaluationEdit flags;
    flags.videoId = v[0];
    flags.annotator = QStringLiteral("ana");
    flags.extra = {{"flags", QByteArray("[\"needs-review\"]")}, {"flag_note", QByteArray("\"ask bo\"")}};
    j.append(flags);
    const store::ReplayResult r = store::replayJournal(j, s);
    QCOMPARE(r.sent, 2);
    QCOMPARE(r.refused, 2);
    QVERIFY(!r.stopped);
    QVERIFY(j.isEmpty());
    const QVector<EditJournal::Refused> aside = EditJournal(j.path(), project).refused();
    QCOMPARE(aside.size(), 2);
    QCOMPARE(aside[0].edit.videoId, v[0] + 1000);
    QVERIFY2(aside[0].reason.contains(QStringLiteral("no such video")), qPrintable(aside[0].reason));
    QVERIFY2(aside[1].reason.contains(QStringLiteral("1..5")), qPrintable(aside[1].reason));
    Store other(project);
    const auto e = other.findEvaluation(v[0], other.findAnnotator(QStringLiteral("ana"))->id);
    QVERIFY(e);
    QCOMPARE(e->scores[Dimension::T2V], std::optional<double>(4));
    QVERIFY(e->thinking.isEmpty());  // the refused edit's first field was rolled back with it
    QVERIFY(!e->scores[Dimension::Phy]);
    QCOMPARE(extraFieldsToJson(e->extra),
             QByteArray("{\"flags\":[\"needs-review\"],\"flag_note\":\"ask bo\"}"));
  }

  // An edit sent twice (its commit reached the server but the journal was not told): the
  // evaluation is the same as after sending it once.
  void sendingTwiceChangesNothing() {
    const QString project = backend_.fresh(QStringLiteral("twice"));
    Store s(project, OpenMode::CreateNew);
    const QVector<qint64> v = addVideos(s, 1);
    EvaluationEdit e = fieldEdit(v[0], EvaluationField::VisualScore, 2.0);
    e.fields.emplace_back(EvaluationField::TimeSpentMs, qint64(5000));
    e.extra = {{"flags", QByteArray("[\"skip\"]")}};
    s.applyEvaluationEdit(e);
    const qint64 ana = s.findAnnotator(QStringLiteral("ana"))->id;
    const Evaluation once = *s.findEvaluation(v[0], ana);
    s.applyEvaluationEdit(e);
    const Evaluation twice = *s.findEvaluation(v[0], ana);
    QCOMPARE(twice.scores, once.scores);
    QCOMPARE(twice.timeSpentMs, qint64(5000));
    QCOMPARE(twice.extra, once.extra);
    QCOMPARE(twice.id, once.id);
  }
};

QTEST_GUILESS_MAIN(TestJournalReplay)
#include "test_journal_replay.moc"
