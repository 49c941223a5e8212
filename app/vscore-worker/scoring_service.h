#pragma once
// The worker's model methods: load and score (inference/worker/protocol.h). Decodes and samples
// the video with core/media (Qt Core + FFmpeg, no torch), then hands the patches to the
// VideoScore2 scorer (libtorch, Qt-free). Maps every failure to a protocol error code.
#include <memory>

#include "inference/worker/worker_loop.h"

namespace vs::worker {

class ScoringService {
 public:
  ScoringService();
  ~ScoringService();
  ScoringService(const ScoringService&) = delete;
  ScoringService& operator=(const ScoringService&) = delete;

  void registerMethods(WorkerLoop& loop);
  nlohmann::json describe() const;  // hello's engine/devices/model fields

 private:
  nlohmann::json load(const nlohmann::json& params, const JobContext& job);
  nlohmann::json score(const nlohmann::json& params, const JobContext& job);

  struct Impl;
  std::unique_ptr<Impl> d_;
};

}  // namespace vs::worker
