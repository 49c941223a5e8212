// ui/dialogs/refused_edits_dialog.cpp and core/store/refused_edit_text.cpp: the entries a server
// refused, set aside in a real journal file (EditJournal, no server needed), show one row each,
// oldest first, with what was typed and the reason; "Copy as text" puts exactly those rows on the
// clipboard, tab-separated. The window's File menu action is disabled while nothing was refused;
// on a team project whose waiting edits the server refuses it turns on, the status bar points to
// it, and it opens the dialog (that case needs the PostgreSQL server binaries, skips without).
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QtTest>
#include <memory>

#include "core/store/edit_journal.h"
#include "core/store/refused_edit_text.h"
#include "core/store/store.h"
#include "pg_cluster.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/dialogs/refused_edits_dialog.h"
#include "ui/window/action_registry.h"
#include "ui/window/main_window.h"

using namespace vs;
using vs::store::EditJournal;
using vs::store::EvaluationEdit;
using vs::store::PreferenceEdit;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_refused_edits_dialog"));
}

const QString kProject = QStringLiteral("postgresql://ana@/videos?host=/tmp/sock");

// Four entries, three refused (a score and rationale of a removed video, a pairwise choice, a
// Best-of-N pick) and one still pending; returns nothing, the journal is on disk.
void fillJournal(EditJournal& j) {
  EvaluationEdit scores;
  scores.videoId = 7;
  scores.annotator = QStringLiteral("ana");
  scores.fields = {{EvaluationField::VisualScore, 4.0},
                   {EvaluationField::PhyScore, QVariant()},
                   {EvaluationField::PhyRationale, QStringLiteral("ball falls up\tthen \"stops\"\n猫")},
                   {EvaluationField::Origin, QStringLiteral("human")},
                   {EvaluationField::TimeSpentMs, qint64(5300)}};
  scores.extra = {{"flags", QByteArray("[\"skip\",\"needs-review\"]")}, {"flag_note", std::nullopt}};
  const qint64 a = j.append(scores);

  PreferenceEdit pair;
  pair.kind = PreferenceEdit::Kind::Pair;
  pair.annotator = QStringLiteral("ana");
  pair.pair.leftVideoId = 7;
  pair.pair.rightVideoId = 8;
  pair.pair.dimension = PreferenceDimension::Phy;
  pair.pair.choice = PreferenceChoice::Right;
  pair.pair.reason = QStringLiteral("less flicker");
  const qint64 b = j.append(pair);

  EvaluationEdit pending;
  pending.videoId = 8;
  pending.annotator = QStringLiteral("ana");
  pending.fields = {{EvaluationField::T2VScore, 2.0}};
  j.append(pending);

  PreferenceEdit pick;
  pick.kind = PreferenceEdit::Kind::Pick;
  pick.annotator = QStringLiteral("ana");
  pick.pick.promptId = 3;
  pick.pick.candidateVideoIds = {7, 8, 9};
  pick.pick.bestVideoId = 9;
  pick.pick.worstVideoId = 7;
  const qint64 c = j.append(pick);

  j.setAside(a, QStringLiteral("no such video (it was removed)"));
  j.setAside(b, QStringLiteral("phy: not a dimension of this project"));
  j.setAside(c, QStringLiteral("prompt 3 has no video 9"));
}

QString videoName(qint64 id) {
  return id == 7 ? QStringLiteral("cat_umbrella.mp4") : id == 8 ? QStringLiteral("cat_rain.mp4") : QString();
}

QString promptText(qint64 id) {
  return id == 3 ? QStringLiteral("two cats share one umbrella") : QString();
}

QAction* refusedAction(ui::MainWindow& w) {
  return w.actions().action(QStringLiteral("file.refusedEdits"));
}

}  // namespace

