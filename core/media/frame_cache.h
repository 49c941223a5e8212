#pragma once
// LRU cache of decoded frames of one clip, bounded by a memory budget. Not thread-safe: it is
// owned by one FrameDecoder, which is used from one thread.
#include <cstdint>
#include <list>
#include <unordered_map>

#include "core/media/video_frame.h"

namespace vs::media {

class FrameCache {
 public:
  explicit FrameCache(int64_t budget_bytes);

  // The frame, promoted to most recently used; null when absent.
  FramePtr find(int64_t index);
  // Inserts (or refreshes) a frame and evicts least recently used frames beyond the budget.
  // A frame larger than the whole budget is not kept.
  void insert(FramePtr frame);
  bool contains(int64_t index) const { return map_.count(index) != 0; }
  void clear();
  void setBudgetBytes(int64_t budget_bytes);

  int64_t budgetBytes() const { return budget_bytes_; }
  int64_t usedBytes() const { return used_bytes_; }
  size_t size() const { return map_.size(); }

 private:
  void evictToBudget();

  int64_t budget_bytes_;
  int64_t used_bytes_ = 0;
  std::list<FramePtr> lru_;  // front = most recently used
  std::unordered_map<int64_t, std::list<FramePtr>::iterator> map_;
};

}  // namespace vs::media
