// What ScoringMethods does with or without the engine: registering the methods and prefetch,
// which only asks the video side.
#include "inference/worker/scoring_methods.h"

#include "inference/worker/score_params.h"

namespace vs::worker {

using nlohmann::json;

void ScoringMethods::registerMethods(WorkerLoop& loop) {
  loop.onJob("load", [this](const json& p, const JobContext& job) { return load(p, job); });
  loop.onJob("score", [this](const json& p, const JobContext& job) { return score(p, job); });
  // prefetch {video, fps}: a hint that `score` of this video comes next; sampled meanwhile on
  // the prefetch thread. Answered at once, on the reader thread.
  loop.on("prefetch", [this](const json& p, const WorkerLoop::Emit&) { return prefetch(p); });
}

json ScoringMethods::prefetch(const json& p) {
  const PrefetchParams params = readPrefetchParams(p);
  return json{{"prefetching", video_.prefetch(params.fps, params.video)}};
}

}  // namespace vs::worker
