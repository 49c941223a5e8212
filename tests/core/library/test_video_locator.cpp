// The one rule for where a video's file is, on real files: stored path (absolute or relative to
// the project), media folders in order (video_name + any extension, then video_url's file name),
// the project's own folder, then anywhere below the media folders; ok / missing / changed.
#include <QFile>
#include <QTest>
#include <utime.h>

#include "core/library/probe_record.h"
#include "core/library/video_locator.h"
#include "core/media/probe.h"
#include "library_fixture.h"

using namespace vs;
using namespace vs::library;
using vs::library::test::freshDir;
using vs::library::test::makeClip;

class TestVideoLocator : public QObject {
  Q_OBJECT

  static Video named(const QString& name, const QString& path = {}, const QString& url = {}) {
    Video v;
    v.name = name;
    v.path = path;
    v.url = url;
    return v;
  }

 private Q_SLOTS:
  void storedPathsAbsoluteOrRelativeToTheProject() {
    const QString root = freshDir(QStringLiteral("stored"));
    QVERIFY(makeClip(root + QStringLiteral("/project/videos/a.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/elsewhere/b.mkv")));
    const VideoLocator locator(root + QStringLiteral("/project/p.vsproj"), {});
    QCOMPARE(locator.find(named(QStringLiteral("a"), QStringLiteral("videos/a.mp4"))),
             root + QStringLiteral("/project/videos/a.mp4"));
    QCOMPARE(locator.find(named(QStringLiteral("b"), root + QStringLiteral("/elsewhere/b.mkv"))),
             root + QStringLiteral("/elsewhere/b.mkv"));
    QCOMPARE(locator.storablePath(root + QStringLiteral("/project/videos/a.mp4")),
             QStringLiteral("videos/a.mp4"));
    QCOMPARE(locator.storablePath(root + QStringLiteral("/elsewhere/b.mkv")),
             root + QStringLiteral("/elsewhere/b.mkv"));
    // A stored path that names nothing, no folders: missing, never a guess.
    const VideoFile gone = locator.locate(named(QStringLiteral("c"), QStringLiteral("videos/c.mp4")));
    QCOMPARE(gone.status, FileStatus::Missing);
    QVERIFY(gone.path.isEmpty());
    QCOMPARE(fileStatusName(gone.status), QStringLiteral("missing"));
  }

  void mediaFoldersInOrderThenUrlThenBelow() {
    const QString root = freshDir(QStringLiteral("folders"));
    QVERIFY(makeClip(root + QStringLiteral("/first/x.webm")));
    QVERIFY(makeClip(root + QStringLiteral("/second/x.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/second/from_url.mov")));
    QVERIFY(makeClip(root + QStringLiteral("/second/deep/er/nested.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/p/in_project.mp4")));
    const VideoLocator locator(root + QStringLiteral("/p/p.vsproj"),
                               {root + QStringLiteral("/first"), QStringLiteral("../second")});
    QCOMPARE(locator.mediaFolders(),
             (QStringList{root + QStringLiteral("/first"), root + QStringLiteral("/second")}));
    // The first folder wins although its extension comes later in the list.
    QCOMPARE(locator.find(named(QStringLiteral("x"))), root + QStringLiteral("/first/x.webm"));
    // A stale stored path falls back to the search, and says so.
    const VideoFile moved = locator.locate(named(QStringLiteral("x"), QStringLiteral("old/x.mp4")));
    QCOMPARE(moved.path, root + QStringLiteral("/first/x.webm"));
    QVERIFY(moved.searched);
    QCOMPARE(moved.status, FileStatus::Ok);
    QCOMPARE(locator.find(named(QStringLiteral("y"), {},
                                QStringLiteral("https://cdn.example.org/v/from_url.mov?sig=1"))),
             root + QStringLiteral("/second/from_url.mov"));
    QCOMPARE(locator.find(named(QStringLiteral("nested"))),
             root + QStringLiteral("/second/deep/er/nested.mp4"));
    QCOMPARE(locator.find(named(QStringLiteral("er/nested"))),
             root + QStringLiteral("/second/deep/er/nested.mp4"));
    // Another folder's clip of the same base name is not this video's file.
    QVERIFY(locator.find(named(QStringLiteral("gen/nested"))).isEmpty());
    QCOMPARE(locator.find(named(QStringLiteral("in_project"))), root + QStringLiteral("/p/in_project.mp4"));
    QVERIFY(locator.find(named(QStringLiteral("nothing"))).isEmpty());
  }

  void refreshSeesFilesAddedLater() {
    const QString root = freshDir(QStringLiteral("refresh"));
    QDir().mkpath(root + QStringLiteral("/media/sub"));
    VideoLocator locator(root + QStringLiteral("/p.vsproj"), {root + QStringLiteral("/media")});
    QVERIFY(locator.find(named(QStringLiteral("late"))).isEmpty());
    QVERIFY(makeClip(root + QStringLiteral("/media/sub/late.mp4")));
    QVERIFY(locator.find(named(QStringLiteral("late"))).isEmpty());  // listing kept
    locator.refresh();
    QCOMPARE(locator.find(named(QStringLiteral("late"))), root + QStringLiteral("/media/sub/late.mp4"));
  }

  void changedWhenTheContentKeyDiffers() {
    const QString root = freshDir(QStringLiteral("changed"));
    const QString file = root + QStringLiteral("/v.mp4");
    QVERIFY(makeClip(file, 4, 0));
    Video v = named(QStringLiteral("v"), file);
    v.contentHash = media::contentKey(file);
    v.probeJson = probeRecordJson(probeFile(file));
    const VideoLocator locator(root + QStringLiteral("/p.vsproj"), {});
    QCOMPARE(locator.locate(v).status, FileStatus::Ok);
    QCOMPARE(locator.locate(v, ContentCheck::Full).status, FileStatus::Ok);
    // Another clip in its place (other size): changed, by the quick check and by the full one.
    QVERIFY(makeClip(file, 6, 3));
    QCOMPARE(locator.locate(v).status, FileStatus::Changed);
    QCOMPARE(locator.locate(v, ContentCheck::Full).status, FileStatus::Changed);
    QCOMPARE(locator.locate(v, ContentCheck::None).status, FileStatus::Ok);
    // Same size and modification time as probed: taken as unchanged without reading it (what
    // `make` does); the full check reads it. Another time: the quick check reads the key too.
    auto setTime = [&](time_t t) {
      struct utimbuf times;
      times.actime = times.modtime = t;
      QCOMPARE(::utime(QFile::encodeName(file).constData(), &times), 0);
    };
    const time_t probedAt = 1700000000;
    setTime(probedAt);
    v.contentHash = media::contentKey(file);
    v.probeJson = probeRecordJson(probeFile(file));
    QCOMPARE(parseProbeRecord(v.probeJson)->fileModifiedMs, qint64(probedAt) * 1000);
    QByteArray bytes = test::fileBytes(file);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x55);
    test::writeText(file, bytes);
    setTime(probedAt);
    QCOMPARE(locator.locate(v).status, FileStatus::Ok);
    QCOMPARE(locator.locate(v, ContentCheck::Full).status, FileStatus::Changed);
    setTime(probedAt + 5);
    QCOMPARE(locator.locate(v).status, FileStatus::Changed);
  }
};

QTEST_GUILESS_MAIN(TestVideoLocator)
#include "test_video_locator.moc"
