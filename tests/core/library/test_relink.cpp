// relink after the video folder moved: found / changed / missing, media folders kept in the
// project, paths stored so that the GUI, the CLI and scoring all find the files again.
#include <QTest>

#include "core/library/relink.h"
#include "core/library/video_intake.h"
#include "core/library/video_locator.h"
#include "core/media/probe.h"
#include "core/store/store.h"
#include "library_fixture.h"

using namespace vs;
using namespace vs::library;
using vs::library::test::freshDir;
using vs::library::test::makeClip;

class TestRelink : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void findsMovedVideosAndReportsTheRest() {
    const QString root = freshDir(QStringLiteral("moved"));
    for (const char* name : {"sora/a", "sora/b", "pika/a", "pika/c"}) {
      QVERIFY(makeClip(root + QStringLiteral("/old/%1.mp4").arg(QLatin1String(name))));
    }
    QVERIFY(QDir().mkpath(root + QStringLiteral("/project")));
    store::Store store(root + QStringLiteral("/project/p.vsproj"), store::OpenMode::CreateNew);
    IntakeOptions options;
    options.recursive = true;
    options.prompt = QStringLiteral("p");
    QCOMPARE(addVideos(store, planIntake({root + QStringLiteral("/old")}, options)).added, 4);
    // A video imported from a data file: no path, never probed.
    store::VideoRecord imported;
    imported.video.name = QStringLiteral("vf2_0001");
    imported.promptText = QStringLiteral("imported");
    store.addVideos({imported});

    QVERIFY(QDir().rename(root + QStringLiteral("/old"), root + QStringLiteral("/new")));
    QVERIFY(makeClip(root + QStringLiteral("/new/sora/b.mp4"), 9, 4));  // replaced meanwhile
    QVERIFY(QFile::remove(root + QStringLiteral("/new/pika/c.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/project/videos/vf2_0001.mp4"), 3));
    const VideoLocator stale = VideoLocator::forStore(store);
    QCOMPARE(stale.locate(*store.findVideoByName(QStringLiteral("sora/a"))).status, FileStatus::Missing);

    const RelinkResult r =
        relink(store, {root + QStringLiteral("/new"), root + QStringLiteral("/project/videos")});
    QVERIFY(!r.cancelled);
    QStringList found = r.found;
    found.sort();
    QCOMPARE(found, (QStringList{QStringLiteral("pika/a"), QStringLiteral("sora/a"), QStringLiteral("sora/b"),
                                 QStringLiteral("vf2_0001")}));
    QCOMPARE(r.changed, QStringList{QStringLiteral("sora/b")});
    QCOMPARE(r.missing, QStringList{QStringLiteral("pika/c")});
    QCOMPARE(store.mediaFolders(), (QStringList{root + QStringLiteral("/new"), QStringLiteral("videos")}));

    const VideoLocator locator = VideoLocator::forStore(store);
    const Video a = *store.findVideoByName(QStringLiteral("sora/a"));
    QCOMPARE(a.path, root + QStringLiteral("/new/sora/a.mp4"));
    QCOMPARE(locator.locate(a).status, FileStatus::Ok);
    QCOMPARE(locator.locate(*store.findVideoByName(QStringLiteral("sora/b")), ContentCheck::Full).status,
             FileStatus::Changed);
    QCOMPARE(locator.locate(*store.findVideoByName(QStringLiteral("pika/c"))).status, FileStatus::Missing);
    const Video v = *store.findVideoByName(QStringLiteral("vf2_0001"));
    QCOMPARE(v.path, QStringLiteral("videos/vf2_0001.mp4"));
    QCOMPARE(v.contentHash, media::contentKey(root + QStringLiteral("/project/videos/vf2_0001.mp4")));
    QCOMPARE(locator.locate(v).status, FileStatus::Ok);

    // A second relink finds nothing new to do.
    const RelinkResult again = relink(store, {root + QStringLiteral("/new")});
    QCOMPARE(again.found.size(), 0);
    QCOMPARE(again.alreadyLinked, 4);
    QCOMPARE(again.missing, QStringList{QStringLiteral("pika/c")});
  }

  void cancelWritesNothing() {
    const QString root = freshDir(QStringLiteral("cancel"));
    QVERIFY(makeClip(root + QStringLiteral("/media/x.mp4")));
    store::Store store(root + QStringLiteral("/p.vsproj"), store::OpenMode::CreateNew);
    store::VideoRecord x;
    x.video.name = QStringLiteral("x");
    store.addVideos({x});
    const RelinkResult r =
        relink(store, {root + QStringLiteral("/media")}, [](qint64, qint64) { return false; });
    QVERIFY(r.cancelled);
    QVERIFY(store.mediaFolders().isEmpty());
    QVERIFY(store.findVideoByName(QStringLiteral("x"))->path.isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestRelink)
#include "test_relink.moc"
