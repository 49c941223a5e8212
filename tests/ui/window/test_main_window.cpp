// A keyboard-only session on the whole window: 20 items scored with typed scores, accepted and
// edited model scores, undo/redo (also across item switches), rationale typing; then every
// row is read back from the project file by a second Store. Also: single-key shortcuts never
// fire in text fields; blind mode hides and reveals; the cheat sheet; two windows on one file.
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTreeView>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

#include "core/store/store.h"
#include "tests/support/workstation_session.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"
#include "ui/window/cheat_sheet_overlay.h"
#include "ui/window/main_window.h"
#include "ui/project/recent_projects.h"
#include "ui/player/player_grid.h"
#include "ui/queue/queue_filter_model.h"
#include "ui/queue/queue_model.h"
#include "ui/queue/queue_panel.h"
#include "ui/annotation/score_control.h"
#include "ui/annotation/score_panel.h"
#include "ui/window/typing_guard.h"

using namespace vs;
using namespace vs::ui;

namespace {

struct Expected {
  std::optional<int> s[3];
  Origin origin;
  QString visualRationale;
};

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP");
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
 private:
  TypingGuard guard_;
  void key(QWidget* w, int k, Qt::KeyboardModifiers m = Qt::NoModifier) { test::pressKey(k, m, w); }
  void type(QWidget* w, const QString& text) { test::typeText(text, w); }

 private slots:
  void initTestCase() {
    test::startWorkstationTest(tmpDir(), QStringLiteral("alice"));
    qApp->installEventFilter(&guard_);
  }

  void keyboardSessionOfTwentyItems() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/session"), 5);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    QVERIFY(!w.isReadOnly());
    QCOMPARE(w.queueModel()->videoCount(), 20);
    w.scorePanel()->focusCurrentDimension();

    std::vector<Expected> expected(20);
    for (int i = 0; i < 20; ++i) {
      const qint64 vid = w.currentVideo();
      QCOMPARE(w.queueModel()->video(vid)->video.name,
               QStringLiteral("v%1").arg(i + 1, 2, 10, QLatin1Char('0')));
      const test::ModelRow& m = test::kModelRows[i % 4];
      switch (i % 4) {
        case 0:  // own scores, typed
          key(&w, Qt::Key_3);
          key(&w, Qt::Key_2);
          key(&w, Qt::Key_4);
          expected[i] = {{3, 2, 4}, Origin::Human, {}};
          break;
        case 1:  // accept the model
          key(&w, Qt::Key_A);
          expected[i] = {{m.hard[0], m.hard[1], m.hard[2]}, Origin::ModelAccepted, {}};
          break;
        case 2:  // accept, then change one model value
          key(&w, Qt::Key_A);
          key(&w, Qt::Key_P);
          key(&w, Qt::Key_1);
          expected[i] = {{m.hard[0], m.hard[1], 1}, Origin::ModelEdited, {}};
          break;
        case 3:  // typed, undo, redo, then correct visual
          key(&w, Qt::Key_1);
          key(&w, Qt::Key_1);
          key(&w, Qt::Key_1);
          key(&w, Qt::Key_Z, Qt::ControlModifier);
          QVERIFY(!w.session()->mine(vid)->scores[Dimension::Phy].has_value());
          key(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
          QCOMPARE(w.session()->mine(vid)->scores[Dimension::Phy], std::optional<double>(1));
          key(&w, Qt::Key_V);
          key(&w, Qt::Key_2);
          expected[i] = {{2, 1, 1}, Origin::Human, {}};
          break;
      }
      if (i == 4) {  // a rationale, typed with digits and letters that are also shortcuts
        key(&w, Qt::Key_V);
        key(&w, Qt::Key_E);
        QCOMPARE(QApplication::focusWidget(), w.scorePanel()->rationaleEditor(Dimension::Visual));
        type(&w, QStringLiteral("5 blurry edges, 2 ants"));
        key(&w, Qt::Key_Escape);  // leaves the field and commits the text
        expected[i].visualRationale = QStringLiteral("5 blurry edges, 2 ants");
      }
      key(&w, Qt::Key_N);
      if (i < 19) {
        QVERIFY2(w.currentVideo() != vid, "N moves to the next unscored item");
      }
    }
    QCOMPARE(w.queueModel()->scoredCount(), 20);

    // Undo across an item switch: go back two items, undo; the window jumps to v20 and restores it.
    const qint64 last = w.queueFilter()->videosInOrder().back();
    QCOMPARE(w.currentVideo(), last);  // every item scored: N stays
    key(&w, Qt::Key_K);
    key(&w, Qt::Key_K);
    QVERIFY(w.currentVideo() != last);
    key(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.currentVideo(), last);
    QCOMPARE(w.session()->mine(last)->scores[Dimension::Visual], std::optional<double>(1));
    key(&w, Qt::Key_J);
    key(&w, Qt::Key_K);
    key(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.session()->mine(last)->scores[Dimension::Visual], std::optional<double>(2));
    key(&w, Qt::Key_Z, Qt::ControlModifier);
    expected[19].s[0] = 1;
    QVERIFY(w.undoStack()->count() > 40);  // the history panel's list

    // Read every row back from the file with a second connection.
    store::Store check(path);
    const qint64 alice = check.findAnnotator(QStringLiteral("alice"))->id;
    for (int i = 0; i < 20; ++i) {
      const QString name = QStringLiteral("v%1").arg(i + 1, 2, 10, QLatin1Char('0'));
      const std::optional<Video> v = check.findVideoByName(name);
      QVERIFY(v);
      const std::optional<Evaluation> e = check.findEvaluation(v->id, alice);
      QVERIFY2(e, qPrintable(name));
      for (int d = 0; d < 3; ++d) {
        const std::optional<double> want =
            expected[i].s[d] ? std::optional<double>(*expected[i].s[d]) : std::nullopt;
        QVERIFY2(e->scores.value[d] == want, qPrintable(QStringLiteral("%1 dim %2").arg(name).arg(d)));
      }
      QVERIFY2(e->origin == expected[i].origin,
               qPrintable(name + QStringLiteral(": ") + originName(e->origin)));
      QCOMPARE(e->rationale[0], expected[i].visualRationale);
      QVERIFY2(!check.history(e->id).isEmpty(), "each edit leaves a history row");
    }
  }

