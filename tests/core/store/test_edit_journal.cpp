// core/store/edit_journal.cpp and evaluation_edit.cpp: the offline journal keeps a person's edits
// in order, on disk before append() returns (a writer killed with SIGKILL right after an append
// loses nothing it reported), across reopening; sent entries leave, refused ones are set aside
// with their reason; an edit reads back exactly as written and applies to an evaluation in
// memory as the store would. No server needed (the journal is a local SQLite file).
#include <QDir>
#include <QProcess>
#include <QtTest>
#include <csignal>
#include <cstdio>

#include "core/store/edit_journal.h"
#include "core/store/evaluation_edit.h"

using namespace vs;
using vs::store::EditJournal;
using vs::store::EvaluationEdit;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_edit_journal"));
}

const QString kProject = QStringLiteral("postgresql://ana@/videos?host=/tmp/sock");

// Edit number i: a score, a text, a cleared score, flags, time, in turn.
EvaluationEdit editNumber(int i) {
  EvaluationEdit e;
  e.videoId = 1 + i % 7;
  e.annotator = QStringLiteral("ana");
  switch (i % 5) {
    case 0:
      e.fields.emplace_back(EvaluationField::VisualScore, double(1 + i % 5));
      e.fields.emplace_back(EvaluationField::Origin, QStringLiteral("model-edited"));
      break;
    case 1:
      e.fields.emplace_back(EvaluationField::Thinking,
                            QStringLiteral("edit %1: grainy sky, 猫 \"quoted\"\n").arg(i));
      break;
    case 2:
      e.fields.emplace_back(EvaluationField::PhyScore, QVariant());
      break;
    case 3:
      e.extra.emplace_back("flags", QByteArray("[\"skip\"]"));
      e.extra.emplace_back("flag_note", std::nullopt);
      break;
    default:
      e.fields.emplace_back(EvaluationField::TimeSpentMs, qint64(1000) * i + 7);
      break;
  }
  return e;
}

bool sameEdit(const EvaluationEdit& a, const EvaluationEdit& b) {
  return a.videoId == b.videoId && a.annotator == b.annotator && a.fields == b.fields && a.extra == b.extra;
}

}  // namespace

