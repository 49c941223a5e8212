#pragma once
// The command line of `vscore-worker generate ...` (what `vscore generate` hands over to) as an
// option table (core/cli), read into inference/worker/generate_run.h's options and run there.
// --help prints the table; a usage error prints "vscore: error: <what>" and exits 2.
#include <iosfwd>
#include <string>
#include <vector>

#include "inference/worker/generate_run.h"

namespace vs::worker {

// `args` without the program and "generate"; returns the vscore exit code.
int generateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                    std::ostream& err);

}  // namespace vs::worker
