// ui/offline_edits.cpp through the main window on a PostgreSQL team project (a throwaway
// cluster; skips without one): the server is stopped (pg_ctl stop -m fast) under a window being
// edited by keyboard; scores, typed reasoning, a flag and undo go on; the window says it is
// offline with the number of edits kept and shows what was typed; the server comes back and
// every edit arrives in order (the database, read by a second Store, holds what was typed; the
// history has each value in turn). A window closed while offline leaves its edits, and the next
// window on that project sends them. Pairwise choices and their undo made by keyboard while the
// server is stopped advance the schedule as if stored and arrive after the restart. A .vsproj
// never uses the journal.
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QStatusBar>
#include <QUndoStack>
#include <QtTest>
#include <memory>

#include "core/store/edit_journal.h"
#include "core/store/store.h"
#include "pg_cluster.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"
#include "ui/annotation/item_flags.h"
#include "ui/window/main_window.h"
#include "ui/queue/queue_model.h"
#include "ui/annotation/score_panel.h"
#include "ui/preference/preference_session.h"
#include "ui/preference/preference_view.h"
#include "ui/window/typing_guard.h"

using namespace vs;
using vs::store::EditJournal;
using vs::store::OpenMode;
using vs::store::Store;
using vs::ui::BusyPolicy;
using vs::ui::MainWindow;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_offline_journal"));
}

QVector<qint64> addVideos(Store& s, int count) {
  const qint64 prompt = s.addPrompt(QStringLiteral("two cats share one umbrella"));
  QVector<qint64> ids;
  for (int i = 0; i < count; ++i) {
    Video v;
    v.promptId = prompt;
    v.name = QStringLiteral("v%1").arg(i);
    v.path = QStringLiteral("/nonexistent/%1.mp4").arg(v.name);
    ids << s.addVideo(v);
  }
  return ids;
}

std::unique_ptr<MainWindow> openAs(const QString& annotator, const QString& project) {
  QSettings().setValue(QStringLiteral("annotator/name"), annotator);
  auto w = std::make_unique<MainWindow>();
  w->show();
  if (!QTest::qWaitForWindowActive(w.get()) || !w->openProject(project, BusyPolicy::ReadOnly))
    return nullptr;
  return w;
}

QLabel* offlineLabel(MainWindow& w) {
  return w.statusBar()->findChild<QLabel*>(QStringLiteral("offlineEdits"));
}

// The person's evaluation as another program reads it.
Evaluation stored(const QString& project, const QString& annotator, qint64 video) {
  Store s(project);
  const auto who = s.findAnnotator(annotator);
  const auto e = who ? s.findEvaluation(video, who->id) : std::nullopt;
  return e ? *e : Evaluation{};
}

// The new values of `field` in the evaluation's history, oldest first.
QStringList historyOf(const QString& project, const QString& annotator, qint64 video, const QString& field) {
  Store s(project);
  const auto who = s.findAnnotator(annotator);
  const auto e = who ? s.findEvaluation(video, who->id) : std::nullopt;
  QStringList values;
  for (const store::HistoryEntry& h : e ? s.history(e->id) : QVector<store::HistoryEntry>{}) {
    if (h.field == field)
      values << (h.newValue.isNull() ? QStringLiteral("null") : h.newValue.toString());
  }
  return values;
}

std::optional<double> d(double v) {
  return v;
}

}  // namespace

class TestOfflineJournal : public QObject {
  Q_OBJECT
  std::unique_ptr<test::PgCluster> cluster_;
  ui::TypingGuard guard_;

