#pragma once
// Free-form generation with a checkpoint: a prompt (and a sampled video) in, the text streamed out
// as it is produced (special tokens skipped), the run's figures back. What `vscore generate` runs;
// its run is inference/worker/generate_run.h, its command line app/vscore-worker/generate_args.h.
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::tokenizer {
class Tokenizer;
}

namespace vs::qwen25vl {

class TextGenerator {
 public:
  // Reads model_dir/tokenizer.json (the model itself only in run()). Throws inference::Error.
  explicit TextGenerator(std::string model_dir);
  ~TextGenerator();
  TextGenerator(const TextGenerator&) = delete;
  TextGenerator& operator=(const TextGenerator&) = delete;

  // Loads the engine, builds the chat prompt (with the video's pad run when `video` is set) and
  // generates, writing the text to `out` as tokens arrive (an incomplete UTF-8 sequence is held
  // back until the next token completes it) and a final newline. Returns prompt_tokens,
  // new_tokens, stop, vision/prefill/decode ms, decode_tokens_per_s, device and the resolved
  // generation settings. Throws inference::Error, std::invalid_argument for bad overrides.
  nlohmann::json run(const std::string& prompt, const VideoInput* video,
                     const generate::GenerationOverrides& overrides, const EngineOptions& options,
                     std::ostream& out);

 private:
  std::string model_dir_;
  std::unique_ptr<tokenizer::Tokenizer> tokenizer_;
};

}  // namespace vs::qwen25vl
