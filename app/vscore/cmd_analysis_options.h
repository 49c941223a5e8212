#pragma once
// The bootstrap options of the analysis commands (audit, agreement, rank).
#include "core/cli/command_spec.h"
#include "core/analysis/bootstrap.h"

namespace vs::cli {

// `options` followed by --bootstrap N and --seed SEED.
inline std::vector<Opt> withBootstrap(std::vector<Opt> options) {
  options.push_back({QStringLiteral("bootstrap"),
                     QStringLiteral("bootstrap resamples for 95% intervals, 0 for none (default 1000)"),
                     QStringLiteral("N"), QStringLiteral("1000")});
  options.push_back({QStringLiteral("seed"), QStringLiteral("bootstrap seed (default 20250926)"),
                     QStringLiteral("SEED"), QStringLiteral("20250926")});
  return options;
}

inline analysis::BootstrapOptions bootstrapOptions(const Args& args) {
  bool ok1 = false, ok2 = false;
  analysis::BootstrapOptions b;
  b.resamples = args.value(QStringLiteral("bootstrap")).toInt(&ok1);
  b.seed = args.value(QStringLiteral("seed")).toULongLong(&ok2);
  if (!ok1 || !ok2 || b.resamples < 0)
    usageError(QStringLiteral("--bootstrap and --seed take non-negative integers"));
  return b;
}

}  // namespace vs::cli
