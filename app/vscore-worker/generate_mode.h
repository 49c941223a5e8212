#pragma once
// The command-line mode `vscore-worker generate ...` (what `vscore generate` hands over to):
//   generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N]
//            [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N]
//            [--device cpu|cuda] [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]
// Streams the generated text (special tokens skipped) to `out` as it is produced; `--stats`
// adds one JSON line of figures on `err`. Errors: one line "vscore: error: <where>: <what>".
// Returns 0 ok, 1 runtime / I/O, 2 usage, 3 invalid data (the vscore exit codes). The generation
// itself is the engine's (inference/qwen25vl/text_generator.h); video sampling is the caller's.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::worker {

struct VideoRequest {
  std::string path;
  std::string model_dir;              // for its preprocessor_config.json
  std::optional<int64_t> max_pixels;  // per-frame pixel cap (qwen-vl-utils "max_pixels")
};

// Samples a video for the engine; throws inference::Error (Io: exit 1, else exit 3).
using VideoSampler = std::function<qwen25vl::VideoInput(const VideoRequest& request)>;

// `args` without the program and "generate".
int runGenerate(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                std::ostream& err);

}  // namespace vs::worker
