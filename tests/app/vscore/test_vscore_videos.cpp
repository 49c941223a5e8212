// vscore add-videos / relink / import --videos / list --json, run as users run them, on clips
// the ffmpeg program makes and data files Python's json writes (tests/data/library).
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

struct Run {
  int code = -1;
  QByteArray out;
  QByteArray err;
};

QByteArray sha(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                     : QByteArray();
}

}  // namespace

class TestVscoreVideos : public QObject {
  Q_OBJECT

  QString vscore_;
  QDir tmp_;

  Run run(const QStringList& args) {
    QProcess p;
    p.start(vscore_, args);
    Run r;
    if (!p.waitForFinished(120000)) {
      p.kill();
      p.waitForFinished();
      return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
  }

  QString path(const QString& name) const { return tmp_.filePath(name); }

  bool makeClip(const QString& file, int frames = 4) {
    QDir().mkpath(QFileInfo(file).absolutePath());
    QProcess ffmpeg;
    ffmpeg.start(qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg")),
                 {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                  QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("testsrc2=size=64x48:rate=8"), QStringLiteral("-frames:v"),
                  QString::number(frames), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), file});
    return ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0;
  }

  QString project(const QString& name) {
    const QString p = path(name);
    QFile::remove(p);
    return run({QStringLiteral("init"), p}).code == 0 ? p : QString();
  }

