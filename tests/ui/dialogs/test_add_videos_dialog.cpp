// File › Add videos… on clips the test makes (generator/clip.mp4 with sidecar prompts): the
// preview names, prompts and generators; nothing written until accepted; accepting adds them;
// a cancelled or refused add leaves the project as it was; a moved folder relinked; the
// missing tile; dropping a folder on the window opens the dialog with it.
#include <QApplication>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "core/library/relink.h"
#include "core/store/store.h"
#include "tests/support/workstation_session.h"
#include "tests/ui/user_clips.h"
#include "ui/dialogs/add_videos_dialog.h"
#include "ui/window/main_window.h"
#include "ui/player/player_grid.h"
#include "ui/queue/queue_model.h"

using namespace vs;
using namespace vs::ui;

namespace {

QString tmpDir() {
  return qEnvironmentVariable("VS_TEST_TMP");
}

// A fresh empty project and the clips beside it, in `name`/.
struct Fixture {
  QString dir;
  QString project;
  QString clips;
};

Fixture makeFixture(const QString& name) {
  Fixture f;
  f.dir = tmpDir() + QLatin1Char('/') + name;
  QDir(f.dir).removeRecursively();
  QDir().mkpath(f.dir);
  f.project = f.dir + QStringLiteral("/p.vsproj");
  f.clips = f.dir + QStringLiteral("/clips");
  store::Store created(f.project, store::OpenMode::CreateNew);
  return f;
}

qint64 videosIn(const QString& project) {
  return store::Store(project).stats().videos;
}

QTreeWidgetItem* previewRow(AddVideosDialog* d, const QString& name) {
  const QList<QTreeWidgetItem*> rows =
      d->preview()->findItems(name, Qt::MatchExactly, AddVideosDialog::NameColumn);
  return rows.isEmpty() ? nullptr : rows.first();
}

}  // namespace

