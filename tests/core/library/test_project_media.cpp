// core/library/project_media.cpp: the add-videos and relink steps on a project named by path,
// with real clips written by the ffmpeg program; the errors they give and what they print
// (written out by hand).
#include <QtTest>

#include "core/domain/error.h"
#include "core/library/project_media.h"
#include "core/store/store.h"
#include "library_fixture.h"

using namespace vs;
using namespace vs::library;

namespace {

Error::Kind errorKind(const std::function<void()>& f, QString* message) {
  try {
    f();
  } catch (const Error& e) {
    *message = e.full();
    return e.kind();
  }
  *message = QStringLiteral("no error");
  return Error::Kind::Usage;
}

}  // namespace

class TestProjectMedia : public QObject {
  Q_OBJECT
 private slots:
  void addThenRelinkAfterAMove() {
    const QString root = test::freshDir(QStringLiteral("project_media"));
    const QString project = root + QStringLiteral("/p.vsproj");
    QString message;
    QCOMPARE(errorKind([&] { addVideosToProject(project, {root}, {}, std::nullopt, {}); }, &message),
             Error::Kind::Io);
    QCOMPARE(message, project + QStringLiteral(": no such project file (create it with vscore init)"));
    store::Store(project, store::OpenMode::CreateNew);
    QVERIFY(test::makeClip(root + QStringLiteral("/clips/sora/cat.mp4")));
    QVERIFY(test::makeClip(root + QStringLiteral("/clips/veo/cat.mp4"), 4, 1));
    IntakeOptions options;
    options.recursive = true;
    options.generatorFrom = GeneratorFrom::Folder;
    // No prompt anywhere: both files are problems and nothing is added.
    const IntakeResult refused =
        addVideosToProject(project, {root + QStringLiteral("/clips")}, options, std::nullopt, {});
    QCOMPARE(refused.problems.size(), 2);
    QCOMPARE(intakeProblemsText(refused.problems).count(QLatin1Char('\n')), 2);
    QVERIFY(intakeProblemsText(refused.problems).startsWith(refused.problems[0].file + QStringLiteral(": ")));
    options.prompt = QStringLiteral("a cat");
    const IntakeResult added =
        addVideosToProject(project, {root + QStringLiteral("/clips")}, options, std::nullopt, {});
    QVERIFY(added.problems.isEmpty());
    QCOMPARE(added.added, qint64(2));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/empty")));
    const QStringList empty{root + QStringLiteral("/empty")};
    QCOMPARE(errorKind([&] { addVideosToProject(project, empty, options, std::nullopt, {}); }, &message),
             Error::Kind::InvalidData);
    QCOMPARE(message, QStringLiteral("no video files found in %1").arg(empty.first()));

    QVERIFY(QDir().rename(root + QStringLiteral("/clips"), root + QStringLiteral("/moved")));
    QCOMPARE(errorKind([&] { relinkProject(project, {root + QStringLiteral("/clips")}, {}); }, &message),
             Error::Kind::Io);
    QCOMPARE(message, root + QStringLiteral("/clips: not a folder"));
    const RelinkResult r = relinkProject(project, {root + QStringLiteral("/moved")}, {});
    QCOMPARE(r.found.size(), 2);
    QCOMPARE(
        relinkText(r),
        QStringLiteral("found\tsora/cat\nfound\tveo/cat\nfound 2, missing 0, changed 0, already linked 0\n"));
    QCOMPARE(relinkJson(r).value(QStringLiteral("found")).toArray().size(), 2);
    const RelinkResult again = relinkProject(project, {root + QStringLiteral("/moved")}, {});
    QCOMPARE(relinkText(again), QStringLiteral("found 0, missing 0, changed 0, already linked 2\n"));
  }

  void importPrintsAtMostTwentyMissingVideos() {
    RelinkResult r;
    r.found = QStringList{QStringLiteral("a")};
    r.alreadyLinked = 2;
    for (int i = 0; i < 22; ++i)
      r.missing << QStringLiteral("v%1").arg(i);
    const QString text = missingVideosText(r);
    QCOMPARE(text.count(QLatin1Char('\n')), 21);
    QVERIFY(text.startsWith(QStringLiteral("missing video: v0\nmissing video: v1\n")));
    QVERIFY(text.endsWith(QStringLiteral("missing video: v19\n... and 2 more missing\n")));
    QCOMPARE(importedVideosSummary(r), QStringLiteral("; videos: 3 found, 22 missing"));
    r.missing = r.missing.mid(0, 20);
    QVERIFY(missingVideosText(r).endsWith(QStringLiteral("missing video: v19\n")));
    QCOMPARE(missingVideosText(RelinkResult()), QString());
  }
};

QTEST_GUILESS_MAIN(TestProjectMedia)
#include "test_project_media.moc"
