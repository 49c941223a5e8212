// A command declared as a table (core/cli/command_spec.h): argument counts, required options,
// option values, --help and the usage errors, without a process.
#include <QtTest>

#include "captured_output.h"
#include "core/cli/command_spec.h"

using namespace vs;
using vs::test::CapturedOutput;

namespace {

// What the command saw, for the cases that reach it.
struct Seen {
  QStringList positional;
  QString format;
  std::optional<QString> origin;
  bool json = false;
};

cli::Spec exportLike() {
  return {"tablecmd",
          "tablecmd PROJECT --out FILE [--format F] [--origin O] [--json]",
          "a table command",
          {cli::projectArgument()},
          {{"out", "file to write", "FILE"},
           {"format", "the format", "FORMAT", "csv"},
           {"origin", "an origin", "ORIGIN"},
           {"limit", "how many", "N", "10"},
           cli::jsonOption()},
          {"out"}};
}

// The usage error's message when `run` refuses `args`; empty when it did not throw one.
QString usageMessage(const cli::Command& command, const QStringList& args) {
  try {
    command.run(args);
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::Usage)
      return e.message();
    return QStringLiteral("other error: ") + e.full();
  }
  return {};
}

}  // namespace

class TestCommandSpec : public QObject {
  Q_OBJECT

 private slots:
  void parsesArgumentsAndOptions() {
    Seen seen;
    const cli::Command command = cli::declaredCommand(exportLike(), [&seen](const cli::Args& a) {
      seen = {a.positional(), a.value("format"), a.given("origin"), a.json()};
      return 7;
    });
    QCOMPARE(command.name, QStringLiteral("tablecmd"));
    QCOMPARE(command.run({"p.vsproj", "--out", "x.csv", "--json"}), 7);
    QCOMPARE(seen.positional, QStringList{"p.vsproj"});
    QCOMPARE(seen.format, QStringLiteral("csv"));  // the default
    QVERIFY(!seen.origin.has_value());             // a default is not "given"
    QVERIFY(seen.json);
    QCOMPARE(command.run({"--origin=human", "--format", "sft", "p", "--out=x"}), 7);
    QCOMPARE(seen.origin, std::optional<QString>("human"));
    QCOMPARE(seen.format, QStringLiteral("sft"));
    QVERIFY(!seen.json);
  }

  void refusesWrongCommandLines() {
    const cli::Command command = cli::declaredCommand(exportLike(), [](const cli::Args&) { return 0; });
    const QString usage =
        QStringLiteral("usage: vscore tablecmd PROJECT --out FILE [--format F] [--origin O] [--json]");
    QCOMPARE(usageMessage(command, {"p"}), usage);                     // --out missing
    QCOMPARE(usageMessage(command, {"--out", "x"}), usage);            // no PROJECT
    QCOMPARE(usageMessage(command, {"p", "q", "--out", "x"}), usage);  // one too many
    QCOMPARE(usageMessage(command, {"p", "--out", "x", "--bogus"}),
             QStringLiteral("Unknown option 'bogus'."));
    QCOMPARE(usageMessage(command, {"p", "--out"}), QStringLiteral("Missing value after '--out'."));
  }

  void checksValues() {
    const cli::Command command = cli::declaredCommand(exportLike(), [](const cli::Args& a) {
      a.requireValues({"out", "format"});
      return int(a.integer("limit", 1, 100, "--limit must be 1..100"));
    });
    QCOMPARE(command.run({"p", "--out", "x"}), 10);
    QCOMPARE(command.run({"p", "--out", "x", "--limit", "100"}), 100);
    QCOMPARE(usageMessage(command, {"p", "--out", "x", "--limit", "0"}),
             QStringLiteral("--limit must be 1..100"));
    QCOMPARE(usageMessage(command, {"p", "--out", "x", "--limit", "1e2"}),
             QStringLiteral("--limit must be 1..100"));
    QCOMPARE(usageMessage(command, {"p", "--out", "", "--limit", "5"}),
             QStringLiteral("--out is required; usage: vscore tablecmd PROJECT --out FILE [--format F] "
                            "[--origin O] [--json]"));
  }

  void checksRealValues() {
    cli::Spec spec = exportLike();
    spec.options.push_back({"ratio", "a ratio", "X", "0.5"});
    const cli::Command command = cli::declaredCommand(spec, [](const cli::Args& a) {
      return int(100 * a.real("ratio", 0, 1, "--ratio takes a number in [0, 1]"));
    });
    QCOMPARE(command.run({"p", "--out", "x"}), 50);
    QCOMPARE(command.run({"p", "--out", "x", "--ratio", "1"}), 100);
    QCOMPARE(command.run({"p", "--out", "x", "--ratio", "2.5e-1"}), 25);
    for (const char* bad : {"-0.1", "1.01", "half", ""})
      QCOMPARE(usageMessage(command, {"p", "--out", "x", "--ratio", bad}),
               QStringLiteral("--ratio takes a number in [0, 1]"));
  }

  void countsManyArguments() {
    cli::Spec spec{
        "many", "many PROJECT PATH...", "s", {cli::projectArgument(), {"PATH", "paths", "PATH..."}}, {}};
    const cli::Command command =
        cli::declaredCommand(spec, [](const cli::Args& a) { return int(a.positional().size()); });
    QCOMPARE(command.run({"p", "a", "b", "c"}), 4);
    QCOMPARE(usageMessage(command, {"p"}), QStringLiteral("usage: vscore many PROJECT PATH..."));
    spec.minArgs = 0;
    spec.maxArgs = 1;
    spec.usage = QStringLiteral("vscore many [PROJECT]");
    const cli::Command bounded =
        cli::declaredCommand(spec, [](const cli::Args& a) { return int(a.positional().size()); });
    QCOMPARE(bounded.run({}), 0);
    QCOMPARE(usageMessage(bounded, {"p", "a"}), QStringLiteral("usage: vscore many [PROJECT]"));
  }

  void helpPrintsTheTableAndRunsNothing() {
    cli::Spec spec = exportLike();
    spec.description = QStringLiteral("Writes a file.");
    bool ran = false;
    const cli::Command command =
        cli::declaredCommand(spec, [&ran](const cli::Args&) { return ran = true, 5; });
    CapturedOutput captured;
    QCOMPARE(command.run({"--help"}), 0);  // even without the required arguments
    const QString help = captured.out();
    QVERIFY(!ran);
    QVERIFY2(help.startsWith(QStringLiteral("Usage: vscore tablecmd [options] PROJECT\nWrites a file.\n")),
             qPrintable(help));
    QVERIFY2(help.contains(QStringLiteral("--format <FORMAT>")), qPrintable(help));
    QVERIFY2(help.contains(QStringLiteral("PROJECT")) && help.contains(QStringLiteral("postgresql://")),
             qPrintable(help));
    QCOMPARE(captured.err(), QString());
  }
};

QTEST_GUILESS_MAIN(TestCommandSpec)
#include "test_command_spec.moc"
