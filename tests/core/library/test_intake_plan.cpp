// planIntake on folders laid out as people keep generated clips: names, prompts (and where each
// came from), generators, and the problems that refuse an intake. Nothing is probed here.
#include <QTest>

#include "core/library/intake_plan.h"
#include "library_fixture.h"

using namespace vs::library;
using vs::library::test::freshDir;
using vs::library::test::makeClip;
using vs::library::test::writeText;

class TestIntakePlan : public QObject {
  Q_OBJECT

  static const IntakeEntry* entry(const IntakePlan& plan, const QString& name) {
    for (const IntakeEntry& e : plan.entries) {
      if (e.name == name)
        return &e;
    }
    return nullptr;
  }

 private Q_SLOTS:
  void generatorFolders() {
    // generator/clip.mp4: equal clip names of two generators stay two videos.
    const QString root = freshDir(QStringLiteral("generators"));
    QVERIFY(makeClip(root + QStringLiteral("/sora/cat.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/pika/cat.webm")));
    QVERIFY(makeClip(root + QStringLiteral("/pika/dog.mp4")));
    writeText(root + QStringLiteral("/pika/dog.txt"), "a dog runs\n");
    writeText(root + QStringLiteral("/notes.md"), "not a video");
    PromptMap map;
    map.insert(QStringLiteral("cat"), QStringLiteral("a cat"));
    IntakeOptions options;
    options.recursive = true;
    options.prompts = &map;
    options.generatorFrom = GeneratorFrom::Folder;
    options.batch = QStringLiteral("wave1");
    const IntakePlan plan = planIntake({root}, options);
    QVERIFY2(plan.problems.isEmpty(), qPrintable(plan.problems.value(0).reason));
    QCOMPARE(plan.entries.size(), 3);
    const IntakeEntry* sora = entry(plan, QStringLiteral("sora/cat"));
    const IntakeEntry* pika = entry(plan, QStringLiteral("pika/cat"));
    const IntakeEntry* dog = entry(plan, QStringLiteral("pika/dog"));
    QVERIFY(sora && pika && dog);
    QCOMPARE(sora->generator, QStringLiteral("sora"));
    QCOMPARE(sora->prompt, QStringLiteral("a cat"));
    QCOMPARE(sora->promptSource, QStringLiteral("mapping"));
    QCOMPARE(pika->file, root + QStringLiteral("/pika/cat.webm"));
    QCOMPARE(dog->prompt, QStringLiteral("a dog runs"));
    QCOMPARE(dog->promptSource, QStringLiteral("dog.txt"));
    QCOMPARE(dog->batch, QStringLiteral("wave1"));
    // Without --recursive the sub-folders are not entered.
    options.recursive = false;
    QCOMPARE(planIntake({root}, options).entries.size(), 0);
  }

  void promptFolders() {
    // prompt/generator.mp4 with prompt/prompt.txt.
    const QString root = freshDir(QStringLiteral("prompts"));
    QVERIFY(makeClip(root + QStringLiteral("/p001/sora.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/p001/pika.mp4")));
    writeText(root + QStringLiteral("/p001/prompt.txt"), "a red kite over the sea\r\n");
    IntakeOptions options;
    options.recursive = true;
    options.generatorFrom = GeneratorFrom::FileName;
    const IntakePlan plan = planIntake({root}, options);
    QVERIFY(plan.problems.isEmpty());
    QCOMPARE(plan.entries.size(), 2);
    QCOMPARE(plan.entries[0].name, QStringLiteral("p001/pika"));
    QCOMPARE(plan.entries[0].generator, QStringLiteral("pika"));
    QCOMPARE(plan.entries[0].prompt, QStringLiteral("a red kite over the sea"));
    QCOMPARE(plan.entries[0].promptSource, QStringLiteral("prompt.txt"));
  }

  void explicitPromptWinsAndFilesByName() {
    const QString root = freshDir(QStringLiteral("explicit"));
    QVERIFY(makeClip(root + QStringLiteral("/clip.v2.mp4")));
    writeText(root + QStringLiteral("/clip.v2.txt"), "sidecar");
    writeText(root + QStringLiteral("/odd.bin"), "whatever");
    IntakeOptions options;
    options.prompt = QStringLiteral("given");
    options.generator = QStringLiteral("gen-x");
    // A file given by name is taken whatever its extension (probing judges it later).
    const IntakePlan plan =
        planIntake({root + QStringLiteral("/clip.v2.mp4"), root + QStringLiteral("/odd.bin")}, options);
    QCOMPARE(plan.entries.size(), 2);
    QCOMPARE(plan.entries[0].name, QStringLiteral("clip.v2"));
    QCOMPARE(plan.entries[0].prompt, QStringLiteral("given"));
    QCOMPARE(plan.entries[0].promptSource, QStringLiteral("--prompt"));
    QCOMPARE(plan.entries[0].generator, QStringLiteral("gen-x"));
    QCOMPARE(plan.entries[1].name, QStringLiteral("odd"));
  }

  void problems() {
    const QString root = freshDir(QStringLiteral("problems"));
    QVERIFY(makeClip(root + QStringLiteral("/a.mp4")));
    QVERIFY(makeClip(root + QStringLiteral("/a.mov")));
    QVERIFY(makeClip(root + QStringLiteral("/b.mp4")));
    writeText(root + QStringLiteral("/a.txt"), "prompt of a");
    const IntakePlan plan = planIntake({root, root + QStringLiteral("/absent.mp4")}, {});
    // a.mov clashes with a.mp4, b has no prompt, absent.mp4 does not exist.
    QCOMPARE(plan.problems.size(), 3);
    QStringList reasons;
    for (const IntakeProblem& p : plan.problems)
      reasons << QFileInfo(p.file).fileName() + QStringLiteral(": ") + p.reason;
    reasons.sort();
    QVERIFY2(reasons[0].startsWith(QStringLiteral("a.mp4: same video name \"a\"")) ||
                 reasons[0].startsWith(QStringLiteral("a.mov: same video name \"a\"")),
             qPrintable(reasons.join('|')));
    QVERIFY2(reasons[1].startsWith(QStringLiteral("absent.mp4: no such file")), qPrintable(reasons[1]));
    QVERIFY2(reasons[2].startsWith(QStringLiteral("b.mp4: no prompt")), qPrintable(reasons[2]));
    IntakeOptions lenient;
    lenient.allowNoPrompt = true;
    QCOMPARE(planIntake({root + QStringLiteral("/b.mp4")}, lenient).entries.size(), 1);
  }
};

QTEST_GUILESS_MAIN(TestIntakePlan)
#include "test_intake_plan.moc"
