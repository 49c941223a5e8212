#include "video_side.h"

#include <optional>
#include <utility>

#include "core/domain/error.h"

namespace vs::worker {
namespace {

qwen25vl::VideoInput toVideoInput(media::SampledVideo&& sampled) {
  qwen25vl::VideoInput video;
  video.pixel_values = std::move(sampled.pixels.values);
  video.rows = sampled.pixels.rows;
  video.cols = sampled.pixels.cols;
  video.grid_thw = sampled.pixels.grid_thw;
  video.second_per_grid_t = sampled.second_per_grid_t;
  return video;
}

inference::Error asInferenceError(const vs::Error& error) {
  return inference::Error(
      error.kind() == vs::Error::Kind::Io ? inference::Error::Kind::Io : inference::Error::Kind::InvalidData,
      error.full().toStdString());
}

}  // namespace

double MediaVideoSide::configure(const std::string& model_dir, double fps) {
  try {
    config_ = scoring::samplerFor(model_dir, fps);
  } catch (const vs::Error& e) {
    throw asInferenceError(e);
  }
  return config_.fps;
}

SampledInput MediaVideoSide::sample(const ScoreParams& params) {
  media::SampledVideo sampled;
  std::optional<media::SampledVideo> prefetched;
  try {
    if (params.frames) {
      const FramesFile& f = *params.frames;
      sampled = scoring::sampleFramesFile(f.path, f.count, f.height, f.width, config_);
    } else if ((prefetched = prefetcher_.take(params.fps, params.video))) {
      sampled = std::move(*prefetched);
    } else {
      sampled = scoring::sampleVideoFile(params.video, config_);
    }
  } catch (const vs::Error& e) {
    throw asInferenceError(e);
  }
  SampledInput input;
  input.sampler = scoring::samplerJson(sampled, prefetched.has_value());
  input.video = toVideoInput(std::move(sampled));
  return input;
}

qwen25vl::VideoInput sampleForGenerate(const VideoRequest& request) {
  try {
    return toVideoInput(scoring::sampleForModel(request.path, request.model_dir, request.max_pixels));
  } catch (const vs::Error& e) {
    throw asInferenceError(e);
  }
}

}  // namespace vs::worker
