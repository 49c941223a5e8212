// addVideos on a real project: every file probed, all added in one transaction or nothing
// (unreadable file, a name taken by another file, cancel); probe results cached in the project.
#include <QCryptographicHash>
#include <QTest>

#include "core/library/probe_record.h"
#include "core/library/video_intake.h"
#include "core/library/video_locator.h"
#include "core/media/frame_decoder.h"
#include "core/media/probe.h"
#include "core/media/seek_index.h"
#include "core/store/store.h"
#include "library_fixture.h"

using namespace vs;
using namespace vs::library;
using vs::library::test::freshDir;
using vs::library::test::makeClip;

class TestVideoIntake : public QObject {
  Q_OBJECT

  static QByteArray sha(const QString& path) {
    return QCryptographicHash::hash(test::fileBytes(path), QCryptographicHash::Sha256);
  }

 private Q_SLOTS:
  void addsProbedVideosWithPromptsAndGenerators() {
    const QString root = freshDir(QStringLiteral("adds"));
    QVERIFY(makeClip(root + QStringLiteral("/clips/sora/cat.mp4"), 5));
    QVERIFY(makeClip(root + QStringLiteral("/clips/pika/cat.mp4"), 7));
    IntakeOptions options;
    options.recursive = true;
    options.prompt = QStringLiteral("a cat");
    options.generatorFrom = GeneratorFrom::Folder;
    const QString projectPath = root + QStringLiteral("/p.vsproj");
    store::Store store(projectPath, store::OpenMode::CreateNew);
    QVector<qint64> calls;
    const IntakeResult r = addVideos(store, planIntake({root + QStringLiteral("/clips")}, options),
                                     [&](qint64 done, qint64 total) {
                                       calls << done;
                                       return total == 2;
                                     });
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.added, 2);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last(), 2);
    const auto sora = store.findVideoByName(QStringLiteral("sora/cat"));
    QVERIFY(sora);
    QCOMPARE(sora->path, QStringLiteral("clips/sora/cat.mp4"));  // relative: inside the project folder
    QCOMPARE(sora->generator, QStringLiteral("sora"));
    QCOMPARE(store.findPrompt(sora->promptId)->text, QStringLiteral("a cat"));
    QCOMPARE(sora->contentHash, media::contentKey(root + QStringLiteral("/clips/sora/cat.mp4")));
    const auto record = parseProbeRecord(sora->probeJson);
    QVERIFY(record);
    QCOMPARE(record->info.frames, 5);
    QCOMPARE(record->info.width, 64);
    QCOMPARE(parseProbeRecord(store.findVideoByName(QStringLiteral("pika/cat"))->probeJson)->info.frames, 7);
    // Adding the same files again updates them in place.
    const IntakeResult again = addVideos(store, planIntake({root + QStringLiteral("/clips")}, options));
    QCOMPARE(again.added, 0);
    QCOMPARE(again.updated, 2);
    QCOMPARE(store.stats().videos, 2);
  }

  // The decoder's seek index is kept in the probe record; finding the video's file hands it to
  // this process's decoders, which then open the clip without an index pass, and refuse it once
  // the file has changed.
  void theSeekIndexIsKeptAndUsedAgain() {
    const QString root = freshDir(QStringLiteral("seek_index"));
    const QString file = root + QStringLiteral("/clips/dog.mp4");
    QVERIFY(makeClip(file, 9));
    store::Store store(root + QStringLiteral("/p.vsproj"), store::OpenMode::CreateNew);
    IntakeOptions options;
    options.prompt = QStringLiteral("a dog");
    QCOMPARE(addVideos(store, planIntake({root + QStringLiteral("/clips")}, options)).added, 1);
    const auto video = store.findVideoByName(QStringLiteral("dog"));
    QVERIFY(video);
    const auto record = parseProbeRecord(video->probeJson);
    QVERIFY(record && !record->seekIndex.isEmpty());
    media::DecoderOptions kept;
    kept.use_remembered_index = false;
    kept.seek_index = record->seekIndex;
    QCOMPARE(media::FrameDecoder(file, kept).stats().index_passes, int64_t(0));
    QCOMPARE(media::FrameDecoder(file, kept).frameCount(), int64_t(9));

    media::forgetSeekIndexes();
    const VideoLocator locator = VideoLocator::forStore(store);
    QCOMPARE(locator.find(*video), QFileInfo(file).absoluteFilePath());
    QCOMPARE(media::FrameDecoder(file).stats().index_passes, int64_t(0));

    // Another clip under the same name: the kept index no longer holds.
    media::forgetSeekIndexes();
    QVERIFY(makeClip(file, 13, 2));
    QCOMPARE(locator.find(*video), QFileInfo(file).absoluteFilePath());
    const media::FrameDecoder changed(file);
    QCOMPARE(changed.stats().index_passes, int64_t(1));
    QCOMPARE(changed.frameCount(), int64_t(13));
  }

  void anUnreadableFileAddsNothing() {
    const QString root = freshDir(QStringLiteral("unreadable"));
    QVERIFY(makeClip(root + QStringLiteral("/clips/good.mp4")));
    test::writeText(root + QStringLiteral("/clips/broken.mp4"), QByteArray(4096, 'x'));
    QVERIFY(makeClip(root + QStringLiteral("/clips/cut.mp4"), 8));
    QByteArray cut = test::fileBytes(root + QStringLiteral("/clips/cut.mp4"));
    test::writeText(root + QStringLiteral("/clips/cut.mp4"), cut.left(200));  // header cut off mid-way
    const QString projectPath = root + QStringLiteral("/p.vsproj");
    { store::Store create(projectPath, store::OpenMode::CreateNew); }
    const QByteArray before = sha(projectPath);
    IntakeOptions options;
    options.prompt = QStringLiteral("p");
    IntakeResult r;
    {
      store::Store store(projectPath);
      r = addVideos(store, planIntake({root + QStringLiteral("/clips")}, options));
      QCOMPARE(store.stats().videos, 0);
    }
    QCOMPARE(r.problems.size(), 2);
    QCOMPARE(QFileInfo(r.problems[0].file).fileName(), QStringLiteral("broken.mp4"));
    QCOMPARE(QFileInfo(r.problems[1].file).fileName(), QStringLiteral("cut.mp4"));
    QVERIFY(!r.problems[0].reason.isEmpty());
    QCOMPARE(r.added, 0);
    QCOMPARE(sha(projectPath), before);
  }

  void aNameTakenByAnotherFileIsRefused() {
    const QString root = freshDir(QStringLiteral("taken"));
    QVERIFY(makeClip(root + QStringLiteral("/one/clip.mp4"), 4, 1));
    QVERIFY(makeClip(root + QStringLiteral("/two/clip.mp4"), 4, 2));
    store::Store store(root + QStringLiteral("/p.vsproj"), store::OpenMode::CreateNew);
    IntakeOptions options;
    options.prompt = QStringLiteral("p");
    QCOMPARE(addVideos(store, planIntake({root + QStringLiteral("/one/clip.mp4")}, options)).added, 1);
    const IntakeResult r = addVideos(store, planIntake({root + QStringLiteral("/two/clip.mp4")}, options));
    QCOMPARE(r.problems.size(), 1);
    QVERIFY2(r.problems[0].reason.contains(QStringLiteral("already in the project")),
             qPrintable(r.problems[0].reason));
    QCOMPARE(store.findVideoByName(QStringLiteral("clip"))->path, QStringLiteral("one/clip.mp4"));
    // Once the first file is gone, adding the second one links the video to it.
    QVERIFY(QFile::remove(root + QStringLiteral("/one/clip.mp4")));
    QCOMPARE(addVideos(store, planIntake({root + QStringLiteral("/two/clip.mp4")}, options)).updated, 1);
    QCOMPARE(store.findVideoByName(QStringLiteral("clip"))->path, QStringLiteral("two/clip.mp4"));
  }

  void cancelLeavesTheProjectAsItWas() {
    const QString root = freshDir(QStringLiteral("cancel"));
    for (int i = 0; i < 6; ++i)
      QVERIFY(makeClip(root + QStringLiteral("/clips/c%1.mp4").arg(i)));
    const QString projectPath = root + QStringLiteral("/p.vsproj");
    { store::Store create(projectPath, store::OpenMode::CreateNew); }
    const QByteArray before = sha(projectPath);
    IntakeOptions options;
    options.prompt = QStringLiteral("p");
    IntakeResult r;
    {
      store::Store store(projectPath);
      r = addVideos(store, planIntake({root + QStringLiteral("/clips")}, options),
                    [](qint64, qint64) { return false; });
    }
    QVERIFY(r.cancelled);
    QCOMPARE(r.added, 0);
    QCOMPARE(sha(projectPath), before);
  }

  void aCancelOnTheLastAnswerStillCancels() {
    const QString root = freshDir(QStringLiteral("late_cancel"));
    QVERIFY(makeClip(root + QStringLiteral("/c.mp4")));
    // The probes may all be done before the first progress call: the final answer decides.
    QVERIFY(probeFiles({root + QStringLiteral("/c.mp4")}, [](qint64 done, qint64 total) {
              return done < total;
            }).isEmpty());
    QCOMPARE(probeFiles({root + QStringLiteral("/c.mp4")}, [](qint64, qint64) { return true; }).size(), 1);
  }

  void probeFilesKeepsTheOrderGiven() {
    const QString root = freshDir(QStringLiteral("order"));
    QStringList files;
    for (int i = 0; i < 9; ++i) {
      files << root + QStringLiteral("/c%1.mp4").arg(i);
      QVERIFY(makeClip(files.last(), 2 + i));
    }
    const QVector<ProbedFile> probed = probeFiles(files, {}, 3);
    QCOMPARE(probed.size(), files.size());
    for (int i = 0; i < files.size(); ++i) {
      QCOMPARE(probed[i].file, files[i]);
      QVERIFY(probed[i].error.isEmpty());
      QCOMPARE(parseProbeRecord(probed[i].probeJson)->info.frames, 2 + i);
    }
  }
};

QTEST_GUILESS_MAIN(TestVideoIntake)
#include "test_video_intake.moc"
