#pragma once
// The worker's model methods: load, score and prefetch (inference/worker/protocol.h). The video
// is sampled by the VideoSide given, the patches scored by the VideoScore2 scorer. Maps every
// failure to a protocol error code. Built without the engine, load answers unavailable and score
// no_model.
#include <memory>

#include "inference/worker/video_side.h"
#include "inference/worker/worker_loop.h"

namespace vs::worker {

class ScoringMethods {
 public:
  explicit ScoringMethods(VideoSide& video);
  ~ScoringMethods();
  ScoringMethods(const ScoringMethods&) = delete;
  ScoringMethods& operator=(const ScoringMethods&) = delete;

  void registerMethods(WorkerLoop& loop);
  nlohmann::json describe() const;  // hello's engine/devices/model fields

  // The methods as registered; throw MethodError.
  nlohmann::json load(const nlohmann::json& params, const JobContext& job);
  nlohmann::json score(const nlohmann::json& params, const JobContext& job);
  nlohmann::json prefetch(const nlohmann::json& params);

 private:
  VideoSide& video_;
  struct Impl;  // the engine's state (scoring_methods_engine.cpp), or none without it
  std::unique_ptr<Impl> d_;
};

}  // namespace vs::worker