class TestRefusedEditsDialog : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
    qputenv("XDG_CONFIG_HOME", (tmpDir() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (tmpDir() + QStringLiteral("/data")).toUtf8());
    QSettings().clear();
  }

  void showsEachRefusedEntryAndCopiesThemExactly() {
    const QString file = tmpDir() + QStringLiteral("/journal.sqlite");
    {
      EditJournal j(file, kProject);
      fillJournal(j);
    }
    const EditJournal j(file, kProject);  // read back from the file, as a later window would
    const QVector<EditJournal::Refused> refused = j.refused();
    QCOMPARE(refused.size(), 3);
    QCOMPARE(j.pendingCount(), 1);

    ui::RefusedEditsDialog dialog(refused, videoName, promptText);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTableWidget* table = dialog.table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->columnCount(), 4);
    QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);

    const QRegularExpression isoUtc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList when;
    for (int r = 0; r < 3; ++r) {
      const QString w = table->item(r, 0)->text();
      QVERIFY2(isoUtc.match(w).hasMatch(), qPrintable(w));
      QVERIFY(qAbs(QDateTime::fromString(w, Qt::ISODate).secsTo(now)) < 120);
      when << w;
    }
    const QString typed0 = QStringLiteral(
        "visual: 4; phy: (cleared); phy_rationale: ball falls up\tthen \"stops\"\n猫; "
        "flags: skip, needs-review; flag_note: (removed)");
    const QStringList expected[3] = {
        {QStringLiteral("cat_umbrella.mp4"), typed0, QStringLiteral("no such video (it was removed)")},
        {QStringLiteral("cat_umbrella.mp4 / cat_rain.mp4 (phy)"),
         QStringLiteral("choice: right (cat_rain.mp4); reason: less flicker"),
         QStringLiteral("phy: not a dimension of this project")},
        {QStringLiteral("Best of N: two cats share one umbrella"),
         QStringLiteral("best: video #9; worst: cat_umbrella.mp4"),
         QStringLiteral("prompt 3 has no video 9")},
    };
    for (int r = 0; r < 3; ++r) {
      for (int c = 1; c < 4; ++c)
        QCOMPARE(table->item(r, c)->text(), expected[r][c - 1]);
    }

    auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyAsText"));
    QVERIFY(copy);
    QApplication::clipboard()->clear();
    copy->click();
    const QString copied = QApplication::clipboard()->text();
    const QString text =
        QStringLiteral("When (UTC)\tVideo or choice\tWhat was typed\tServer's reason\n") + when[0] +
        QStringLiteral(
            "\tcat_umbrella.mp4\tvisual: 4; phy: (cleared); phy_rationale: ball falls up\\tthen "
            "\"stops\"\\n猫; flags: skip, needs-review; flag_note: (removed)\tno such video (it was "
            "removed)\n") +
        when[1] +
        QStringLiteral(
            "\tcat_umbrella.mp4 / cat_rain.mp4 (phy)\tchoice: right (cat_rain.mp4); reason: less "
            "flicker\tphy: not a dimension of this project\n") +
        when[2] +
        QStringLiteral(
            "\tBest of N: two cats share one umbrella\tbest: video #9; worst: cat_umbrella.mp4\tprompt "
            "3 has no video 9\n");
    QCOMPARE(copied, text);
    QCOMPARE(dialog.asText(), text);

    // Read-only: nothing left the journal.
    QCOMPARE(EditJournal(file, kProject).refused().size(), 3);
    QCOMPARE(EditJournal(file, kProject).pendingCount(), 1);
  }

  // Withdrawn choices and a backslash in a rationale (escaped once, so the text comes back whole).
  void withdrawnChoicesAndBackslashes() {
    EditJournal::Refused pair;
    pair.preference = PreferenceEdit{};
    pair.preference->kind = PreferenceEdit::Kind::Pair;
    pair.preference->remove = true;
    pair.preference->pair.leftVideoId = 8;
    pair.preference->pair.rightVideoId = 7;
    pair.reason = QStringLiteral("gone");
    pair.at = QDateTime(QDate(2026, 12, 6), QTime(9, 5, 1), Qt::UTC);
    EditJournal::Refused rationale;
    rationale.edit.videoId = 11;
    rationale.edit.fields = {{EvaluationField::Thinking, QStringLiteral("C:\\clips\\a.mp4 looks\\tfine")}};
    rationale.reason = QStringLiteral("no such video");
    rationale.at = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
    const store::RefusedEditText p = store::refusedEditText(pair, videoName, promptText);
    QCOMPARE(p.when, QStringLiteral("2026-12-06T09:05:01Z"));
    QCOMPARE(p.about, QStringLiteral("cat_rain.mp4 / cat_umbrella.mp4 (overall)"));
    QCOMPARE(p.typed, QStringLiteral("choice withdrawn"));
    store::RefusedEditWords words;  // the caller's phrases (the window's are translated)
    words.pair = QStringLiteral("%1 对 %2（%3）");
    words.choiceWithdrawn = QStringLiteral("已撤回选择");
    const store::RefusedEditText zh = store::refusedEditText(pair, videoName, promptText, words);
    QCOMPARE(zh.about, QStringLiteral("cat_rain.mp4 对 cat_umbrella.mp4（overall）"));
    QCOMPARE(zh.typed, QStringLiteral("已撤回选择"));
    const store::RefusedEditText t = store::refusedEditText(rationale, videoName, promptText);
    QCOMPARE(t.about, QStringLiteral("video #11"));
    QCOMPARE(store::refusedEditsAsTsv({QStringLiteral("a"), QStringLiteral("b")}, {t}),
             QStringLiteral("a\tb\n2026-12-06T10:00:00Z\tvideo #11\tthinking: C:\\\\clips\\\\a.mp4 "
                            "looks\\\\tfine\tno such video\n"));
  }

  // No project, and a file project (it never keeps edits): the action is there, disabled.
  void actionDisabledWhenNothingWasRefused() {
    ui::MainWindow w;
    QAction* a = refusedAction(w);
    QVERIFY(a);
    QVERIFY(!a->isEnabled());
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/file"), 1);
    QVERIFY(w.openProject(path, ui::BusyPolicy::ReadOnly));
    QVERIFY(!a->isEnabled());
    a->trigger();  // disabled: nothing opens
    QVERIFY(!w.findChild<ui::RefusedEditsDialog*>());
  }

  // A team project: the action is disabled while nothing was refused; edits left waiting by an
  // earlier window that the server refuses when this one sends them (a removed video, a score
  // that is not an integer) turn it on, the status bar points to it, and it opens the dialog
  // with them, named from the project where it can.
  void actionOpensTheDialogOnATeamProject() {
    QString whyNot;
    auto cluster = test::PgCluster::start(&whyNot);
    if (!cluster)
      QSKIP(qPrintable(whyNot));
    const QString uri = cluster->createDatabase(QStringLiteral("refused"));
    qint64 video = 0;
    {
      store::Store s(uri, store::OpenMode::CreateNew);
      const qint64 prompt = s.addPrompt(QStringLiteral("a dog on a skateboard"));
      Video v;
      v.promptId = prompt;
      v.name = QStringLiteral("dog.mp4");
      v.path = QStringLiteral("/nonexistent/dog.mp4");
      video = s.addVideo(v);
    }
    QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("ana"));
    {
      ui::MainWindow w;
      QVERIFY(w.openProject(uri, ui::BusyPolicy::ReadOnly));
      QVERIFY(!refusedAction(w)->isEnabled());  // a team project with nothing refused
    }
    {
      EditJournal j(EditJournal::pathFor(uri, QStringLiteral("ana")), uri);
      EvaluationEdit removed;
      removed.videoId = video + 1000;
      removed.annotator = QStringLiteral("ana");
      removed.fields = {{EvaluationField::T2VScore, 2.0}};
      j.append(removed);
      EvaluationEdit half = removed;
      half.videoId = video;
      half.fields = {{EvaluationField::PhyScore, 4.5}};
      j.append(half);
    }
    ui::MainWindow w;
    QVERIFY(w.openProject(uri, ui::BusyPolicy::ReadOnly));
    QAction* a = refusedAction(w);
    auto* label = w.statusBar()->findChild<QLabel*>(QStringLiteral("offlineEdits"));
    QVERIFY(label);
    QTRY_VERIFY_WITH_TIMEOUT(a->isEnabled(), 20000);
    QVERIFY2(label->text().startsWith(
                 QStringLiteral("All edits sent but 2 the server refused; they are kept aside "
                                "on this computer (File › Edits the server refused…): ")),
             qPrintable(label->text()));
    const QVector<EditJournal::Refused> aside =
        EditJournal(EditJournal::pathFor(uri, QStringLiteral("ana")), uri).refused();
    QCOMPARE(aside.size(), 2);
    a->trigger();
    auto* dialog = w.findChild<ui::RefusedEditsDialog*>();
    QVERIFY(dialog);
    QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("video #%1").arg(video + 1000));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("t2v: 2"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("dog.mp4"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("phy: 4.5"));
    for (int r = 0; r < 2; ++r) {
      QVERIFY(!aside[r].reason.isEmpty());
      QCOMPARE(table->item(r, 3)->text(), aside[r].reason);
    }
    dialog->close();
  }

  // The dialog open while the server refuses more edits: they appear in it without reopening.
  void openDialogShowsEditsRefusedMeanwhile() {
    QString whyNot;
    auto cluster = test::PgCluster::start(&whyNot);
    if (!cluster)
      QSKIP(qPrintable(whyNot));
    const QString uri = cluster->createDatabase(QStringLiteral("meanwhile"));
    qint64 video = 0;
    {
      store::Store s(uri, store::OpenMode::CreateNew);
      Video v;
      v.promptId = s.addPrompt(QStringLiteral("a kite in a storm"));
      v.name = QStringLiteral("kite.mp4");
      v.path = QStringLiteral("/nonexistent/kite.mp4");
      video = s.addVideo(v);
    }
    QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("ana"));
    {
      // One edit refused by an earlier window, one waiting that the server will refuse.
      EditJournal j(EditJournal::pathFor(uri, QStringLiteral("ana")), uri);
      EvaluationEdit earlier;
      earlier.videoId = video + 1000;
      earlier.annotator = QStringLiteral("ana");
      earlier.fields = {{EvaluationField::T2VScore, 2.0}};
      j.setAside(j.append(earlier), QStringLiteral("no such video"));
      EvaluationEdit waiting = earlier;
      waiting.videoId = video;
      waiting.fields = {{EvaluationField::PhyScore, 4.5}};
      j.append(waiting);
    }
    ui::MainWindow w;
    QVERIFY(w.openProject(uri, ui::BusyPolicy::ReadOnly));
    QAction* a = refusedAction(w);
    QVERIFY(a->isEnabled());
    a->trigger();  // before the waiting edit is sent
    auto* dialog = w.findChild<ui::RefusedEditsDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 1);
    QCOMPARE(dialog->table()->item(0, 3)->text(), QStringLiteral("no such video"));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 2, 20000);
    QCOMPARE(dialog->table()->item(1, 1)->text(), QStringLiteral("kite.mp4"));
    QCOMPARE(dialog->table()->item(1, 2)->text(), QStringLiteral("phy: 4.5"));
    QVERIFY(dialog->asText().contains(QStringLiteral("phy: 4.5")));
    dialog->close();
  }
};

QTEST_MAIN(TestRefusedEditsDialog)
#include "test_refused_edits_dialog.moc"
