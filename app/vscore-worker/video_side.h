#pragma once
// The worker's video side on core/scoring/worker_video.h (Qt Core + FFmpeg): core/media's
// samples as the engine's input, and its vs::Error as inference::Error (Io stays Io, the rest is
// InvalidData, same text), so the protocol and exit codes are mapped once, in inference/worker.
#include <string>

#include "core/media/sampler_config.h"
#include "core/scoring/worker_video.h"
#include "inference/worker/generate_run.h"
#include "inference/worker/video_side.h"

namespace vs::worker {

class MediaVideoSide : public VideoSide {
 public:
  void setModel(const std::string& model_dir) override { prefetcher_.setModel(model_dir); }
  bool prefetch(double fps, const std::string& video) override { return prefetcher_.request(fps, video); }
  double configure(const std::string& model_dir, double fps) override;
  SampledInput sample(const ScoreParams& params) override;

 private:
  media::SamplerConfig config_;
  scoring::ModelVideoPrefetcher prefetcher_;  // its own model dir: prefetch runs on the reader thread
};

// `vscore-worker generate`'s video, sampled as the checkpoint samples it.
qwen25vl::VideoInput sampleForGenerate(const VideoRequest& request);

}  // namespace vs::worker
