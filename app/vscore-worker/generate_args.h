#pragma once
// The command line of `vscore-worker generate ...` (what `vscore generate` hands over to):
//   generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N]
//            [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N]
//            [--device cpu|cuda] [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]
// read into inference/worker/generate_run.h's options and run there. A usage error prints
// "vscore: error: <what>" and the usage, and exits 2.
#include <iosfwd>
#include <string>
#include <vector>

#include "inference/worker/generate_run.h"

namespace vs::worker {

// `args` without the program and "generate"; returns the vscore exit code.
int generateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                    std::ostream& err);

}  // namespace vs::worker
