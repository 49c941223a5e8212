#pragma once
// The params of the worker's model methods (protocol.h: load, score, prefetch) read into the
// engine's and the scorer's settings, and the "settings" block a score result echoes. Torch-free:
// the engine is not needed to check a request. Every refusal is MethodError(invalid_request).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/videoscore2/score_settings.h"

namespace vs::worker {

// params[key] as a non-empty string; throws MethodError(invalid_request).
std::string requireString(const nlohmann::json& params, const char* key);

// The engine's device and dtype by their names in requests and on the command line ("cpu" |
// "cuda"; "f32" | "bf16" | "f16"); nullopt for any other.
std::optional<qwen25vl::Device> deviceNamed(const std::string& name);
std::optional<qwen25vl::ComputeDtype> dtypeNamed(const std::string& name);

// load {model, device?, dtype?}
struct LoadParams {
  std::string model_dir;
  std::string device = "cpu";  // as given: "cpu" | "cuda"
  std::string dtype = "f32";   // as given: "f32" | "bf16" | "f16"
  qwen25vl::EngineOptions engine;
};
LoadParams readLoadParams(const nlohmann::json& params);

// score's frames {path, count, height, width}: a raw RGB24 file of frames already sampled.
struct FramesFile {
  std::string path;
  int64_t count = 0;
  int height = 0;
  int width = 0;
};

// score {video | frames, prompt, template?, greedy? | temperature, seed?, max_new_tokens?, top_p?,
// top_k?, repetition_penalty?, top_logprobs?, digit_logprobs?, constrained?, fps?}
struct ScoreParams {
  std::string video;                 // empty when frames are given
  std::optional<FramesFile> frames;  // instead of a video
  std::string prompt;
  videoscore2::ScoreSettings settings;
  double fps = 2.0;
};
ScoreParams readScoreParams(const nlohmann::json& params);

// prefetch {video, fps?}
struct PrefetchParams {
  std::string video;
  double fps = 2.0;
};
PrefetchParams readPrefetchParams(const nlohmann::json& params);

// A score result's "settings": what was asked (template, decoding, ...), the sampling fps used,
// the loaded model's device and dtype, and the resolved generation settings.
nlohmann::json settingsJson(const ScoreParams& params, const std::string& model_dir, double fps,
                            const nlohmann::json& model, const nlohmann::json& generation);

}  // namespace vs::worker
