#pragma once
// Sampled patches (core/scoring/worker_video.h) as the engine's video input.
#include <utility>

#include "core/media/qwen_sampler.h"
#include "inference/qwen25vl/qwen25vl_engine.h"

namespace vs::worker {

inline qwen25vl::VideoInput toVideoInput(media::SampledVideo&& sampled) {
  qwen25vl::VideoInput video;
  video.pixel_values = std::move(sampled.pixels.values);
  video.rows = sampled.pixels.rows;
  video.cols = sampled.pixels.cols;
  video.grid_thw = sampled.pixels.grid_thw;
  video.second_per_grid_t = sampled.second_per_grid_t;
  return video;
}

}  // namespace vs::worker
