#include "core/scoring/video_prefetcher.h"

namespace vs::scoring {

VideoPrefetcher::VideoPrefetcher(SampleFn sample) : sample_(std::move(sample)), thread_([this] { run(); }) {}

VideoPrefetcher::~VideoPrefetcher() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void VideoPrefetcher::request(const std::string& key) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (working_ == key || ready_key_ == key)
      return;
    wanted_ = key;
  }
  cv_.notify_all();
}

std::optional<media::SampledVideo> VideoPrefetcher::take(const std::string& key) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [&] { return stop_ || (wanted_ != key && working_ != key); });
  if (ready_key_ != key || !ready_)
    return std::nullopt;
  media::SampledVideo out = std::move(*ready_);
  ready_.reset();
  ready_key_.reset();
  return out;
}

void VideoPrefetcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || wanted_.has_value(); });
    if (stop_)
      return;
    working_ = std::move(wanted_);
    wanted_.reset();
    const std::string key = *working_;
    lock.unlock();
    std::optional<media::SampledVideo> sampled;
    try {
      sampled = sample_(key);
    } catch (...) {
      // Dropped: the score method samples again and reports the error itself.
    }
    lock.lock();
    working_.reset();
    ready_key_ = key;
    ready_ = std::move(sampled);
    cv_.notify_all();
  }
}

}  // namespace vs::scoring
