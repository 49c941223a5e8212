#include "core/media/frame_cache.h"

namespace vs::media {

static int64_t frameBytes(const FramePtr& frame) {
  return static_cast<int64_t>(frame->image.byteSize() + sizeof(VideoFrame));
}

FrameCache::FrameCache(int64_t budget_bytes) : budget_bytes_(budget_bytes < 0 ? 0 : budget_bytes) {}

FramePtr FrameCache::find(int64_t index) {
  auto it = map_.find(index);
  if (it == map_.end()) {
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return *it->second;
}

void FrameCache::insert(FramePtr frame) {
  if (!frame) {
    return;
  }
  const int64_t bytes = frameBytes(frame);
  auto it = map_.find(frame->index);
  if (it != map_.end()) {
    used_bytes_ -= frameBytes(*it->second);
    lru_.erase(it->second);
    map_.erase(it);
  }
  if (bytes > budget_bytes_) {
    return;
  }
  lru_.push_front(std::move(frame));
  map_[lru_.front()->index] = lru_.begin();
  used_bytes_ += bytes;
  evictToBudget();
}

void FrameCache::clear() {
  lru_.clear();
  map_.clear();
  used_bytes_ = 0;
}

void FrameCache::setBudgetBytes(int64_t budget_bytes) {
  budget_bytes_ = budget_bytes < 0 ? 0 : budget_bytes;
  evictToBudget();
}

void FrameCache::evictToBudget() {
  while (used_bytes_ > budget_bytes_ && !lru_.empty()) {
    used_bytes_ -= frameBytes(lru_.back());
    map_.erase(lru_.back()->index);
    lru_.pop_back();
  }
}

}  // namespace vs::media
