#pragma once
// The bootstrap options of the analysis commands (audit, agreement, rank) as option-table rows
// whose defaults are BootstrapOptions', and their values read back.
#include <vector>

#include "core/analysis/bootstrap.h"
#include "core/cli/command_spec.h"

namespace vs::analysis {

// `options` followed by --bootstrap N and --seed SEED.
std::vector<cli::Opt> withBootstrapRows(std::vector<cli::Opt> options);
// Throws vs::Error(Usage) unless both are non-negative integers.
BootstrapOptions bootstrapOptions(const cli::Args& args);

}  // namespace vs::analysis
