#pragma once
// The video side of vscore-worker's scoring (Qt Core + FFmpeg, no engine): the checkpoint's
// sampling, a video file or an already-sampled frames file turned into patches, and the
// "sampler" block of a score result. vscore-worker hands the patches to the engine.
#include <QString>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/media/qwen_sampler.h"
#include "core/media/sampler_config.h"
#include "core/scoring/video_prefetcher.h"

namespace vs::scoring {

// The checkpoint's sampling at `fps` (media::SamplerConfig::forModel). Throws vs::Error naming a
// damaged or unreadable preprocessor_config.json.
media::SamplerConfig samplerFor(const std::string& model_dir, double fps);

// The video file at `path` decoded and sampled into patches. Throws vs::Error (Io: unreadable,
// InvalidData: no video).
media::SampledVideo sampleVideoFile(const std::string& path, const media::SamplerConfig& config);

// `count` frames of `height` x `width` already sampled and resized, one after another as raw
// RGB24 in the file at `path`, patchified with `config` as sampleVideo would. Throws vs::Error
// (Io: missing or short file, InvalidData: patchify failed).
media::SampledVideo sampleFramesFile(const std::string& path, int64_t count, int height, int width,
                                     const media::SamplerConfig& config);

// The video at `path` sampled as the checkpoint in `model_dir` samples at the default fps, with
// at most `max_pixels` pixels a frame when given (`vscore generate --max-pixels`).
media::SampledVideo sampleForModel(const std::string& path, const std::string& model_dir,
                                   std::optional<int64_t> max_pixels);

// A score result's "sampler" block.
nlohmann::json samplerJson(const media::SampledVideo& sampled, bool prefetched);

// The worker's prefetch (VideoPrefetcher): a video sampled ahead on the prefetch thread as the
// model loaded last samples it at the given fps, for the score that follows. Thread-safe.
class ModelVideoPrefetcher {
 public:
  ModelVideoPrefetcher();
  // The checkpoint the next requests sample for.
  void setModel(const std::string& model_dir);
  // Asks for `video` at `fps`; false, and nothing asked, while no model is set.
  bool request(double fps, const std::string& video);
  // The sample of `video` at `fps` for the current model when it was requested (and waits while
  // it is being sampled); nullopt otherwise or when its sampling failed.
  std::optional<media::SampledVideo> take(double fps, const std::string& video);

 private:
  std::string key(double fps, const std::string& video);

  std::mutex mutex_;
  std::string model_dir_;
  VideoPrefetcher prefetcher_;
};

}  // namespace vs::scoring
