#include "core/analysis/bootstrap_option_rows.h"

namespace vs::analysis {

std::vector<cli::Opt> withBootstrapRows(std::vector<cli::Opt> options) {
  const BootstrapOptions d;
  const QString resamples = QString::number(d.resamples);
  const QString seed = QString::number(d.seed);
  options.push_back({QStringLiteral("bootstrap"),
                     QStringLiteral("bootstrap resamples for %1% intervals, 0 for none (default %2)")
                         .arg(QString::number(100 * d.level), resamples),
                     QStringLiteral("N"), resamples});
  options.push_back({QStringLiteral("seed"), QStringLiteral("bootstrap seed (default %1)").arg(seed),
                     QStringLiteral("SEED"), seed});
  return options;
}

BootstrapOptions bootstrapOptions(const cli::Args& args) {
  bool ok1 = false, ok2 = false;
  BootstrapOptions b;
  b.resamples = args.value(QStringLiteral("bootstrap")).toInt(&ok1);
  b.seed = args.value(QStringLiteral("seed")).toULongLong(&ok2);
  if (!ok1 || !ok2 || b.resamples < 0)
    cli::usageError(QStringLiteral("--bootstrap and --seed take non-negative integers"));
  return b;
}

}  // namespace vs::analysis
