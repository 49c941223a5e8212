#pragma once
// What the worker's scoring needs from the video side (decoding and sampling live outside the
// inference layer: vscore-worker plugs in core/media). Implementations throw inference::Error.
#include <nlohmann/json.hpp>

#include <string>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/worker/score_params.h"

namespace vs::worker {

// A score's video, sampled: the engine's input and the result's "sampler" block.
struct SampledInput {
  qwen25vl::VideoInput video;
  nlohmann::json sampler;
};

class VideoSide {
 public:
  virtual ~VideoSide() = default;

  // The checkpoint prefetched videos are sampled for (after each successful load).
  virtual void setModel(const std::string& model_dir) = 0;
  // prefetch's hint, on the reader thread; false, and nothing asked, while no model is set.
  virtual bool prefetch(double fps, const std::string& video) = 0;
  // The checkpoint's sampling at `fps` for the next sample(); returns the fps it samples at.
  // Errors here are the checkpoint's (bad_model).
  virtual double configure(const std::string& model_dir, double fps) = 0;
  // The score's video or frames file, sampled as configured last (or its prefetched sample).
  // Errors here are the video's (bad_video).
  virtual SampledInput sample(const ScoreParams& params) = 0;
};

}  // namespace vs::worker
