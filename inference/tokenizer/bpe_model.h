#pragma once
// Byte-level BPE (tokenizers' models/bpe): vocabulary and merges converted from the byte-level
// alphabet to raw bytes at load time, so encoding works on the input's bytes directly. A piece is
// merged by lowest rank, ties to the leftmost pair (tokenizers Word::merge_all); results are cached.
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vs::tokenizer {

class BpeModel {
 public:
  // `vocab`: (raw bytes, id); `merges`: (left bytes, right bytes) in rank order. Throws
  // std::invalid_argument naming the entry when a merge refers to an unknown token.
  BpeModel(std::vector<std::pair<std::string, int32_t>> vocab,
           const std::vector<std::pair<std::string, std::string>>& merges);
  BpeModel(const BpeModel&) = delete;
  BpeModel& operator=(const BpeModel&) = delete;

  // Appends the ids of one pre-tokenized piece (raw bytes).
  void encodePiece(std::string_view piece, std::vector<int32_t>& out) const;
  // Raw bytes of a vocabulary id; nullptr when the id is not in the vocabulary.
  const std::string* bytesOf(int32_t id) const;
  int32_t idOf(std::string_view bytes) const;  // -1 when absent
  std::size_t vocabSize() const { return vocab_count_; }
  int32_t maxId() const { return static_cast<int32_t>(by_id_.size()) - 1; }
  std::size_t mergeCount() const { return merge_count_; }

 private:
  struct Merge {
    uint64_t key = kEmpty;  // (left id << 32) | right id
    int32_t rank = 0;
    int32_t merged = 0;
  };
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  static uint64_t key(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
  }
  void merge(std::string_view piece, std::vector<int32_t>& out) const;
  const Merge* findMerge(int32_t a, int32_t b) const;

  // Open-addressing tables (linear probing, power-of-two sizes): loading 150k entries into
  // node-based maps dominated the start-up time.
  std::vector<std::string> by_id_;
  std::vector<bool> has_id_;
  std::vector<int32_t> vocab_slots_;  // -1 empty, else an id whose by_id_ is the key
  std::vector<Merge> merge_slots_;
  std::size_t vocab_count_ = 0;
  std::size_t merge_count_ = 0;
  std::array<int32_t, 256> byte_ids_{};

  static constexpr std::size_t kCacheLimit = 200'000;
  static constexpr std::size_t kCacheMaxPieceBytes = 256;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::vector<int32_t>> cache_;
};

}  // namespace vs::tokenizer