  void key(QWidget* w, int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : w, static_cast<Qt::Key>(k),
                    m);
  }
  void type(QWidget* w, const QString& text) {
    for (QChar c : text)
      QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : w, c.toLatin1());
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
    qputenv("XDG_CONFIG_HOME", (tmpDir() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (tmpDir() + QStringLiteral("/data")).toUtf8());
    QSettings().clear();
    qApp->installEventFilter(&guard_);
    QString whyNot;
    cluster_ = test::PgCluster::start(&whyNot);
    if (!cluster_)
      QSKIP(qPrintable(whyNot));
  }

  // Preference mode while the server is stopped: , . / and Ctrl+Z go on as if stored (the next
  // pair follows, undo shows the pair again); after the restart exactly the choices left stand.
  void preferenceChoicesWhileTheServerIsAway() {
    const QString uri = cluster_->createDatabase(QStringLiteral("prefs"));
    QVector<qint64> v;
    {
      Store s(uri, OpenMode::CreateNew);
      v = addVideos(s, 4);
    }
    auto w = openAs(QStringLiteral("bo"), uri);
    QVERIFY(w);
    ui::PreferenceSession* session = w->preferenceView()->session();
    QVERIFY(session);
    session->setRandomSeed(7);
    QSignalSpy failures(session, &ui::PreferenceSession::failed);  // "Not saved: …"
    key(w.get(), Qt::Key_3, Qt::ControlModifier);                  // preference mode
    QVERIFY(w->preferenceMode());
    struct Choice {
      qint64 left, right;
      PreferenceChoice choice;
    };
    QVector<Choice> made;
    auto choose = [&](int k, PreferenceChoice c) {
      const auto pair = session->currentPair();
      QVERIFY(pair);
      made.append({pair->left, pair->right, c});
      key(w.get(), k);
    };
    choose(Qt::Key_Comma, PreferenceChoice::Left);  // online
    QCOMPARE(session->answeredPairs(), 1);

    QVERIFY(cluster_->stopServer());
    choose(Qt::Key_Period, PreferenceChoice::Right);
    QCOMPARE(session->answeredPairs(), 2);
    QLabel* label = offlineLabel(*w);
    QVERIFY(label);
    QTRY_VERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("Offline — 1 edit(s) kept on this computer"));
    const auto third = session->currentPair();
    QVERIFY(third);  // the schedule went on (4 videos take at least 4 comparisons)
    QVERIFY(third->left != made[1].left || third->right != made[1].right);
    choose(Qt::Key_Slash, PreferenceChoice::Tie);
    QCOMPARE(session->answeredPairs(), 3);
    made.removeLast();
    key(w.get(), Qt::Key_Z, Qt::ControlModifier);  // undo the tie: its pair again
    QCOMPARE(session->answeredPairs(), 2);
    QVERIFY(session->currentPair());
    QCOMPARE(session->currentPair()->left, third->left);
    QCOMPARE(session->currentPair()->right, third->right);
    choose(Qt::Key_Comma, PreferenceChoice::Left);
    QCOMPARE(session->answeredPairs(), 3);
    QCOMPARE(label->text(), QStringLiteral("Offline — 4 edit(s) kept on this computer"));
    QCOMPARE(failures.count(), 0);
    const auto fourth = session->currentPair();

    QVERIFY(cluster_->startServer());
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("All edits sent"), 20000);
    QCOMPARE(session->answeredPairs(), 3);
    QCOMPARE(session->currentPair().has_value(), fourth.has_value());
    {
      Store check(uri);
      const qint64 bo = check.findAnnotator(QStringLiteral("bo"))->id;
      QCOMPARE(check.preferences().size(), 3);
      for (const Choice& c : made) {
        const auto p = check.findPreference(bo, c.left, c.right, PreferenceDimension::Overall);
        QVERIFY(p);
        QCOMPARE(p->leftVideoId, c.left);
        QCOMPARE(p->rightVideoId, c.right);
        QCOMPARE(p->choice, c.choice);
      }
      // The tie and its undo arrived before the last choice: that row was made afresh.
      const auto last = check.findPreference(bo, third->left, third->right, PreferenceDimension::Overall);
      QStringList fields;
      for (const store::PreferenceHistoryEntry& h : check.preferenceHistory(last->id))
        fields << h.field + QLatin1Char('=') + h.newValue.toString();
      QCOMPARE(fields, QStringList{QStringLiteral("created=left")});
    }
    // The next choice goes straight to the server.
    if (fourth) {
      choose(Qt::Key_Period, PreferenceChoice::Right);
      QCOMPARE(EditJournal(EditJournal::pathFor(uri, QStringLiteral("bo")), uri).pendingCount(), 0);
      QCOMPARE(Store(uri).preferences().size(), 4);
    }
  }

  // Best-of-N while the server is stopped: worst, a new best and its undo (Ctrl+Alt+2, Alt+3,
  // Ctrl+Z) show at once; after the restart the pick is the one left, its history has each step.
  void bestOfNPicksWhileTheServerIsAway() {
    const QString uri = cluster_->createDatabase(QStringLiteral("picks"));
    {
      Store s(uri, OpenMode::CreateNew);
      addVideos(s, 4);
    }
    auto w = openAs(QStringLiteral("cy"), uri);
    QVERIFY(w);
    ui::PreferenceSession* session = w->preferenceView()->session();
    QVERIFY(session);
    session->setRandomSeed(5);
    QSignalSpy failures(session, &ui::PreferenceSession::failed);
    key(w.get(), Qt::Key_3, Qt::ControlModifier);
    key(w.get(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);  // pairs -> Best of N
    const QVector<qint64> tiles = session->tiles();
    QCOMPARE(tiles.size(), 4);
    key(w.get(), Qt::Key_1, Qt::AltModifier);  // online: best is tile 1
    QCOMPARE(session->currentPick()->bestVideoId, tiles[0]);

    QVERIFY(cluster_->stopServer());
    key(w.get(), Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);  // worst: tile 2
    QVERIFY(session->currentPick());
    QCOMPARE(session->currentPick()->worstVideoId, std::optional<qint64>(tiles[1]));
    key(w.get(), Qt::Key_3, Qt::AltModifier);  // best: tile 3 (the worst stays)
    QCOMPARE(session->currentPick()->bestVideoId, tiles[2]);
    QCOMPARE(session->currentPick()->worstVideoId, std::optional<qint64>(tiles[1]));
    key(w.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(session->currentPick()->bestVideoId, tiles[0]);
    QLabel* label = offlineLabel(*w);
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Offline — 3 edit(s) kept on this computer"));
    QCOMPARE(failures.count(), 0);

    QVERIFY(cluster_->startServer());
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("All edits sent"), 20000);
    Store check(uri);
    const auto pick =
        check.findBestOfNPick(check.findAnnotator(QStringLiteral("cy"))->id, session->promptId());
    QVERIFY(pick);
    QCOMPARE(pick->bestVideoId, tiles[0]);
    QCOMPARE(pick->worstVideoId, std::optional<qint64>(tiles[1]));
    QCOMPARE(pick->candidateVideoIds, tiles);
    QStringList best;
    for (const store::PreferenceHistoryEntry& h : check.bestOfNPickHistory(pick->id)) {
      if (h.field == QLatin1String("created") || h.field == QLatin1String("best_id"))
        best << h.newValue.toString();
    }
    QCOMPARE(best,
             (QStringList{QString::number(tiles[0]), QString::number(tiles[2]), QString::number(tiles[0])}));
  }

  void editsWhileTheServerIsAwayArriveInOrder() {
    const QString uri = cluster_->createDatabase(QStringLiteral("away"));
    QVector<qint64> v;
    {
      Store s(uri, OpenMode::CreateNew);
      v = addVideos(s, 3);
    }
    auto w = openAs(QStringLiteral("ana"), uri);
    QVERIFY(w);
    QCOMPARE(w->currentVideo(), v[0]);
    w->scorePanel()->focusCurrentDimension();
    key(w.get(), Qt::Key_3);
    key(w.get(), Qt::Key_2);
    key(w.get(), Qt::Key_4);
    QCOMPARE(stored(uri, QStringLiteral("ana"), v[0]).scores.value,
             (std::array<std::optional<double>, 3>{d(3), d(2), d(4)}));

    QVERIFY(cluster_->stopServer());  // fast shutdown: the window's sessions are cut
    // Straight on, before the window could notice: visual 5, a typed rationale, t2v 1 undone.
    key(w.get(), Qt::Key_V);
    key(w.get(), Qt::Key_5);
    key(w.get(), Qt::Key_V);
    key(w.get(), Qt::Key_E);
    QCOMPARE(QApplication::focusWidget(), w->scorePanel()->rationaleEditor(Dimension::Visual));
    type(w.get(), QStringLiteral("grainy sky, 2 suns"));
    key(w.get(), Qt::Key_Escape);  // leaves the field and commits the text
    key(w.get(), Qt::Key_T);
    key(w.get(), Qt::Key_1);
    key(w.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::qWait(300);        // time on the item, recorded when leaving it
    key(w.get(), Qt::Key_J);  // the next video
    QCOMPARE(w->currentVideo(), v[1]);
    w->scorePanel()->focusCurrentDimension();
    key(w.get(), Qt::Key_1);
    key(w.get(), Qt::Key_1);
    key(w.get(), Qt::Key_1);
    key(w.get(), Qt::Key_Z, Qt::ControlModifier);  // phy cleared again
    w->scorePanel()->thinkingEditor()->setFocus();
    type(w.get(), QStringLiteral("one umbrella, three tails"));
    key(w.get(), Qt::Key_Escape);
    key(w.get(), Qt::Key_X);  // flag: skip

    QLabel* label = offlineLabel(*w);
    QVERIFY(label);
    QTRY_VERIFY(label->isVisible());
    {
      const int waiting = EditJournal(EditJournal::pathFor(uri, QStringLiteral("ana")), uri).pendingCount();
      QVERIFY2(waiting >= 8, qPrintable(QString::number(waiting)));
      QVERIFY2(label->text().startsWith(QStringLiteral("Offline — %1 edit").arg(waiting)),
               qPrintable(label->text()));
      QVERIFY(label->text().contains(QStringLiteral("kept on this computer")));
    }
    // The window shows what was typed, and its undo stack still works.
    const std::optional<Evaluation> shown0 = w->queueModel()->video(v[0])->mine;
    QVERIFY(shown0);
    QCOMPARE(shown0->scores.value, (std::array<std::optional<double>, 3>{d(5), d(2), d(4)}));
    QCOMPARE(shown0->rationale[0], QStringLiteral("grainy sky, 2 suns"));
    const std::optional<Evaluation> shown1 = w->session()->mine(v[1]);
    QVERIFY(shown1);
    QCOMPARE(shown1->scores.value, (std::array<std::optional<double>, 3>{d(1), d(1), std::nullopt}));
    QCOMPARE(shown1->thinking, QStringLiteral("one umbrella, three tails"));
    QVERIFY(ui::ItemFlags::fromExtra(shown1->extra).has(ui::ItemFlag::Skip));
    QVERIFY(w->undoStack()->canUndo());
    QVERIFY(w->undoStack()->canRedo() || w->undoStack()->count() > 0);

    QVERIFY(cluster_->startServer());
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("All edits sent"), 20000);
    QVERIFY(EditJournal(EditJournal::pathFor(uri, QStringLiteral("ana")), uri).isEmpty());
    // Every edit arrived, in order: the database holds what was typed.
    const Evaluation e0 = stored(uri, QStringLiteral("ana"), v[0]);
    QCOMPARE(e0.scores.value, (std::array<std::optional<double>, 3>{d(5), d(2), d(4)}));
    QCOMPARE(e0.rationale[0], QStringLiteral("grainy sky, 2 suns"));
    QVERIFY(e0.timeSpentMs >= 300);  // recorded on leaving v0, offline
    const Evaluation e1 = stored(uri, QStringLiteral("ana"), v[1]);
    QCOMPARE(e1.scores.value, (std::array<std::optional<double>, 3>{d(1), d(1), std::nullopt}));
    QCOMPARE(e1.thinking, QStringLiteral("one umbrella, three tails"));
    QVERIFY(ui::ItemFlags::fromExtra(e1.extra).has(ui::ItemFlag::Skip));
    QCOMPARE(historyOf(uri, QStringLiteral("ana"), v[0], QStringLiteral("visual")),
             (QStringList{QStringLiteral("3"), QStringLiteral("5")}));
    QCOMPARE(historyOf(uri, QStringLiteral("ana"), v[0], QStringLiteral("t2v")),
             (QStringList{QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(historyOf(uri, QStringLiteral("ana"), v[1], QStringLiteral("phy")),
             (QStringList{QStringLiteral("1"), QStringLiteral("null")}));
    // The window and the database agree.
    QTRY_COMPARE(w->queueModel()->video(v[1])->mine->thinking, e1.thinking);
    QCOMPARE(w->session()->mine(v[0])->scores.value, e0.scores.value);
    // Online again: the next edit goes straight to the server.
    w->goToVideo(v[2]);
    w->scorePanel()->focusCurrentDimension();
    key(w.get(), Qt::Key_4);
    QCOMPARE(stored(uri, QStringLiteral("ana"), v[2]).scores[Dimension::Visual], d(4));
  }

  void closedWhileOfflineSentByTheNextWindow() {
    const QString uri = cluster_->createDatabase(QStringLiteral("closed"));
    QVector<qint64> v;
    {
      Store s(uri, OpenMode::CreateNew);
      v = addVideos(s, 2);
    }
    auto w = openAs(QStringLiteral("bo"), uri);
    QVERIFY(w);
    w->scorePanel()->focusCurrentDimension();
    key(w.get(), Qt::Key_4);
    key(w.get(), Qt::Key_4);
    key(w.get(), Qt::Key_4);
    QVERIFY(cluster_->stopServer());
    key(w.get(), Qt::Key_V);
    key(w.get(), Qt::Key_2);
    w->scorePanel()->thinkingEditor()->setFocus();
    type(w.get(), QStringLiteral("typed while the server was away"));  // committed by closing
    w->close();
    w.reset();
    {
      const EditJournal left(EditJournal::pathFor(uri, QStringLiteral("bo")), uri);
      QVERIFY2(left.pendingCount() >= 2, qPrintable(QString::number(left.pendingCount())));
    }
    QVERIFY(cluster_->startServer());
    QCOMPARE(stored(uri, QStringLiteral("bo"), v[0]).scores[Dimension::Visual], d(4));  // not sent yet
    w = openAs(QStringLiteral("bo"), uri);
    QVERIFY(w);
    QTRY_COMPARE_WITH_TIMEOUT(offlineLabel(*w)->text(), QStringLiteral("All edits sent"), 20000);
    const Evaluation e = stored(uri, QStringLiteral("bo"), v[0]);
    QCOMPARE(e.scores.value, (std::array<std::optional<double>, 3>{d(2), d(4), d(4)}));
    QCOMPARE(e.thinking, QStringLiteral("typed while the server was away"));
    QVERIFY(EditJournal(EditJournal::pathFor(uri, QStringLiteral("bo")), uri).isEmpty());
    QTRY_COMPARE(w->queueModel()->video(v[0])->mine->thinking, e.thinking);
  }

  // A file project: writes go to the file as before; no journal, no offline label.
  void fileProjectsNeverUseTheJournal() {
    const QString journals =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journals");
    const int before = int(QDir(journals).entryList(QDir::Files).size());
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/file"), 1);
    auto w = openAs(QStringLiteral("cy"), path);
    QVERIFY(w);
    QVERIFY(!offlineLabel(*w));
    w->scorePanel()->focusCurrentDimension();
    key(w.get(), Qt::Key_3);
    QCOMPARE(w->session()->mine(w->currentVideo())->scores[Dimension::Visual], d(3));
    QCOMPARE(int(QDir(journals).entryList(QDir::Files).size()), before);
    QVERIFY(!QFile::exists(EditJournal::pathFor(path, QStringLiteral("cy"))));
  }
};

QTEST_MAIN(TestOfflineJournal)
#include "test_offline_journal.moc"
