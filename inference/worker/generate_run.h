#pragma once
// The run of `vscore-worker generate` (what `vscore generate` hands over to), its options already
// read from the command line (app/vscore-worker/generate_args.h). Streams the generated text
// (special tokens skipped) to `out` as it is produced; `stats` adds one JSON line of figures on
// `err`. Errors: one line "vscore: error: <where>: <what>". Returns 0 ok, 1 runtime / I/O, 2 bad
// generation settings, 3 invalid data (the vscore exit codes). The generation itself is the
// engine's (inference/qwen25vl/text_generator.h); video sampling is the caller's.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "inference/generate/generation_config.h"
#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::worker {

struct GenerateOptions {
  std::string model_dir;
  std::string prompt;
  std::string video;  // none when empty
  generate::GenerationOverrides overrides;
  qwen25vl::EngineOptions engine;
  std::optional<int64_t> max_pixels;
  bool stats = false;
};

struct VideoRequest {
  std::string path;
  std::string model_dir;              // for its preprocessor_config.json
  std::optional<int64_t> max_pixels;  // per-frame pixel cap (qwen-vl-utils "max_pixels")
};

// Samples a video for the engine; throws inference::Error (Io: exit 1, else exit 3).
using VideoSampler = std::function<qwen25vl::VideoInput(const VideoRequest& request)>;

int runGenerate(const GenerateOptions& options, const VideoSampler& sampler, std::ostream& out,
                std::ostream& err);

}  // namespace vs::worker
