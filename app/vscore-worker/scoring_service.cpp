#include "scoring_service.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>

#include "core/scoring/video_prefetcher.h"
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

// What a sample depends on, as one string: fps, the model's preprocessor config, the video.
std::string sampleKey(const std::string& model_dir, double fps, const std::string& video) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", fps);
  return std::string(buf) + '\n' + model_dir + '\n' + video;
}

media::SampledVideo sampleForKey(const std::string& key) {
  const size_t a = key.find('\n');
  const size_t b = key.find('\n', a + 1);
  const double fps = std::strtod(key.substr(0, a).c_str(), nullptr);
  return sampleVideoFile(key.substr(b + 1), samplerFor(key.substr(a + 1, b - a - 1), fps));
}
}  // namespace

struct ScoringService::Impl {
#ifdef VS_HAVE_SCORER
  std::unique_ptr<videoscore2::Scorer> scorer;
#endif
  json model = nullptr;        // what load returned
  std::mutex model_dir_mutex;  // prefetch reads it on the reader thread
  std::string model_dir;
  scoring::VideoPrefetcher prefetcher{sampleForKey};

  std::string modelDir() {
    std::lock_guard<std::mutex> lock(model_dir_mutex);
    return model_dir;
  }
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
    const std::string dir = d_->modelDir();
    if (dir.empty())
      return json{{"prefetching", false}};
    d_->prefetcher.request(sampleKey(dir, params.fps, params.video));
    return json{{"prefetching", true}};
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
  {
    std::lock_guard<std::mutex> lock(d_->model_dir_mutex);
    d_->model_dir = params.model_dir;
  }
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
    } else if ((prefetched = d_->prefetcher.take(sampleKey(d_->model_dir, params.fps, params.video)))) {
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
