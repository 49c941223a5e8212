#pragma once
// Samples the next video on its own thread while the model scores the current one, so a batch
// overlaps decode+sample with the model. One slot: a newer request replaces an older one that has
// not started. The score method takes the prepared sample when its key matches; otherwise (no
// prefetch, another video, or sampling failed there) it samples the video itself, so a prefetch
// can only save time, never change a result or hide an error.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/media/qwen_sampler.h"

namespace vs::scoring {

class VideoPrefetcher {
 public:
  // `sample(key)` decodes and samples; it may throw (the failure is dropped, see above).
  using SampleFn = std::function<media::SampledVideo(const std::string& key)>;
  explicit VideoPrefetcher(SampleFn sample);
  ~VideoPrefetcher();
  VideoPrefetcher(const VideoPrefetcher&) = delete;
  VideoPrefetcher& operator=(const VideoPrefetcher&) = delete;

  void request(const std::string& key);
  // The sample for `key` when it was requested: waits while it is being sampled. nullopt when
  // `key` was not requested or its sampling failed.
  std::optional<media::SampledVideo> take(const std::string& key);

 private:
  void run();

  SampleFn sample_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::optional<std::string> wanted_;   // requested, not started
  std::optional<std::string> working_;  // being sampled
  std::optional<std::string> ready_key_;
  std::optional<media::SampledVideo> ready_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace vs::scoring
