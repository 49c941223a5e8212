// Handing a command line to another program (core/cli/sibling_program.h): its output passes
// through, its exit code is returned, and a program that cannot start or crashes is exit 1.
#include <QtTest>

#include "captured_output.h"
#include "core/cli/sibling_program.h"

using vs::test::CapturedOutput;

class TestSiblingProgram : public QObject {
  Q_OBJECT

 private slots:
  void passesOutputAndExitCodeThrough() {
    CapturedOutput captured;
    // Not next to the test: found on PATH.
    const int code = vs::cli::runSiblingProgram("sh", {"-c", "printf 'out\\n'; printf 'err\\n' >&2; exit 7"});
    QCOMPARE(code, 7);
    QCOMPARE(captured.out(), QStringLiteral("out\n"));
    QCOMPARE(captured.err(), QStringLiteral("err\n"));
  }

  void findsProgramsNextToItself() {
    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    QCOMPARE(vs::cli::siblingProgram(self), QCoreApplication::applicationFilePath());
    QCOMPARE(vs::cli::siblingProgram("no-such-program-here"), QStringLiteral("no-such-program-here"));
  }

  void reportsAProgramThatCannotStartOrCrashes() {
    CapturedOutput missing;
    QCOMPARE(vs::cli::runSiblingProgram("no-such-program-here", {}), 1);
    QVERIFY2(missing.err().startsWith(QStringLiteral("vscore: error: cannot start no-such-program-here: ")),
             qPrintable(missing.err()));
    CapturedOutput crash;
    QCOMPARE(vs::cli::runSiblingProgram("sh", {"-c", "kill -SEGV $$"}), 1);
    QCOMPARE(crash.err(), QStringLiteral("vscore: error: sh crashed\n"));
  }
};

QTEST_GUILESS_MAIN(TestSiblingProgram)
#include "test_sibling_program.moc"
