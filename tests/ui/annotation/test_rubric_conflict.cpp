// ui/rubric_editing.cpp, ui/version_conflict_dialog.cpp, ui/project_rubric.cpp through the main
// window: the rubric is read from and saved to the project. On a PostgreSQL team project another
// person's store saves a rubric while this window's editor is open; the save is refused and the
// conflict dialog shows their version and this person's: "Keep mine" saves on top of theirs,
// "Use theirs" writes nothing, Escape goes back to the editor with the typed text. A `.vsproj`
// with an old rubric file beside it gets that rubric copied in once. Real MainWindows, a
// throwaway PostgreSQL cluster (the PostgreSQL cases skip when there is none).
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QtTest>
#include <functional>
#include <memory>

#include "core/store/store.h"
#include "pg_cluster.h"
#include "ui/window/action_registry.h"
#include "ui/annotation/dimension_names.h"
#include "ui/window/main_window.h"
#include "ui/annotation/rubric.h"
#include "ui/dialogs/rubric_dialog.h"
#include "ui/dialogs/version_conflict_dialog.h"

using namespace vs;
using vs::store::OpenMode;
using vs::store::Store;
using vs::ui::BusyPolicy;
using vs::ui::MainWindow;
using vs::ui::Rubric;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_rubric_conflict"));
}

void addVideos(Store& s) {
  for (int i = 0; i < 3; ++i) {
    Video v;
    v.name = QStringLiteral("v%1").arg(i);
    v.path = QStringLiteral("/nonexistent/%1.mp4").arg(v.name);
    s.addVideo(v);
  }
}

std::unique_ptr<MainWindow> openAs(const QString& annotator, const QString& project) {
  QSettings().setValue(QStringLiteral("annotator/name"), annotator);
  auto w = std::make_unique<MainWindow>();
  w->show();
  if (!w->openProject(project, BusyPolicy::ReadOnly))
    return nullptr;
  return w;
}

// Runs `step` on the next modal dialog of type T once it shows (the caller then blocks in exec).
template <typename T>
void whenShown(std::function<void(T*)> step) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, [timer, step] {
    auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
    if (!dialog)
      return;
    timer->stop();
    timer->deleteLater();
    step(dialog);
  });
  timer->start();
}

// The rubric editor's visual definition.
QPlainTextEdit* visualDefinition(QDialog* editor) {
  const QString name = ui::RubricDialog::tr("%1 definition").arg(ui::dimensionDisplayName(Dimension::Visual));
  for (auto* edit : editor->findChildren<QPlainTextEdit*>()) {
    if (edit->accessibleName() == name)
      return edit;
  }
  qFatal("no visual definition in the rubric editor");
}

Rubric withVisual(const QString& text) {
  Rubric r = Rubric::defaults();
  r[Dimension::Visual].definition = text;
  return r;
}

QString storedVisual(Store& s) {
  return Rubric::fromJson(s.rubric().text.toUtf8())[Dimension::Visual].definition;
}

void editRubric(MainWindow& w) {
  w.actions().action(QStringLiteral("file.rubric"))->trigger();
}

}  // namespace

class TestRubricConflict : public QObject {
  Q_OBJECT
  std::unique_ptr<test::PgCluster> cluster_;
  QString whyNot_;

  // A team project with a rubric at version 1, ana's window on it and bo's own store.
  struct Team {
    QString uri;
    std::unique_ptr<MainWindow> ana;
    std::unique_ptr<Store> bo;
  };
  Team team(const QString& name) {
    Team t;
    t.uri = cluster_->createDatabase(name);
    {
      Store s(t.uri, OpenMode::CreateNew);
      addVideos(s);
      s.saveRubric(QString::fromUtf8(withVisual(QStringLiteral("first")).toJson()), 0);
    }
    t.ana = openAs(QStringLiteral("ana"), t.uri);
    t.bo = std::make_unique<Store>(t.uri);
    return t;
  }

  // Ana types `mine` into the open editor (which showed `*shown`); bo saves `theirs` before she
  // presses OK.
  void typeWhileBoSaves(Store& bo, const QString& mine, const QString& theirs, QString* shown) {
    whenShown<ui::RubricDialog>([&bo, mine, theirs, shown](ui::RubricDialog* editor) {
      *shown = visualDefinition(editor)->toPlainText();
      visualDefinition(editor)->setPlainText(mine);
      bo.saveRubric(QString::fromUtf8(withVisual(theirs).toJson()), 1);
      editor->accept();
    });
  }

 private slots:
  void initTestCase() {
    QDir(tmpDir()).removeRecursively();
    QVERIFY(QDir().mkpath(tmpDir()));
    qputenv("XDG_CONFIG_HOME", (tmpDir() + QStringLiteral("/config")).toUtf8());
    QSettings().clear();
    cluster_ = test::PgCluster::start(&whyNot_);
  }