class TestEditJournal : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
  }

  void editsReadBackExactly() {
    for (int i = 0; i < 10; ++i) {
      const EvaluationEdit e = editNumber(i);
      QVERIFY2(sameEdit(store::evaluationEditFromJson(store::evaluationEditToJson(e)), e),
               store::evaluationEditToJson(e).constData());
    }
    EvaluationEdit fine;
    fine.videoId = 3;
    fine.annotator = QStringLiteral("ana");
    fine.fields.emplace_back(EvaluationField::T2VScore, 0.1 + 0.2);  // 17 significant digits survive
    QCOMPARE(store::evaluationEditFromJson(store::evaluationEditToJson(fine)).fields[0].second.toDouble(),
             0.1 + 0.2);
    for (const QByteArray& bad : {QByteArray("{\"video\": 1}"), QByteArray("not json")}) {
      bool refused = false;
      try {
        store::evaluationEditFromJson(bad);
      } catch (const std::exception&) {
        refused = true;
      }
      QVERIFY2(refused, bad.constData());
    }
  }

  void appliesInMemoryAsTheStoreWould() {
    std::optional<Evaluation> e;
    EvaluationEdit a;
    a.videoId = 4;
    a.annotator = QStringLiteral("ana");
    a.fields = {{EvaluationField::VisualScore, 3.0},
                {EvaluationField::PhyRationale, QStringLiteral("falls up")},
                {EvaluationField::Origin, QStringLiteral("model-edited")},
                {EvaluationField::TimeSpentMs, qint64(1234)}};
    a.extra = {{"flags", QByteArray("[\"skip\",\"needs-review\"]")}, {"flag_note", QByteArray("\"ask bo\"")}};
    store::applyEvaluationEdit(a, e, 9);
    QVERIFY(e);
    QCOMPARE(e->videoId, qint64(4));
    QCOMPARE(e->annotatorId, qint64(9));
    QCOMPARE(e->scores[Dimension::Visual], std::optional<double>(3.0));
    QCOMPARE(e->rationale[2], QStringLiteral("falls up"));
    QCOMPARE(e->origin, Origin::ModelEdited);
    QCOMPARE(e->timeSpentMs, qint64(1234));
    QCOMPARE(e->extra.size(), size_t(2));
    EvaluationEdit b;
    b.videoId = 4;
    b.annotator = QStringLiteral("ana");
    b.fields = {{EvaluationField::VisualScore, QVariant()}};
    b.extra = {{"flags", std::nullopt}, {"flag_note", QByteArray("\"done\"")}};
    store::applyEvaluationEdit(b, e, 9);
    QVERIFY(!e->scores[Dimension::Visual]);
    QCOMPARE(e->extra.size(), size_t(1));
    QCOMPARE(e->extra[0].key, QByteArray("flag_note"));
    QCOMPARE(e->extra[0].jsonValue, QByteArray("\"done\""));
    const Evaluation once = *e;
    store::applyEvaluationEdit(b, e, 9);  // the same edit again: nothing changes
    QCOMPARE(e->extra, once.extra);
    QCOMPARE(e->scores, once.scores);
  }

  void oneJournalPerProjectAndPerson() {
    const QString a = EditJournal::pathFor(kProject, QStringLiteral("ana"), tmpDir());
    QCOMPARE(EditJournal::pathFor(kProject, QStringLiteral("ana"), tmpDir()), a);
    QVERIFY(EditJournal::pathFor(kProject, QStringLiteral("bo"), tmpDir()) != a);
    QVERIFY(EditJournal::pathFor(kProject + QStringLiteral("2"), QStringLiteral("ana"), tmpDir()) != a);
    QVERIFY(a.startsWith(tmpDir() + QLatin1Char('/')));
  }

  void orderKeptAcrossReopen() {
    const QString file = tmpDir() + QStringLiteral("/order.sqlite");
    QList<qint64> seqs;
    {
      EditJournal j(file, kProject);
      QVERIFY(j.isEmpty());
      for (int i = 0; i < 60; ++i)
        seqs << j.append(editNumber(i));
      QCOMPARE(j.pendingCount(), 60);
      QVERIFY(j.hasPendingFor(1, QStringLiteral("ana")));
      QVERIFY(!j.hasPendingFor(1, QStringLiteral("bo")));
      QVERIFY(!j.hasPendingFor(99, QStringLiteral("ana")));
    }
    EditJournal j(file, kProject);
    QCOMPARE(j.pendingCount(), 60);
    for (int i = 0; i < 60; ++i) {
      QCOMPARE(j.pending()[i].seq, seqs[i]);
      QVERIFY2(sameEdit(j.pending()[i].edit, editNumber(i)), qPrintable(QString::number(i)));
    }
    // Sent entries leave; one refused is set aside with the reason; both survive reopening.
    j.remove(seqs[0]);
    j.remove(seqs[1]);
    j.setAside(seqs[2], QStringLiteral("no such video (it was removed)"));
    const qint64 later = j.append(editNumber(60));
    QVERIFY(later > seqs.back());  // a new edit goes after every waiting one
    QCOMPARE(j.pendingCount(), 58);
    QCOMPARE(j.pending().front().seq, seqs[3]);
    EditJournal again(file, kProject);
    QCOMPARE(again.pendingCount(), 58);
    QCOMPARE(again.pending().front().seq, seqs[3]);
    QCOMPARE(again.pending().back().seq, later);
    const QVector<EditJournal::Refused> refused = again.refused();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0].seq, seqs[2]);
    QCOMPARE(refused[0].reason, QStringLiteral("no such video (it was removed)"));
    QVERIFY(sameEdit(refused[0].edit, editNumber(2)));
  }

  // A writer process killed (SIGKILL) right after it reported an append: everything it reported
  // is in the journal when it is opened again.
  void reportedEditsSurviveAKill() {
    const QString file = tmpDir() + QStringLiteral("/killed.sqlite");
    QProcess writer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VS_JOURNAL_WRITER"), file);
    writer.setProcessEnvironment(env);
    writer.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(writer.waitForStarted());
    int reported = 0;
    QByteArray out;
    while (reported < 40 && writer.waitForReadyRead(20000)) {
      out += writer.readAllStandardOutput();
      reported = int(out.count('\n'));
    }
    QVERIFY2(reported >= 40, out.constData());
    ::kill(pid_t(writer.processId()), SIGKILL);
    QVERIFY(writer.waitForFinished(10000));
    out += writer.readAllStandardOutput();
    reported = int(out.count('\n'));
    EditJournal j(file, kProject);
    qInfo("writer killed after reporting %d edits; %d in the journal", reported, j.pendingCount());
    QVERIFY(j.pendingCount() >= reported);
    for (int i = 0; i < j.pendingCount(); ++i)
      QVERIFY(sameEdit(j.pending()[i].edit, editNumber(i)));
  }
};

// The writer of reportedEditsSurviveAKill: appends edits and reports each one on stdout, until
// it is killed.
static int runWriter(const QString& file) {
  EditJournal j(file, kProject);
  for (int i = 0;; ++i) {
    j.append(editNumber(i));
    std::printf("%d\n", i);
    std::fflush(stdout);
  }
}

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (qEnvironmentVariableIsSet("VS_JOURNAL_WRITER"))
    return runWriter(qEnvironmentVariable("VS_JOURNAL_WRITER"));
  TestEditJournal test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_edit_journal.moc"