class TestAddVideosDialog : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { test::startWorkstationTest(tmpDir()); }

  void previewThenAccept() {
    const Fixture f = makeFixture(QStringLiteral("accept"));
    const QString made = test::makeUserClips(f.clips);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    MainWindow w;
    QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
    AddVideosDialog* d = w.showAddVideos({f.clips});
    QVERIFY(d);
    d->setRecursive(true);
    d->setGeneratorChoice(AddVideosDialog::GeneratorChoice::Folder);
    QCOMPARE(d->preview()->topLevelItemCount(), 3);
    QCOMPARE(d->problemList()->count(), 0);
    for (const test::UserClip& c : test::kUserClips) {
      const QString name = QStringLiteral("%1/%2").arg(QLatin1String(c.generator), QLatin1String(c.clip));
      QTreeWidgetItem* row = previewRow(d, name);
      QVERIFY2(row, qPrintable(name));
      QCOMPARE(row->text(AddVideosDialog::PromptColumn), QLatin1String(c.prompt));
      QCOMPARE(row->text(AddVideosDialog::PromptSourceColumn),
               QLatin1String(c.clip) + QStringLiteral(".txt"));
      QCOMPARE(row->text(AddVideosDialog::GeneratorColumn), QLatin1String(c.generator));
    }
    // Another choice changes the preview, still without writing anything.
    d->setGeneratorChoice(AddVideosDialog::GeneratorChoice::Fixed, QStringLiteral("mine"));
    QCOMPARE(previewRow(d, QStringLiteral("pika/cat"))->text(AddVideosDialog::GeneratorColumn),
             QStringLiteral("mine"));
    d->setOnePrompt(QStringLiteral("one prompt"));
    QCOMPARE(previewRow(d, QStringLiteral("sora/dog"))->text(AddVideosDialog::PromptColumn),
             QStringLiteral("one prompt"));
    d->setOnePrompt({});
    d->setGeneratorChoice(AddVideosDialog::GeneratorChoice::Folder);
    QCOMPARE(videosIn(f.project), 0);
    QCOMPARE(w.queueModel()->videoCount(), 0);

    d->accept();
    store::Store check(f.project);
    QCOMPARE(check.stats().videos, 3);
    QCOMPARE(check.stats().prompts, 2);  // the two cat clips share their prompt
    const std::optional<Video> v = check.findVideoByName(QStringLiteral("pika/cat"));
    QVERIFY(v);
    QCOMPARE(v->generator, QStringLiteral("pika"));
    QCOMPARE(check.findPrompt(v->promptId)->text, QStringLiteral("a cat jumps onto a table"));
    QVERIFY(!v->contentHash.isEmpty());
    QCOMPARE(w.queueModel()->videoCount(), 3);
    QVERIFY(w.currentVideo() != 0);
    QVERIFY(w.player()->clipCount() > 0);
    QCOMPARE(w.player()->tileMessage(0), QString());
  }

  void cancelledAddLeavesTheProject() {
    const Fixture f = makeFixture(QStringLiteral("cancel"));
    const QString made = test::makeUserClips(f.clips);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    MainWindow w;
    QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
    library::IntakeOptions options;
    options.recursive = true;
    options.generatorFrom = library::GeneratorFrom::Folder;
    const library::IntakePlan plan = library::planIntake({f.clips}, options);
    QCOMPARE(plan.entries.size(), 3);
    bool pressed = false;
    // Queued before the work starts: the progress dialog's Cancel is pressed as it appears.
    QTimer::singleShot(0, &w, [&] {
      auto* progress = w.findChild<QProgressDialog*>();
      auto* button = progress ? progress->findChild<QPushButton*>() : nullptr;
      if (button) {
        button->click();
        pressed = true;
      }
    });
    QVERIFY(!w.addPlannedVideos(plan));
    QVERIFY(pressed);
    QCOMPARE(videosIn(f.project), 0);
    QCOMPARE(w.queueModel()->videoCount(), 0);
    // The same plan, not cancelled, adds.
    QVERIFY(w.addPlannedVideos(plan));
    QCOMPARE(videosIn(f.project), 3);
  }

  void unreadableFileAddsNothing() {
    const Fixture f = makeFixture(QStringLiteral("broken"));
    const QString made = test::makeUserClips(f.clips);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QFile junk(f.clips + QStringLiteral("/sora/broken.mp4"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a video at all");
    junk.close();
    QFile::copy(f.clips + QStringLiteral("/sora/cat.txt"), f.clips + QStringLiteral("/sora/broken.txt"));
    MainWindow w;
    QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
    AddVideosDialog* d = w.showAddVideos({f.clips});
    QVERIFY(d);
    QCOMPARE(d->preview()->topLevelItemCount(), 4);  // probing happens on accept
    d->accept();
    QCOMPARE(videosIn(f.project), 0);
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("reportBox"));
    QVERIFY(box);
    QVERIFY(box->detailedText().contains(QStringLiteral("broken.mp4")));
  }

  void movedFolderIsMissingThenRelinked() {
    const Fixture f = makeFixture(QStringLiteral("moved"));
    const QString made = test::makeUserClips(f.clips);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    {
      MainWindow w;
      QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
      library::IntakeOptions options;
      options.recursive = true;
      options.generatorFrom = library::GeneratorFrom::Folder;
      QVERIFY(w.addPlannedVideos(library::planIntake({f.clips}, options)));
    }
    const QString moved = f.dir + QStringLiteral("/elsewhere");
    QVERIFY(QDir().rename(f.clips, moved));

    MainWindow w;
    QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
    const qint64 cat = w.currentVideo();
    const QString name = w.queueModel()->video(cat)->video.name;
    QCOMPARE(w.queueModel()->indexForVideo(cat).data(QueueModel::FileStatusRole).toInt(),
             int(library::FileStatus::Missing));
    QVERIFY(!w.queueModel()->indexForVideo(cat).data(Qt::DecorationRole).isNull());
    QCOMPARE(w.player()->tileMessage(w.player()->focusedClip()),
             QStringLiteral("missing: %1 — Relink…").arg(name));

    const std::optional<library::RelinkResult> r = w.relinkTo({moved});
    QVERIFY(r);
    QCOMPARE(r->found.size(), 3);
    QVERIFY(r->missing.isEmpty());
    QCOMPARE(w.queueModel()->indexForVideo(cat).data(QueueModel::FileStatusRole).toInt(),
             int(library::FileStatus::Ok));
    QVERIFY(w.queueModel()->indexForVideo(cat).data(Qt::DecorationRole).isNull());
    for (int i = 0; i < w.player()->clipCount(); ++i) {
      QCOMPARE(w.player()->tileMessage(i), QString());
    }
    QVERIFY(w.locator().mediaFolders().contains(QFileInfo(moved).absoluteFilePath()));
  }

  void droppedFolderOpensTheDialog() {
    const Fixture f = makeFixture(QStringLiteral("drop"));
    const QString made = test::makeUserClips(f.clips);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openProject(f.project, BusyPolicy::ReadOnly));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(f.clips)});
    const QPoint at = w.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    auto* d = w.findChild<AddVideosDialog*>();
    QVERIFY(d);
    QCOMPARE(d->paths(), QStringList{QFileInfo(f.clips).absoluteFilePath()});
    QCOMPARE(d->preview()->topLevelItemCount(), 3);
    QVERIFY(previewRow(d, QStringLiteral("sora/dog")));
    QCOMPARE(previewRow(d, QStringLiteral("sora/dog"))->text(AddVideosDialog::GeneratorColumn),
             QStringLiteral("sora"));
    QCOMPARE(videosIn(f.project), 0);
    d->accept();
    QCOMPARE(videosIn(f.project), 3);
    QCOMPARE(w.queueModel()->videoCount(), 3);
  }
};

QTEST_MAIN(TestAddVideosDialog)
#include "test_add_videos_dialog.moc"
