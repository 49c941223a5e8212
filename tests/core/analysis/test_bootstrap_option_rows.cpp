// The analysis commands' bootstrap options (core/analysis/bootstrap_option_rows.h): their
// defaults are BootstrapOptions', given values are read, and anything else is a usage error.
#include <QtTest>

#include "core/analysis/bootstrap_option_rows.h"

using namespace vs;

namespace {

analysis::BootstrapOptions parsed(const QStringList& args) {
  analysis::BootstrapOptions seen;
  const cli::Command command =
      cli::declaredCommand(cli::Spec{"a", "a", "a", {}, analysis::withBootstrapRows({cli::jsonOption()})},
                           [&seen](const cli::Args& a) { return seen = analysis::bootstrapOptions(a), 0; });
  command.run(args);
  return seen;
}

}  // namespace

class TestBootstrapOptionRows : public QObject {
  Q_OBJECT

 private slots:
  void defaultsAndValues() {
    const analysis::BootstrapOptions d;
    QCOMPARE(parsed({}).resamples, d.resamples);
    QCOMPARE(parsed({}).seed, d.seed);
    QCOMPARE(parsed({"--bootstrap", "0", "--seed", "7"}).resamples, 0);
    QCOMPARE(parsed({"--bootstrap", "0", "--seed", "7"}).seed, uint64_t(7));
    const std::vector<cli::Opt> rows = analysis::withBootstrapRows({cli::jsonOption()});
    QCOMPARE(rows.size(), size_t(3));
    QCOMPARE(rows[1].description,
             QStringLiteral("bootstrap resamples for 95% intervals, 0 for none (default 1000)"));
    QCOMPARE(rows[2].description, QStringLiteral("bootstrap seed (default 20250926)"));
  }

  void refusesOtherValues() {
    for (const QStringList& args : {QStringList{"--bootstrap", "-1"}, QStringList{"--seed", "-3"},
                                    QStringList{"--bootstrap", "many"}}) {
      try {
        parsed(args);
        QFAIL(qPrintable(args.join(' ')));
      } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Usage);
        QCOMPARE(e.message(), QStringLiteral("--bootstrap and --seed take non-negative integers"));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestBootstrapOptionRows)
#include "test_bootstrap_option_rows.moc"