  void keepMineSavesOnTopOfTheirs() {
    if (!cluster_)
      QSKIP(qPrintable(whyNot_));
    Team t = team(QStringLiteral("keep"));
    QVERIFY(t.ana);
    QString started;
    typeWhileBoSaves(*t.bo, QStringLiteral("ana's words"), QStringLiteral("bo's words"), &started);
    QString theirs, mine;
    whenShown<ui::VersionConflictDialog>([&theirs, &mine](ui::VersionConflictDialog* ask) {
      theirs = ask->findChild<QPlainTextEdit*>(QStringLiteral("theirs"))->toPlainText();
      mine = ask->findChild<QPlainTextEdit*>(QStringLiteral("mine"))->toPlainText();
      ask->findChild<QPushButton*>(QStringLiteral("keepMine"))->click();
    });
    editRubric(*t.ana);
    QCOMPARE(started, QStringLiteral("first"));
    QVERIFY2(theirs.contains(QStringLiteral("bo's words")), qPrintable(theirs));
    QVERIFY2(mine.contains(QStringLiteral("ana's words")), qPrintable(mine));
    QCOMPARE(t.bo->rubric().version, 3);  // 1 first, 2 bo's, 3 ana's on top of it
    QCOMPARE(storedVisual(*t.bo), QStringLiteral("ana's words"));
  }

  void useTheirsWritesNothing() {
    if (!cluster_)
      QSKIP(qPrintable(whyNot_));
    Team t = team(QStringLiteral("theirs"));
    QVERIFY(t.ana);
    QString started;
    typeWhileBoSaves(*t.bo, QStringLiteral("ana's words"), QStringLiteral("bo's words"), &started);
    bool shown = false;
    bool byKeyboard = false;
    whenShown<ui::VersionConflictDialog>([&shown, &byKeyboard](ui::VersionConflictDialog* ask) {
      shown = true;
      // Reachable from the keyboard: Tab from the texts to the button, then Space.
      QApplication::setActiveWindow(ask);
      auto* useTheirs = ask->findChild<QPushButton*>(QStringLiteral("useTheirs"));
      ask->findChild<QPlainTextEdit*>(QStringLiteral("theirs"))->setFocus();
      for (int i = 0; i < 8 && QApplication::focusWidget() != useTheirs; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
      if (QApplication::focusWidget() == useTheirs)
        QTest::keyClick(useTheirs, Qt::Key_Space);
      byKeyboard = !ask->isVisible();
      if (!byKeyboard)  // not closed: let the test go on (and fail below)
        ask->findChild<QPushButton*>(QStringLiteral("useTheirs"))->click();
    });
    editRubric(*t.ana);
    QVERIFY(shown);
    QVERIFY(byKeyboard);
    QCOMPARE(started, QStringLiteral("first"));
    QCOMPARE(t.bo->rubric().version, 2);
    QCOMPARE(storedVisual(*t.bo), QStringLiteral("bo's words"));
  }

  void escapeGoesBackToTheTypedText() {
    if (!cluster_)
      QSKIP(qPrintable(whyNot_));
    Team t = team(QStringLiteral("back"));
    QVERIFY(t.ana);
    QString started;
    typeWhileBoSaves(*t.bo, QStringLiteral("ana's words"), QStringLiteral("bo's words"), &started);
    QString reopened;
    whenShown<ui::VersionConflictDialog>([&reopened](ui::VersionConflictDialog* ask) {
      QTest::keyClick(ask, Qt::Key_Escape);
      // The editor again, with what ana typed; she saves it, now based on bo's version.
      whenShown<ui::RubricDialog>([&reopened](ui::RubricDialog* editor) {
        reopened = visualDefinition(editor)->toPlainText();
        editor->accept();
      });
    });
    editRubric(*t.ana);
    QCOMPARE(started, QStringLiteral("first"));
    QCOMPARE(reopened, QStringLiteral("ana's words"));
    QCOMPARE(t.bo->rubric().version, 3);
    QCOMPARE(storedVisual(*t.bo), QStringLiteral("ana's words"));
  }

  // No conflict: a plain save is the next version, and the other store reads it.
  void saveWithoutConflict() {
    if (!cluster_)
      QSKIP(qPrintable(whyNot_));
    Team t = team(QStringLiteral("plain"));
    QVERIFY(t.ana);
    whenShown<ui::RubricDialog>([](ui::RubricDialog* editor) {
      visualDefinition(editor)->setPlainText(QStringLiteral("agreed"));
      editor->accept();
    });
    editRubric(*t.ana);
    QCOMPARE(t.bo->rubric().version, 2);
    QCOMPARE(storedVisual(*t.bo), QStringLiteral("agreed"));
  }

  // An older `.vsproj` kept its rubric in a file beside it: copied into the project once.
  void oldRubricFileCopiedInOnce() {
    const QString path = tmpDir() + QStringLiteral("/old.vsproj");
    {
      Store s(path, OpenMode::CreateNew);
      addVideos(s);
    }
    QFile file(Rubric::sidecarPath(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(withVisual(QStringLiteral("from the file")).toJson());
    file.close();
    {
      auto w = openAs(QStringLiteral("ana"), path);
      QVERIFY(w);
    }
    {
      Store s(path);
      QCOMPARE(s.rubric().version, 1);
      QCOMPARE(storedVisual(s), QStringLiteral("from the file"));
      s.saveRubric(QString::fromUtf8(withVisual(QStringLiteral("edited")).toJson()), 1);
    }
    // Opened again: the project's rubric stands (the file is not copied a second time).
    {
      auto w = openAs(QStringLiteral("ana"), path);
      QVERIFY(w);
      QString shown;
      whenShown<ui::RubricDialog>([&shown](ui::RubricDialog* editor) {
        shown = visualDefinition(editor)->toPlainText();
        editor->reject();
      });
      editRubric(*w);
      QCOMPARE(shown, QStringLiteral("edited"));
    }
    Store s(path);
    QCOMPARE(s.rubric().version, 2);
  }
};

QTEST_MAIN(TestRubricConflict)
#include "test_rubric_conflict.moc"
