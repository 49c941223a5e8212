// ScoringMethods with the engine: the VideoScore2 scorer loaded by load and run by score.
#include "inference/worker/scoring_methods.h"

#include <chrono>
#include <memory>

#include "inference/videoscore2/scorer.h"
#include "inference/worker/error_codes.h"
#include "inference/worker/protocol.h"
#include "inference/worker/score_params.h"

namespace vs::worker {

using nlohmann::json;

namespace {
double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

struct ScoringMethods::Impl {
  std::unique_ptr<videoscore2::Scorer> scorer;
  json model = nullptr;  // what load returned
  std::string model_dir;
};

ScoringMethods::ScoringMethods(VideoSide& video) : video_(video), d_(std::make_unique<Impl>()) {}
ScoringMethods::~ScoringMethods() = default;

json ScoringMethods::describe() const {
  json devices = json::array({"cpu"});
  if (qwen25vl::cudaAvailable()) {
    devices.push_back("cuda");
  }
  return json{{"engine", true}, {"devices", devices}, {"model", d_->model}};
}

json ScoringMethods::load(const json& p, const JobContext& job) {
  const LoadParams params = readLoadParams(p);
  job.progress(json{{"stage", "loading"}, {"model", params.model_dir}});
  const auto start = std::chrono::steady_clock::now();
  d_->scorer.reset();
  d_->model = nullptr;
  try {
    d_->scorer = videoscore2::Scorer::load(params.model_dir, params.engine);
  } catch (...) {
    rethrowAsMethodError(Stage::Load, params.model_dir);
  }
  json info = d_->scorer->describe();
  info["device"] = params.device;
  info["dtype"] = params.dtype;
  info["load_ms"] = msSince(start);
  d_->model = info;
  d_->model_dir = params.model_dir;
  video_.setModel(params.model_dir);
  return info;
}

json ScoringMethods::score(const json& p, const JobContext& job) {
  if (!d_->scorer) {
    throw MethodError(kErrNoModel, "score before a successful load");
  }
  const ScoreParams params = readScoreParams(p);
  double sampler_fps = 0;
  try {
    sampler_fps = video_.configure(d_->model_dir, params.fps);
  } catch (...) {
    rethrowAsMethodError(Stage::Load, d_->model_dir);
  }

  const auto start = std::chrono::steady_clock::now();
  job.progress(json{{"stage", "sampling"}, {"tokens", 0}, {"text", ""}});
  SampledInput sampled;
  try {
    sampled = video_.sample(params);
  } catch (...) {
    rethrowAsMethodError(Stage::Sample, d_->model_dir);
  }
  const double sample_ms = msSince(start);
  job.throwIfCancelled();

  videoscore2::ScoreOutcome outcome;
  try {
    outcome = d_->scorer->score(
        params.prompt, sampled.video, params.settings,
        [&job](const videoscore2::ScoreProgress& step) {
          job.progress(json{{"stage", step.stage}, {"tokens", step.tokens}, {"text", step.text}});
        },
        &job.cancelFlag());
  } catch (...) {
    rethrowAsMethodError(Stage::Score, d_->model_dir);
  }
  job.throwIfCancelled();
  json result = videoscore2::toJson(outcome);
  result["video"] = params.frames ? json(nullptr) : json(params.video);
  result["sampler"] = std::move(sampled.sampler);
  result["settings"] = settingsJson(params, d_->model_dir, sampler_fps, d_->model, outcome.generation);
  result["timings"]["sample_ms"] = sample_ms;
  result["timings"]["total_ms"] = msSince(start);
  return result;
}

}  // namespace vs::worker
