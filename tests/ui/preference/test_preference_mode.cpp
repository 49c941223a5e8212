// Preference mode by keyboard alone, on the whole window: an annotator orders a prompt's four
// candidates (binary insertion, blind), writes a reason with the choice keys in it, undoes and
// redoes; the project's pairs are exported with `vscore export --format pairs` and read by
// `vscore pairwise --pairs`; the Audit tab shows the same preference accuracy as core and the
// CLI. Then Best-of-N by keyboard (worst first, best, undo, redo, a refused worst), and the
// scoring keys rest while the mode is on. The mode's options are the project's, seen by a
// second window and kept whatever the person's own settings say.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <algorithm>

#include "core/analysis/comparison_schedule.h"
#include "core/analysis/preference_report.h"
#include "core/store/store.h"
#include "tests/support/workstation_session.h"
#include "tests/ui/user_clips.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/window/action_registry.h"
#include "ui/annotation/annotation_session.h"
#include "ui/audit/audit_view.h"
#include "ui/window/main_window.h"
#include "ui/player/player_grid.h"
#include "ui/preference/preference_audit_panel.h"
#include "ui/preference/preference_view.h"
#include "ui/queue/queue_model.h"
#include "ui/window/typing_guard.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP");
}

struct Run {
  int exitCode = -1;
  QByteArray out, err;
};

Run vscore(const QStringList& args) {
  QProcess p;
  p.start(qEnvironmentVariable("VS_VSCORE"), args);
  if (!p.waitForFinished(60000)) {
    qFatal("vscore did not finish");
  }
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// The person's hidden order of prompt 1: v01 best, then v03, then v02 and v04 equally good.
int personRank(const QString& name) {
  if (name == QLatin1String("v01")) {
    return 0;
  }
  if (name == QLatin1String("v03")) {
    return 1;
  }
  return 2;
}

QCheckBox* blindCheckBox(QWidget* view) {
  for (QCheckBox* box : view->findChildren<QCheckBox*>()) {
    if (box->text() == QLatin1String("Blind")) {
      return box;
    }
  }
  return nullptr;
}

}  // namespace

class TestPreferenceMode : public QObject {
  Q_OBJECT
 private:
  TypingGuard guard_;
  void key(int k, Qt::KeyboardModifiers m = Qt::NoModifier) { test::pressKey(k, m); }
  void type(const QString& text) { test::typeText(text); }

 private slots:
  void initTestCase() {
    test::startWorkstationTest(tmpDir(), QStringLiteral("alice"));
    qApp->installEventFilter(&guard_);
  }

