#pragma once
// The command-line mode `vscore-worker generate ...` (what `vscore generate` hands over to):
//   generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N]
//            [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N]
//            [--device cpu|cuda] [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]
// Streams the generated text (special tokens skipped) to `out` as it is produced; `--stats`
// adds one JSON line of timings on `err`. Errors: one line "vscore: error: <where>: <what>".
// Returns 0 ok, 1 runtime / I/O, 2 usage, 3 invalid data (the vscore exit codes).
// Video sampling needs FFmpeg + Qt (core/media), so the caller supplies it: inference stays Qt-free.
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::qwen25vl {

struct VideoRequest {
  std::string path;
  std::string model_dir;              // for its preprocessor_config.json
  std::optional<int64_t> max_pixels;  // per-frame pixel cap (qwen-vl-utils "max_pixels")
};

// Throws std::exception on failure; `code` is filled with the exit code to use (1 or 3).
using VideoSampler = std::function<VideoInput(const VideoRequest& request, int& code)>;

int runGenerateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                       std::ostream& err);

}  // namespace vs::qwen25vl
