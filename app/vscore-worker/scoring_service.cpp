#include "scoring_service.h"

#include <chrono>
#include <memory>
#include <optional>

#include "core/scoring/worker_video.h"
#include "error_codes.h"
#include "inference/worker/protocol.h"
#include "inference/worker/score_params.h"
#include "video_input.h"
#ifdef VS_HAVE_SCORER
#include "inference/videoscore2/scorer.h"
#endif

namespace vs::worker {

using nlohmann::json;
using scoring::sampleFramesFile;
using scoring::samplerFor;
using scoring::samplerJson;
using scoring::sampleVideoFile;

namespace {
double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

struct ScoringService::Impl {
#ifdef VS_HAVE_SCORER
  std::unique_ptr<videoscore2::Scorer> scorer;
#endif
  json model = nullptr;  // what load returned
  std::string model_dir;
  scoring::ModelVideoPrefetcher prefetcher;  // its own copy of model_dir: prefetch runs on the reader thread
};

ScoringService::ScoringService() : d_(std::make_unique<Impl>()) {}
ScoringService::~ScoringService() = default;

void ScoringService::registerMethods(WorkerLoop& loop) {
  loop.onJob("load", [this](const json& p, const JobContext& job) { return load(p, job); });
  loop.onJob("score", [this](const json& p, const JobContext& job) { return score(p, job); });
  // prefetch {video, fps}: a hint that `score` of this video comes next; sampled meanwhile on
  // the prefetch thread. Answered at once, on the reader thread.
  loop.on("prefetch", [this](const json& p, const WorkerLoop::Emit&) {
    const PrefetchParams params = readPrefetchParams(p);
    return json{{"prefetching", d_->prefetcher.request(params.fps, params.video)}};
  });
}

json ScoringService::describe() const {
#ifdef VS_HAVE_SCORER
  json devices = json::array({"cpu"});
  if (qwen25vl::cudaAvailable()) {
    devices.push_back("cuda");
  }
  return json{{"engine", true}, {"devices", devices}, {"model", d_->model}};
#else
  return json{{"engine", false}, {"devices", json::array()}, {"model", nullptr}};
#endif
}

json ScoringService::load(const json& p, const JobContext& job) {
  const LoadParams params = readLoadParams(p);
#ifndef VS_HAVE_SCORER
  (void)job;
  throw MethodError(kErrUnavailable, "this vscore-worker was built without the inference engine");
#else
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
  d_->prefetcher.setModel(params.model_dir);
  return info;
#endif
}

json ScoringService::score(const json& p, const JobContext& job) {
#ifndef VS_HAVE_SCORER
  (void)p;
  (void)job;
  throw MethodError(kErrNoModel, "no model loaded (this vscore-worker has no inference engine)");
#else
  if (!d_->scorer) {
    throw MethodError(kErrNoModel, "score before a successful load");
  }
  const ScoreParams params = readScoreParams(p);
  media::SamplerConfig sampler;
  try {
    sampler = samplerFor(d_->model_dir, params.fps);
  } catch (...) {
    rethrowAsMethodError(Stage::Load, d_->model_dir);
  }

  const auto start = std::chrono::steady_clock::now();
  job.progress(json{{"stage", "sampling"}, {"tokens", 0}, {"text", ""}});
  media::SampledVideo sampled;
  std::optional<media::SampledVideo> prefetched;
  try {
    if (params.frames) {
      const FramesFile& f = *params.frames;
      sampled = sampleFramesFile(f.path, f.count, f.height, f.width, sampler);
    } else if ((prefetched = d_->prefetcher.take(params.fps, params.video))) {
      sampled = std::move(*prefetched);
    } else {
      sampled = sampleVideoFile(params.video, sampler);
    }
  } catch (...) {
    rethrowAsMethodError(Stage::Sample, d_->model_dir);
  }
  const double sample_ms = msSince(start);
  job.throwIfCancelled();

  json sampler_info = samplerJson(sampled, prefetched.has_value());
  const qwen25vl::VideoInput input = toVideoInput(std::move(sampled));
  videoscore2::ScoreOutcome outcome;
  try {
    outcome = d_->scorer->score(
        params.prompt, input, params.settings,
        [&job](const videoscore2::ScoreProgress& p) {
          job.progress(json{{"stage", p.stage}, {"tokens", p.tokens}, {"text", p.text}});
        },
        &job.cancelFlag());
  } catch (...) {
    rethrowAsMethodError(Stage::Score, d_->model_dir);
  }
  job.throwIfCancelled();
  json result = videoscore2::toJson(outcome);
  result["video"] = params.frames ? json(nullptr) : json(params.video);
  result["sampler"] = std::move(sampler_info);
  result["settings"] = settingsJson(params, d_->model_dir, sampler.fps, d_->model, outcome.generation);
  result["timings"]["sample_ms"] = sample_ms;
  result["timings"]["total_ms"] = msSince(start);
  return result;
#endif
}

}  // namespace vs::worker
