#pragma once
// VideoScore2 scoring of one video: the query (template + chat template + video pads), the
// generation (free, or format-guaranteed with ScoreBlockController), and the reference
// post-processing (hard scores, soft scores). Torch-free header; the engine lives behind it.
#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/videoscore2/score_settings.h"
#include "inference/rules/score_parser.h"

namespace vs::videoscore2 {

// One generated step: the token appended and the distribution it was chosen from, as float32
// log-softmax values (-inf clamped to -9999, as vLLM's OpenAI replies do).
struct StepLogprobs {
  int64_t step = 0;
  int64_t token_id = 0;
  float logprob = 0.0f;
  std::vector<std::pair<int64_t, float>> top;  // most likely first; ties by id
};

struct ScoreProgress {
  std::string stage;  // "prefill", "generating"
  int64_t tokens = 0;
  std::string text;  // partial text so far (special tokens dropped)
};

struct ScoreOutcome {
  std::string text;  // decoded with skip_special_tokens=True
  HardScores hard;
  std::array<std::optional<double>, 3> soft{};
  std::array<int, 3> score_steps{-1, -1, -1};
  ScoreFormat format = ScoreFormat::Free;
  std::string block_start;  // constrained: "model-wrote-label" | "model-stopped" | "budget"
  std::string stop_reason;
  int64_t prompt_tokens = 0;
  int64_t prefills = 0;  // prompt prefills (video included); 1 in both formats
  int64_t generated_tokens = 0;
  double vision_ms = 0, prefill_ms = 0, decode_ms = 0, total_ms = 0;
  nlohmann::json generation;           // resolved generation settings (after generation_config.json)
  std::vector<StepLogprobs> logprobs;  // when ScoreSettings::top_logprobs >= 0
};

class Scorer {
 public:
  // Throws inference::Error (Io / InvalidData for the files, BadModel, OutOfMemory, Internal).
  static std::unique_ptr<Scorer> load(const std::string& model_dir, const qwen25vl::EngineOptions& options);
  ~Scorer();
  Scorer(const Scorer&) = delete;
  Scorer& operator=(const Scorer&) = delete;

  // Throws inference::Error: BadInput for a bad template or video, OutOfMemory, Internal.
  // A set `cancel` ends generation within one step; the outcome's stop_reason is "cancelled".
  ScoreOutcome score(const std::string& t2v_prompt, const qwen25vl::VideoInput& video,
                     const ScoreSettings& settings, const std::function<void(const ScoreProgress&)>& progress,
                     const std::atomic<bool>* cancel);

  const qwen25vl::Qwen25VLEngine& engine() const;
  nlohmann::json describe() const;  // model dir, parameters, layout, device

 private:
  struct Impl;
  explicit Scorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

nlohmann::json toJson(const ScoreOutcome& outcome);

}  // namespace vs::videoscore2
