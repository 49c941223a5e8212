// ScoringMethods of a worker built without the inference engine: requests are still checked,
// load answers unavailable, score no_model, and prefetch is declined (no model is ever set).
#include "inference/worker/protocol.h"
#include "inference/worker/score_params.h"
#include "inference/worker/scoring_methods.h"

namespace vs::worker {

using nlohmann::json;

struct ScoringMethods::Impl {
  VideoSide& video;
};

ScoringMethods::ScoringMethods(VideoSide& video) : d_(std::make_unique<Impl>(Impl{video})) {}
ScoringMethods::~ScoringMethods() = default;

void ScoringMethods::registerMethods(WorkerLoop& loop) {
  loop.onJob("load", [this](const json& p, const JobContext& job) { return load(p, job); });
  loop.onJob("score", [this](const json& p, const JobContext& job) { return score(p, job); });
  loop.on("prefetch", [this](const json& p, const WorkerLoop::Emit&) { return prefetch(p); });
}

json ScoringMethods::prefetch(const json& p) {
  const PrefetchParams params = readPrefetchParams(p);
  return json{{"prefetching", d_->video.prefetch(params.fps, params.video)}};
}

json ScoringMethods::describe() const {
  return json{{"engine", false}, {"devices", json::array()}, {"model", nullptr}};
}

json ScoringMethods::load(const json& p, const JobContext&) {
  (void)readLoadParams(p);
  throw MethodError(kErrUnavailable, "this vscore-worker was built without the inference engine");
}

json ScoringMethods::score(const json&, const JobContext&) {
  throw MethodError(kErrNoModel, "no model loaded (this vscore-worker has no inference engine)");
}

}  // namespace vs::worker