  void orderByKeyboardExportAndAudit() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/order"), 2);
    {
      // A reference person's scores on prompt 1, so that a prediction file can be exported
      // (it pairs reference and model scores); they play no part in the preferences.
      store::Store s(path);
      const qint64 gt = s.addAnnotator(QStringLiteral("gt"), AnnotatorKind::Human);
      for (const char* name : {"v01", "v02", "v03", "v04"}) {
        Evaluation e;
        e.videoId = s.findVideoByName(QLatin1String(name))->id;
        e.annotatorId = gt;
        e.origin = Origin::Human;
        for (Dimension d : kDimensions) {
          e.scores[d] = 3;
        }
        s.upsertEvaluation(e);
      }
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    // No two actions share a key (regression: the player's "focus next clip" and "next unscored
    // item" were both N, and the registry then refused every remapping).
    for (const ShortcutConflict& c : ActionRegistry::conflicts(w.actions().currentMap())) {
      QFAIL(qPrintable(c.firstId + QStringLiteral(" / ") + c.secondId + QStringLiteral(": ") +
                       c.sequence.toString()));
    }
    PreferenceView* view = w.preferenceView();
    PreferenceSession* session = view->session();
    QVERIFY(session);
    session->setRandomSeed(11);  // the left/right draws, repeatable
    const qint64 firstVideo = w.currentVideo();
    QCOMPARE(w.queueModel()->video(firstVideo)->video.name, QStringLiteral("v01"));

    key(Qt::Key_3, Qt::ControlModifier);  // enter preference mode
    QVERIFY(w.preferenceMode());
    QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("centreTabs"))->currentWidget(), view);
    QCOMPARE(session->promptId(), w.queueModel()->promptOf(firstVideo)->id);
    // Blind: the tiles say only where they are, no generator or video name.
    QCOMPARE(view->tileCaptions(), (QStringList{QStringLiteral("Left"), QStringLiteral("Right")}));
    QCOMPARE(view->player()->clipCount(), 2);
    QCOMPARE(view->progressLabel()->text(), QStringLiteral("Comparison 1 of at most 5"));
    // Nothing beside the clips names the current item or its model scores.
    auto* scoresDock = w.findChild<QDockWidget*>(QStringLiteral("scoreDock"));
    QVERIFY(scoresDock && !scoresDock->isVisible());

    // The scoring keys rest: a digit does not score the current item.
    key(Qt::Key_3);
    QVERIFY(!w.session()->mine(firstVideo).has_value());

    auto nameOf = [&](qint64 id) { return session->video(id)->name; };
    struct Shown {
      qint64 left, right;
      bool swapped;
    };
    QVector<Shown> shown;
    QStringList asked;  // "first-second" as the schedule asked, for the expected sequence below
    // Tie remapped through the registry (as the settings dialog does) to H.
    QVERIFY(w.actions().apply({{QStringLiteral("pref.tie"), QKeySequence(Qt::Key_H)}}).isEmpty());
    const QString reason = QStringLiteral("sharper, fewer. artefacts/h ok");
    while (const auto pair = session->currentPair()) {
      QVERIFY(shown.size() < 10);
      shown.append({pair->left, pair->right, pair->swapped});
      const qint64 first = pair->swapped ? pair->right : pair->left;
      const qint64 second = pair->swapped ? pair->left : pair->right;
      asked << nameOf(first) + QLatin1Char('-') + nameOf(second);
      if (shown.size() == 2) {
        // A reason typed with the choice keys in it: they are text, not choices.
        const int before = session->answeredPairs();
        key(Qt::Key_Semicolon);
        QCOMPARE(QApplication::focusWidget(), view->reasonEditor());
        type(reason);
        QCOMPARE(view->reasonEditor()->text(), reason);
        QCOMPARE(session->answeredPairs(), before);
        key(Qt::Key_Return);  // back to the clips
        QVERIFY(QApplication::focusWidget() != view->reasonEditor());
      }
      const int l = personRank(nameOf(pair->left)), r = personRank(nameOf(pair->right));
      key(l < r ? Qt::Key_Comma : (l > r ? Qt::Key_Period : Qt::Key_H));
      QVERIFY2(session->answeredPairs() == shown.size(), "one stored preference per key");
    }
    // Binary insertion of v01..v04 in that order (comparison_schedule.h): v02 against v01; v03
    // against the middle tier of [v01][v02] (v02), then v01; v04 against the middle of
    // [v01][v03][v02] (v03), then v02, which it ties. Five comparisons, the worst case for 4
    // (all pairs would take 6).
    QCOMPARE(asked,
             (QStringList{QStringLiteral("v02-v01"), QStringLiteral("v03-v02"), QStringLiteral("v03-v01"),
                          QStringLiteral("v04-v03"), QStringLiteral("v04-v02")}));
    QCOMPARE(int(shown.size()), analysis::ComparisonSchedule::binaryInsertionWorstCase(4));
    const auto tiers = session->ranking(PreferenceDimension::Overall);
    QCOMPARE(tiers.size(), 3);
    QCOMPARE(nameOf(tiers[0].value(0)), QStringLiteral("v01"));
    QCOMPARE(nameOf(tiers[1].value(0)), QStringLiteral("v03"));
    QCOMPARE(tiers[2].size(), 2);

    // Undo takes the last choice back and shows its pair again; redo records it again.
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(session->answeredPairs(), 4);
    QVERIFY(session->currentPair());
    QCOMPARE(session->currentPair()->left, shown.back().left);
    QCOMPARE(session->currentPair()->right, shown.back().right);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session->answeredPairs(), 5);
    QVERIFY(!session->currentPair());

    // Every row as shown: left/right on screen, randomised order, and whether it was swapped.
    {
      store::Store check(path);
      const qint64 alice = check.findAnnotator(QStringLiteral("alice"))->id;
      store::PreferenceFilter filter;
      filter.annotatorId = alice;
      const QVector<PreferenceRecord> rows = check.preferences(filter);
      QCOMPARE(rows.size(), 5);
      int swapped = 0;
      for (const Shown& s : shown) {
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const PreferenceRecord& p) {
          return p.leftVideoId == s.left && p.rightVideoId == s.right;
        });
        QVERIFY2(row != rows.end(), "stored in the order shown");
        QCOMPARE(row->order, PresentationOrder::Randomised);
        QCOMPARE(row->swapped, s.swapped);
        QCOMPARE(row->dimension, PreferenceDimension::Overall);
        swapped += s.swapped ? 1 : 0;
      }
      QVERIFY2(swapped > 0 && swapped < 5, "both orders were drawn");
      QCOMPARE(rows[1].reason, reason);
    }

    // Export the pairs and read them with `vscore pairwise` against the model's predictions.
    const QString pairsFile = tmpDir() + QStringLiteral("/pairs.json");
    const QString predictions = tmpDir() + QStringLiteral("/predictions.json");
    Run r = vscore({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("pairs"),
                    QStringLiteral("--out"), pairsFile});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = vscore({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("predictions"),
                QStringLiteral("--annotator"), QStringLiteral("gt"), QStringLiteral("--out"), predictions});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile exported(pairsFile);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(exported.readAll()).array().size(), 5);
    // Model totals (workstation_test_project.h): v01 10.8123, v02 8.8, v03 11.7, v04 6.1; the
    // person: v01 > v03 > v02 = v04. The model is right on v02-v01, v03-v02 and v04-v03, wrong on
    // v03-v01, and predicts no tie for v04-v02 (difference 2.7 > 0.001): 3 of 5 with ties, 3 of
    // 4 without (the tie left out).
    r = vscore({QStringLiteral("pairwise"), predictions, QStringLiteral("--pairs"), pairsFile,
                QStringLiteral("--ties"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const double cliWithTies =
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("accuracy")).toDouble();
    QCOMPARE(cliWithTies, 60.0);
    r = vscore({QStringLiteral("pairwise"), predictions, QStringLiteral("--pairs"), pairsFile,
                QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("accuracy")).toDouble(), 75.0);

    // The Audit tab shows core's value, which is the CLI's.
    key(Qt::Key_2, Qt::ControlModifier);
    QVERIFY(!w.preferenceMode());
    QVERIFY(scoresDock->isVisible());
    PreferenceAuditPanel* panel = w.audit()->preferencePanel();
    const int row = panel->rowOf(QStringLiteral("accuracy.overall.with_ties"));
    QVERIFY(row >= 0);
    const analysis::PreferenceReport core = analysis::projectPreferenceReport(*w.store(), std::nullopt);
    QCOMPARE(*core.accuracyOf("overall")->accuracy.withTies.accuracy, cliWithTies);
    QCOMPARE(panel->table()->item(row, 1)->text(), QStringLiteral("60.0 %"));
    QCOMPARE(panel->table()->item(panel->rowOf(QStringLiteral("accuracy.overall.without_ties")), 1)->text(),
             QStringLiteral("75.0 %"));
    QCOMPARE(panel->table()->item(row, 2)->text(), QStringLiteral("3 of 5 pairs"));

    // Back in the Judge tab the scoring keys work again.
    key(Qt::Key_1, Qt::ControlModifier);
    w.scorePanel();
    key(Qt::Key_4);
    QVERIFY(w.session()->mine(w.currentVideo()).has_value());
  }

  // Two real clips (made by the ffmpeg program) play side by side in sync, driven by the
  // player's keys while the mode is on: the hidden Judge player's keys rest meanwhile, so the
  // keys are not ambiguous.
  void pairPlaysInSyncByKeyboard() {
    const QString dir = tmpDir() + QStringLiteral("/sync");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/sync.vsproj");
    {
      store::Store s(path, store::OpenMode::CreateNew);
      const qint64 prompt = s.addPrompt(QStringLiteral("a ball rolls"));
      int n = 0;
      for (const char* colour : {"red", "blue"}) {
        const QString file = dir + QStringLiteral("/%1.mp4").arg(QLatin1String(colour));
        const QString error = test::makeClip(file, QLatin1String(colour));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Video v;
        v.promptId = prompt;
        v.name = QStringLiteral("clip%1").arg(++n);
        v.generator = QLatin1String(colour);
        v.path = file;
        s.addVideo(v);
      }
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    key(Qt::Key_3, Qt::ControlModifier);
    PlayerGrid* grid = w.preferenceView()->player();
    QCOMPARE(grid->clipCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        grid->isSettled() && grid->displayedFrame(0) == 0 && grid->displayedFrame(1) == 0, 20000);
    key(Qt::Key_Right);  // one frame forward, both clips
    QCOMPARE(grid->targetFrame(0), qint64(1));
    QCOMPARE(grid->targetFrame(1), qint64(1));
    QTRY_VERIFY_WITH_TIMEOUT(
        grid->isSettled() && grid->displayedFrame(0) == 1 && grid->displayedFrame(1) == 1, 20000);
    key(Qt::Key_End);
    QTRY_VERIFY_WITH_TIMEOUT(
        grid->isSettled() && grid->displayedFrame(0) == 7 && grid->displayedFrame(1) == 7, 20000);
    QCOMPARE(w.player()->targetFrame(0), qint64(0));  // the Judge player did not move
    key(Qt::Key_Comma);                               // and the choice still goes through
    QCOMPARE(w.preferenceView()->session()->answeredPairs(), 1);
  }

  void bestOfNByKeyboard() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/best"), 2);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    PreferenceView* view = w.preferenceView();
    PreferenceSession* session = view->session();
    session->setRandomSeed(5);
    key(Qt::Key_3, Qt::ControlModifier);
    key(Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);  // pairs -> Best of N
    QCOMPARE(view->task(), PreferenceTask::BestOfN);
    key(Qt::Key_Down, Qt::AltModifier);  // the second prompt; the window follows
    const QueuePrompt& second = w.queueModel()->prompts()[1];
    QCOMPARE(session->promptId(), second.id);
    QCOMPARE(w.queueModel()->promptOf(w.currentVideo())->id, second.id);
    const QVector<qint64> tiles = session->tiles();
    QCOMPARE(tiles.size(), 4);
    QVector<qint64> sorted = tiles;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY2(sorted != tiles, "blind: the tiles are shuffled");
    QCOMPARE(view->player()->clipCount(), 4);
    QCOMPARE(view->tileCaptions(), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                                QStringLiteral("4")}));

    key(Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);  // worst first: waits for the best
    QCOMPARE(session->pendingWorst(), std::optional<qint64>(tiles[1]));
    QVERIFY(!session->currentPick());
    key(Qt::Key_3, Qt::AltModifier);
    auto pick = session->currentPick();
    QVERIFY(pick);
    QCOMPARE(pick->bestVideoId, tiles[2]);
    QCOMPARE(pick->worstVideoId, std::optional<qint64>(tiles[1]));
    QCOMPARE(pick->candidateVideoIds, tiles);  // the order shown

    key(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!session->currentPick());
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(session->currentPick()->bestVideoId, tiles[2]);

    key(Qt::Key_3, Qt::ControlModifier | Qt::AltModifier);  // the best cannot be the worst
    QCOMPARE(session->currentPick()->worstVideoId, std::optional<qint64>(tiles[1]));
    key(Qt::Key_1, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(session->currentPick()->worstVideoId, std::optional<qint64>(tiles[0]));
    key(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(session->currentPick()->worstVideoId, std::optional<qint64>(tiles[1]));

    // Read back by a second connection: one pick, tiles in the order shown.
    store::Store check(path);
    const auto stored = check.findBestOfNPick(check.findAnnotator(QStringLiteral("alice"))->id, second.id);
    QVERIFY(stored);
    QCOMPARE(stored->candidateVideoIds, tiles);
    QCOMPARE(stored->bestVideoId, tiles[2]);

    // An item chosen in the queue brings its prompt's candidates.
    w.goToVideo(w.queueModel()->prompts()[0].videos[2].video.id);
    QCOMPARE(session->promptId(), w.queueModel()->prompts()[0].id);

    key(Qt::Key_3, Qt::ControlModifier);  // leave
    QVERIFY(!w.preferenceMode());
    QCOMPARE(view->player()->clipCount(), 0);
  }

  // The schedule, the dimensions and Blind are the project's: the person's old per-file values
  // are read once as defaults, the bar's changes are written to the project, a second window on
  // the same file sees them, and reopening with other user settings keeps them.
  void optionsLiveInTheProject() {
    const QString path = test::makeProject(tmpDir() + QStringLiteral("/options"), 1);
    const QString legacy =
        QStringLiteral("projects/%1/preference/")
            .arg(QString::fromLatin1(QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                              QCryptographicHash::Sha1)
                                         .toHex()
                                         .left(16)));
    QSettings().setValue(legacy + QStringLiteral("allPairs"), true);  // chosen before the move
    {
      store::Store s(path);
      QVERIFY(!s.preferenceOptions().allPairs);
    }
    {
      MainWindow w;
      w.show();
      QVERIFY(QTest::qWaitForWindowActive(&w));
      QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
      PreferenceView* view = w.preferenceView();
      QCOMPARE(view->session()->schedule(), analysis::ScheduleMethod::AllPairs);
      QCOMPARE(view->session()->scope(), PreferenceScope::Overall);
      QCOMPARE(view->session()->blinding(), Blinding::Blind);
      {
        store::Store s(path);  // the defaults were written to the project once
        const store::PreferenceOptions o = s.preferenceOptions();
        QCOMPARE(o.allPairs, std::optional<bool>(true));
        QCOMPARE(o.eachDimension, std::optional<bool>(false));
        QCOMPARE(o.blind, std::optional<bool>(true));
      }
      // The mode's bar, by keyboard: each dimension, Blind off.
      key(Qt::Key_3, Qt::ControlModifier);
      QVERIFY(w.preferenceMode());
      QComboBox* scopeBox = nullptr;
      for (QComboBox* box : view->findChildren<QComboBox*>()) {
        if (box->accessibleName() == QLatin1String("Judged on")) {
          scopeBox = box;
        }
      }
      QVERIFY(scopeBox);
      QTest::keyClick(scopeBox, Qt::Key_Down);
      QCOMPARE(view->session()->scope(), PreferenceScope::EachDimension);
      QCheckBox* blindBox = blindCheckBox(view);
      QVERIFY(blindBox && blindBox->isChecked());
      blindBox->click();  // a click (Space is the player's play key)
      QCOMPARE(view->session()->blinding(), Blinding::Open);
      {
        store::Store s(path);
        const store::PreferenceOptions o = s.preferenceOptions();
        QCOMPARE(o.allPairs, std::optional<bool>(true));
        QCOMPARE(o.eachDimension, std::optional<bool>(true));
        QCOMPARE(o.blind, std::optional<bool>(false));
      }
      // A second window on the same project file sees them.
      MainWindow other;
      other.show();
      QVERIFY(other.openProject(path, BusyPolicy::ReadOnly));
      PreferenceSession* second = other.preferenceView()->session();
      QVERIFY(second);
      QCOMPARE(second->schedule(), analysis::ScheduleMethod::AllPairs);
      QCOMPARE(second->scope(), PreferenceScope::EachDimension);
      QCOMPARE(second->blinding(), Blinding::Open);
      QVERIFY(!blindCheckBox(other.preferenceView())->isChecked());
    }
    // Other user settings for this file no longer decide: the project's options stay.
    QSettings().setValue(legacy + QStringLiteral("allPairs"), false);
    QSettings().setValue(legacy + QStringLiteral("eachDimension"), false);
    QSettings().setValue(legacy + QStringLiteral("blind"), true);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(w.openProject(path, BusyPolicy::ReadOnly));
    PreferenceSession* session = w.preferenceView()->session();
    QCOMPARE(session->schedule(), analysis::ScheduleMethod::AllPairs);
    QCOMPARE(session->scope(), PreferenceScope::EachDimension);
    QCOMPARE(session->blinding(), Blinding::Open);
  }
};

QTEST_MAIN(TestPreferenceMode)
#include "test_preference_mode.moc"