  void singleKeysDoNotFireInTextFields() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/typing"), 1);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    const qint64 vid = w.currentVideo();
    QPlainTextEdit* thinking = w.scorePanel()->thinkingEditor();
    thinking->setFocus();
    type(&w, QStringLiteral("3 a n j k ? x b r e p v t"));
    QCOMPARE(thinking->toPlainText(), QStringLiteral("3 a n j k ? x b r e p v t"));
    QCOMPARE(w.currentVideo(), vid);
    QVERIFY(!w.cheatSheet()->isVisible());
    w.scorePanel()->flushPendingText();
    const std::optional<Evaluation> e = w.session()->mine(vid);
    QVERIFY(e);
    QVERIFY(e->scores.empty());
    QVERIFY(e->extra.empty());  // no flag toggled by x/b/r
    QCOMPARE(e->thinking, QStringLiteral("3 a n j k ? x b r e p v t"));
    // The queue search field too; Ctrl shortcuts still work from a text field.
    w.queuePanel()->focusSearch();
    type(&w, QStringLiteral("v02"));
    QCOMPARE(w.currentVideo(), vid);
    QCOMPARE(w.queueFilter()->videosInOrder().size(), 1);
    key(&w, Qt::Key_Z, Qt::ControlModifier);  // the line edit's own undo, not the project's
    QVERIFY(w.session()->mine(vid));
    QCOMPARE(w.session()->mine(vid)->thinking, QStringLiteral("3 a n j k ? x b r e p v t"));
    // Outside text fields the same keys act.
    w.scorePanel()->focusCurrentDimension();
    key(&w, Qt::Key_4);
    QCOMPARE(w.session()->mine(vid)->scores[Dimension::Visual], std::optional<double>(4));
    key(&w, Qt::Key_Question);
    QVERIFY(w.cheatSheet()->isVisible());
    key(&w, Qt::Key_Space);
    QVERIFY(!w.cheatSheet()->isVisible());
  }

  void tabMovesBetweenDimensions() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/tab"), 1);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    const qint64 vid = w.currentVideo();
    ScorePanel* panel = w.scorePanel();
    panel->focusCurrentDimension();
    QCOMPARE(QApplication::focusWidget(), panel->scoreControl(Dimension::Visual));
    key(&w, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel->scoreControl(Dimension::T2V));
    key(&w, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), panel->scoreControl(Dimension::Phy));
    key(&w, Qt::Key_5);
    key(&w, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(panel->currentDimension(), Dimension::T2V);
    key(&w, Qt::Key_2);
    const std::optional<Evaluation> e = w.session()->mine(vid);
    QVERIFY(e);
    QVERIFY(!e->scores[Dimension::Visual]);
    QCOMPARE(e->scores[Dimension::T2V], std::optional<double>(2));
    QCOMPARE(e->scores[Dimension::Phy], std::optional<double>(5));
  }

  void blindModeHidesUntilScored() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/blind"), 1);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    w.setBlindMode(true);
    ScorePanel* panel = w.scorePanel();
    const qint64 vid = w.currentVideo();
    const QString generator = w.queueModel()->video(vid)->video.generator;
    QVERIFY(!panel->modelRevealed());
    QVERIFY(panel->modelReasoning()->isHidden());
    QVERIFY(!panel->findChild<QLabel*>(QStringLiteral("itemLine"))->text().contains(generator));
    QVERIFY(!w.queueModel()->indexForVideo(vid).data().toString().contains(generator));
    QCOMPARE(w.player()->blindMode(), BlindMode::On);
    QVERIFY(panel->scoreControl(Dimension::Visual)
                ->findChild<QLabel*>(QStringLiteral("modelValue"))
                ->text()
                .isEmpty());
    // Accepting the model is not possible while it is hidden.
    panel->focusCurrentDimension();
    key(&w, Qt::Key_A);
    QVERIFY(!w.session()->mine(vid));
    key(&w, Qt::Key_2);
    key(&w, Qt::Key_3);
    QVERIFY(!panel->modelRevealed());
    key(&w, Qt::Key_4);
    QVERIFY(panel->modelRevealed());
    QVERIFY(!panel->modelReasoning()->isHidden());
    QVERIFY(panel->modelReasoning()->toPlainText().contains(QStringLiteral("visual quality: 4")));
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("itemLine"))->text().contains(generator));
    QCOMPARE(w.player()->blindMode(), BlindMode::Off);
    // Undo hides it again.
    key(&w, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!panel->modelRevealed());
    QCOMPARE(w.player()->blindMode(), BlindMode::On);
    w.setBlindMode(false);
    QVERIFY(panel->modelRevealed());
  }

  void secondWindowIsReadOnly() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/two"), 1);
    MainWindow first;
    QVERIFY(first.openProject(path, BusyPolicy::ReadOnly));
    QVERIFY(!first.isReadOnly());
    MainWindow second;
    QVERIFY(second.openProject(path, BusyPolicy::ReadOnly));
    QVERIFY(second.isReadOnly());
    QVERIFY(second.windowTitle().contains(QStringLiteral("read-only")));
    const qint64 vid = second.currentVideo();
    second.session()->setScore(vid, Dimension::Visual, 5);
    QVERIFY(!second.session()->mine(vid));
    first.session()->setScore(vid, Dimension::Visual, 5);
    QCOMPARE(second.session()->mine(vid)->scores[Dimension::Visual], std::optional<double>(5));
  }

  void queueSelectionFollowsNAndJ() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/follow"), 2);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    QTreeView* view = w.queuePanel()->view();
    // The view repaints its highlight on the selection model's signals: they must reach it.
    QSignalSpy moved(view->selectionModel(), &QItemSelectionModel::currentChanged);
    w.scorePanel()->focusCurrentDimension();
    const qint64 first = w.currentVideo();
    for (int k : {Qt::Key_J, Qt::Key_J, Qt::Key_N, Qt::Key_K}) {
      const int before = int(moved.count());
      key(&w, k);
      QVERIFY(w.currentVideo() != 0);
      QCOMPARE(view->currentIndex().data(QueueModel::VideoIdRole).toLongLong(), w.currentVideo());
      QVERIFY(
          view->selectionModel()->isRowSelected(view->currentIndex().row(), view->currentIndex().parent()));
      QVERIFY2(moved.count() > before, "the queue view is told the current row moved");
    }
    QVERIFY(w.currentVideo() != first);
    QCOMPARE(QApplication::focusWidget(), w.scorePanel()->scoreControl(w.scorePanel()->currentDimension()));
  }

  void newProjectCreatesAFile() {
    const QString dir = tmpDir() + QStringLiteral("/new");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/fresh.vsproj");
    QFile::remove(path);
    MainWindow w;
    QVERIFY(w.newProject(path));
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(w.projectPath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!w.isReadOnly());
    QCOMPARE(w.queueModel()->videoCount(), 0);
    QCOMPARE(store::Store(path).stats().videos, 0);
    MainWindow other;
    QVERIFY2(!other.newProject(path), "an existing file is never replaced");
    // Open recent lists it first, and drops files that are gone.
    QSettings settings;
    const QString gone = dir + QStringLiteral("/gone.vsproj");
    RecentProjects::add(settings, gone);
    RecentProjects::add(settings, path);
    QCOMPARE(RecentProjects::load(settings).value(0), QFileInfo(path).absoluteFilePath());
    QVERIFY(!RecentProjects::load(settings).contains(gone));
    auto* recent = w.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    emit recent->aboutToShow();
    QVERIFY(!recent->actions().isEmpty());
    QVERIFY(recent->actions().first()->text().contains(QStringLiteral("fresh.vsproj")));
  }

  void reopensAtTheLastItem() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/reopen"), 2);
    qint64 at = 0;
    {
      MainWindow w;
      QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
      w.goToVideo(w.queueFilter()->videosInOrder().at(6));
      at = w.currentVideo();
    }
    MainWindow again;
    QVERIFY(again.openProject(path, BusyPolicy::ReadOnly));
    QVERIFY(!again.isReadOnly());  // the first window released its lock
    QCOMPARE(again.currentVideo(), at);
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