  // video_name -> the object `vscore list --json` prints for it.
  QHash<QString, QJsonObject> listed(const QString& projectPath) {
    const Run r = run({QStringLiteral("list"), projectPath, QStringLiteral("--json")});
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array()) {
      byName.insert(v.toObject().value(QStringLiteral("video_name")).toString(), v.toObject());
    }
    return byName;
  }

 private Q_SLOTS:
  void initTestCase() {
    vscore_ = qEnvironmentVariable("VSCORE");
    QVERIFY2(QFileInfo(vscore_).isExecutable(), "set VSCORE to the vscore binary");
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vscore_videos"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
  }

  void addFolderOfGeneratorsThenMoveAndRelink() {
    for (const char* clip : {"sora/cat", "sora/dog", "pika/cat", "pika/dog"}) {
      QVERIFY(makeClip(path(QStringLiteral("clips/%1.mp4").arg(QLatin1String(clip)))));
    }
    QFile prompts(path(QStringLiteral("prompts.json")));
    QVERIFY(prompts.open(QIODevice::WriteOnly));
    prompts.write(R"({"cat": "a cat on a mat", "dog": "a dog runs"})");
    prompts.close();
    const QString p = project(QStringLiteral("gen.vsproj"));
    QVERIFY(!p.isEmpty());
    const Run added =
        run({QStringLiteral("add-videos"), p, path(QStringLiteral("clips")), QStringLiteral("--recursive"),
             QStringLiteral("--prompts"), prompts.fileName(), QStringLiteral("--generator-from"),
             QStringLiteral("folder"), QStringLiteral("--batch"), QStringLiteral("w1")});
    QCOMPARE(added.code, 0);
    QVERIFY2(added.out.contains("added 4 videos"), added.out.constData());
    QHash<QString, QJsonObject> videos = listed(p);
    QCOMPARE(videos.size(), 4);
    const QJsonObject cat = videos.value(QStringLiteral("pika/cat"));
    QCOMPARE(cat.value(QStringLiteral("prompt")).toString(), QStringLiteral("a cat on a mat"));
    QCOMPARE(cat.value(QStringLiteral("generator")).toString(), QStringLiteral("pika"));
    QCOMPARE(cat.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(cat.value(QStringLiteral("path")).toString(), path(QStringLiteral("clips/pika/cat.mp4")));

    QVERIFY(QDir().rename(path(QStringLiteral("clips")), path(QStringLiteral("moved"))));
    videos = listed(p);
    QCOMPARE(videos.value(QStringLiteral("pika/cat")).value(QStringLiteral("status")).toString(),
             QStringLiteral("missing"));
    QVERIFY(videos.value(QStringLiteral("pika/cat")).value(QStringLiteral("path")).isNull());
    QVERIFY(QFile::remove(path(QStringLiteral("moved/sora/dog.mp4"))));
    const Run relinked = run({QStringLiteral("relink"), p, path(QStringLiteral("moved"))});
    QCOMPARE(relinked.code, 0);
    QVERIFY2(relinked.out.contains("found 3, missing 1"), relinked.out.constData());
    QVERIFY2(relinked.out.contains("missing\tsora/dog\n"), relinked.out.constData());
    videos = listed(p);
    QCOMPARE(videos.value(QStringLiteral("pika/cat")).value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(videos.value(QStringLiteral("pika/cat")).value(QStringLiteral("path")).toString(),
             path(QStringLiteral("moved/pika/cat.mp4")));
    QCOMPARE(videos.value(QStringLiteral("sora/dog")).value(QStringLiteral("status")).toString(),
             QStringLiteral("missing"));
  }

  void unreadableFilesAreListedAndNothingIsAdded() {
    QVERIFY(makeClip(path(QStringLiteral("mixed/good.mp4"))));
    QFile junk(path(QStringLiteral("mixed/junk.mp4")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(1000, 'j'));
    junk.close();
    QFile text(path(QStringLiteral("mixed/empty.webm")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.close();
    const QString p = project(QStringLiteral("mixed.vsproj"));
    const QByteArray before = sha(p);
    const Run r = run({QStringLiteral("add-videos"), p, path(QStringLiteral("mixed")),
                       QStringLiteral("--prompt"), QStringLiteral("x")});
    QCOMPARE(r.code, 3);
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);  // one per file, then the summary
    QVERIFY2(lines[0].startsWith(path(QStringLiteral("mixed/empty.webm")).toUtf8() + ": "),
             r.err.constData());
    QVERIFY2(lines[1].startsWith(path(QStringLiteral("mixed/junk.mp4")).toUtf8() + ": "), r.err.constData());
    QVERIFY2(lines[2].contains("2 file(s) cannot be added; nothing was added"), r.err.constData());
    QCOMPARE(sha(p), before);
    // Files without a prompt are refused the same way, naming the sidecar that would give one.
    const Run noPrompt = run({QStringLiteral("add-videos"), p, path(QStringLiteral("mixed/good.mp4"))});
    QCOMPARE(noPrompt.code, 3);
    QVERIFY2(noPrompt.err.contains("no prompt") && noPrompt.err.contains("good.txt"),
             noPrompt.err.constData());
    QCOMPARE(run({QStringLiteral("add-videos"), p}).code, 2);
    QCOMPARE(run({QStringLiteral("add-videos"), p, path(QStringLiteral("mixed")),
                  QStringLiteral("--generator-from"), QStringLiteral("x")})
                 .code,
             2);
    QCOMPARE(sha(p), before);
  }

  void importResolvesVideosFromFolders() {
    // vf2_0001 is <name>.mp4 in the first folder, vf2_0002 only by its video_url's file name,
    // vf2_0003 has no file anywhere.
    QVERIFY(makeClip(path(QStringLiteral("study_a/vf2_0001.mp4")), 3));
    QVERIFY(makeClip(path(QStringLiteral("study_b/nested/kite_take2.mp4")), 5));
    const QString p = project(QStringLiteral("study.vsproj"));
    const Run r =
        run({QStringLiteral("import"), p, QStringLiteral(VS_TEST_DATA_DIR "/library/study_vf2.json"),
             QStringLiteral("--videos"), path(QStringLiteral("study_a")), QStringLiteral("--videos"),
             path(QStringLiteral("study_b"))});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("imported 3 items") && r.out.contains("videos: 2 found, 1 missing"),
             r.out.constData());
    QVERIFY2(r.err.contains("missing video: vf2_0003"), r.err.constData());
    const QHash<QString, QJsonObject> videos = listed(p);
    QCOMPARE(videos.value(QStringLiteral("vf2_0001")).value(QStringLiteral("path")).toString(),
             path(QStringLiteral("study_a/vf2_0001.mp4")));
    QCOMPARE(videos.value(QStringLiteral("vf2_0002")).value(QStringLiteral("path")).toString(),
             path(QStringLiteral("study_b/nested/kite_take2.mp4")));
    QCOMPARE(videos.value(QStringLiteral("vf2_0003")).value(QStringLiteral("status")).toString(),
             QStringLiteral("missing"));
    // The folders stay with the project: a clip that appears later is found without options.
    QVERIFY(makeClip(path(QStringLiteral("study_b/vf2_0003.mp4"))));
    QCOMPARE(listed(p).value(QStringLiteral("vf2_0003")).value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(run({QStringLiteral("import"), p, QStringLiteral(VS_TEST_DATA_DIR "/library/study_vf2.json"),
                  QStringLiteral("--videos"), path(QStringLiteral("no_such_folder"))})
                 .code,
             1);
  }
};

QTEST_GUILESS_MAIN(TestVscoreVideos)
#include "test_vscore_videos.moc"
