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

// `body()`, a core/media vs::Error from it thrown as the inference layer's error.
template <typename Body>
auto withInferenceErrors(Body&& body) {
  try {
    return body();
  } catch (const vs::Error& e) {
    throw inference::Error(
        e.kind() == vs::Error::Kind::Io ? inference::Error::Kind::Io : inference::Error::Kind::InvalidData,
        e.full().toStdString());
  }
}

}  // namespace

double MediaVideoSide::configure(const std::string& model_dir, double fps) {
  config_ = withInferenceErrors([&] { return scoring::samplerFor(model_dir, fps); });
  return config_.fps;
}

SampledInput MediaVideoSide::sample(const ScoreParams& params) {
  std::optional<media::SampledVideo> prefetched;
  media::SampledVideo sampled = withInferenceErrors([&] {
    if (params.frames) {
      const FramesFile& f = *params.frames;
      return scoring::sampleFramesFile(f.path, f.count, f.height, f.width, config_);
    }
    if ((prefetched = prefetcher_.take(params.fps, params.video)))
      return std::move(*prefetched);
    return scoring::sampleVideoFile(params.video, config_);
  });
  SampledInput input;
  input.sampler = scoring::samplerJson(sampled, prefetched.has_value());
  input.video = toVideoInput(std::move(sampled));
  return input;
}

qwen25vl::VideoInput sampleForGenerate(const VideoRequest& request) {
  return withInferenceErrors([&] {
    return toVideoInput(scoring::sampleForModel(request.path, request.model_dir, request.max_pixels));
  });
}

}  // namespace vs::worker
