// A program of registered commands (core/cli/program.h): dispatch, the command list, --version,
// each error kind's exit code and message, and which command lines the light vscore keeps.
#include <QtTest>
#include <stdexcept>

#include "captured_output.h"
#include "core/cli/command.h"
#include "core/cli/command_spec.h"
#include "core/cli/program.h"

using namespace vs;
using vs::test::CapturedOutput;

namespace {

// A command that fails the way its first argument says.
const cli::CommandRegistration kFails(
    {"fails", "fails KIND", "fail on purpose", {{"KIND", "io|data|usage|std"}}, {}},
    [](const cli::Args& a) -> int {
      const QString kind = a.at(0);
      if (kind == QLatin1String("io"))
        throw Error(Error::Kind::Io, "x.vsproj", "disk full");
      if (kind == QLatin1String("data"))
        throw Error(Error::Kind::InvalidData, "a.json:3", "bad score");
      if (kind == QLatin1String("usage"))
        cli::usageError("--seed needs a number");
      if (kind == QLatin1String("std"))
        throw std::runtime_error("plain failure");
      cli::out(QStringLiteral("ok: ") + kind + QLatin1Char('\n'));
      return cli::kExitOk;
    });
// A command whose --videos option needs the full program.
const cli::CommandRegistration kImportLike(
    {"importlike", "importlike P", "s", {{"P", "p"}}, {{"videos", "v", "DIR"}}, {}, {}, {}, {"--videos"}},
    [](const cli::Args&) { return 0; });

struct Ran {
  int code;
  QString out;
  QString err;
};

Ran run(const QStringList& args) {
  CapturedOutput captured;
  const int code = cli::runProgram(args, QStringLiteral("vscore 9.9.9"));
  return {code, captured.out(), captured.err()};
}

bool runsHere(std::initializer_list<const char*> argv) {
  return cli::runsHere(int(argv.size()), argv.begin());
}

}  // namespace

class TestProgram : public QObject {
  Q_OBJECT

 private slots:
  void mapsEachErrorKindToItsExitCode() {
    const Ran ok = run({"fails", "none"});
    QCOMPARE(ok.code, 0);
    QCOMPARE(ok.out, QStringLiteral("ok: none\n"));
    const struct {
      const char* kind;
      int code;
      const char* message;
    } cases[] = {{"io", 1, "vscore: error: x.vsproj: disk full\n"},
                 {"data", 3, "vscore: error: a.json:3: bad score\n"},
                 {"usage", 2, "vscore: error: --seed needs a number\n"},
                 {"std", 1, "vscore: error: plain failure\n"}};
    for (const auto& c : cases) {
      const Ran r = run({"fails", c.kind});
      QCOMPARE(r.code, c.code);
      QCOMPARE(r.err, QString::fromUtf8(c.message));
      QCOMPARE(r.out, QString());
    }
    const Ran count = run({"fails"});
    QCOMPARE(count.code, 2);
    QCOMPARE(count.err, QStringLiteral("vscore: error: usage: vscore fails KIND\n"));
  }

  void listsCommandsAndVersion() {
    const Ran none = run({});
    QCOMPARE(none.code, 2);
    const Ran help = run({"help"});
    QCOMPARE(help.code, 0);
    QCOMPARE(help.out, none.out);
    QVERIFY2(help.out.startsWith(QStringLiteral("usage: vscore <command> [options]\n")),
             qPrintable(help.out));
    // Sorted by name.
    const qsizetype fails = help.out.indexOf(QStringLiteral("  fails KIND\n      fail on purpose\n"));
    QVERIFY(fails > 0);
    QVERIFY(help.out.indexOf(QStringLiteral("  importlike P\n")) > fails);
    const Ran version = run({"--version"});
    QCOMPARE(version.code, 0);
    QCOMPARE(version.out, QStringLiteral("vscore 9.9.9\n"));
    const Ran unknown = run({"nope", "x"});
    QCOMPARE(unknown.code, 2);
    QCOMPARE(unknown.err, QStringLiteral("vscore: error: unknown command 'nope' (see vscore --help)\n"));
  }

  void keepsOnlyItsOwnCommandLines() {
    QVERIFY(runsHere({"vscore", "fails", "io"}));
    QVERIFY(runsHere({"vscore", "importlike", "p", "--videosX", "d"}));
    QVERIFY(runsHere({"vscore", "--version"}));
    QVERIFY(!runsHere({"vscore", "importlike", "p", "--videos", "d"}));
    QVERIFY(!runsHere({"vscore", "importlike", "p", "--videos=d"}));
    QVERIFY(!runsHere({"vscore", "score", "p"}));  // not a command of this program
    QVERIFY(!runsHere({"vscore"}));                // the full list of commands
    QVERIFY(!runsHere({"vscore", "--help"}));
  }
};

QTEST_GUILESS_MAIN(TestProgram)
#include "test_program.moc"
