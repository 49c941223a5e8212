// ScoringMethods of a worker built without the inference engine: requests are still checked,
// load answers unavailable, score no_model, and prefetch is declined (no model is ever set).
#include "inference/worker/protocol.h"
#include "inference/worker/score_params.h"
#include "inference/worker/scoring_methods.h"

namespace vs::worker {

using nlohmann::json;

struct ScoringMethods::Impl {};

ScoringMethods::ScoringMethods(VideoSide& video) : video_(video) {}
ScoringMethods::~ScoringMethods() = default;

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
