#include "inference/tokenizer/bpe_model.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace vs::tokenizer {

namespace {

// FNV-1a: short keys, no need for more.
std::size_t hashBytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h = (h ^ c) * 1099511628211ull;
  }
  return static_cast<std::size_t>(h ^ (h >> 29));
}

std::size_t hashKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return static_cast<std::size_t>(k);
}

}  // namespace

BpeModel::BpeModel(std::vector<std::pair<std::string, int32_t>> vocab,
                   const std::vector<std::pair<std::string, std::string>>& merges) {
  int32_t max_id = -1;
  for (const auto& [bytes, id] : vocab) {
    if (id < 0) {
      throw std::invalid_argument("negative id for vocabulary entry");
    }
    max_id = std::max(max_id, id);
  }
  by_id_.resize(static_cast<std::size_t>(max_id + 1));
  has_id_.assign(static_cast<std::size_t>(max_id + 1), false);
  for (auto& [bytes, id] : vocab) {
    if (has_id_[static_cast<std::size_t>(id)]) {
      throw std::invalid_argument("id " + std::to_string(id) + " is used twice in the vocabulary");
    }
    by_id_[static_cast<std::size_t>(id)] = std::move(bytes);
    has_id_[static_cast<std::size_t>(id)] = true;
  }
  std::size_t slots = 16;
  while (slots < vocab.size() * 2) {
    slots *= 2;
  }
  vocab_slots_.assign(slots, -1);
  for (std::size_t id = 0; id < by_id_.size(); ++id) {
    if (!has_id_[id]) {
      continue;
    }
    std::size_t h = hashBytes(by_id_[id]) & (slots - 1);
    while (vocab_slots_[h] >= 0) {
      if (by_id_[static_cast<std::size_t>(vocab_slots_[h])] == by_id_[id]) {
        throw std::invalid_argument("a vocabulary string appears twice");
      }
      h = (h + 1) & (slots - 1);
    }
    vocab_slots_[h] = static_cast<int32_t>(id);
    ++vocab_count_;
  }
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    byte_ids_[static_cast<std::size_t>(b)] = idOf(std::string_view(&c, 1));
  }
  slots = 16;
  while (slots < merges.size() * 2) {
    slots *= 2;
  }
  merge_slots_.assign(slots, Merge{});
  int32_t rank = 0;
  std::string joined;
  for (const auto& [left, right] : merges) {
    const int32_t a = idOf(left);
    const int32_t b = idOf(right);
    joined.assign(left).append(right);
    const int32_t m = idOf(joined);
    if (a < 0 || b < 0 || m < 0) {
      throw std::invalid_argument("merge " + std::to_string(rank) +
                                  " refers to a token outside the vocabulary");
    }
    const uint64_t k = key(a, b);
    std::size_t h = hashKey(k) & (slots - 1);
    while (merge_slots_[h].key != kEmpty && merge_slots_[h].key != k) {
      h = (h + 1) & (slots - 1);
    }
    if (merge_slots_[h].key == kEmpty) {  // the first (lowest-rank) occurrence wins
      merge_slots_[h] = Merge{k, rank, m};
      ++merge_count_;
    }
    ++rank;
  }
}

int32_t BpeModel::idOf(std::string_view bytes) const {
  const std::size_t mask = vocab_slots_.size() - 1;
  for (std::size_t h = hashBytes(bytes) & mask;; h = (h + 1) & mask) {
    const int32_t id = vocab_slots_[h];
    if (id < 0) {
      return -1;
    }
    if (by_id_[static_cast<std::size_t>(id)] == bytes) {
      return id;
    }
  }
}

const BpeModel::Merge* BpeModel::findMerge(int32_t a, int32_t b) const {
  const uint64_t k = key(a, b);
  const std::size_t mask = merge_slots_.size() - 1;
  for (std::size_t h = hashKey(k) & mask;; h = (h + 1) & mask) {
    const Merge& m = merge_slots_[h];
    if (m.key == k) {
      return &m;
    }
    if (m.key == kEmpty) {
      return nullptr;
    }
  }
}

const std::string* BpeModel::bytesOf(int32_t id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= by_id_.size() || !has_id_[static_cast<std::size_t>(id)]) {
    return nullptr;
  }
  return &by_id_[static_cast<std::size_t>(id)];
}

void BpeModel::encodePiece(std::string_view piece, std::vector<int32_t>& out) const {
  if (piece.size() > kCacheMaxPieceBytes) {
    merge(piece, out);
    return;
  }
  thread_local std::string key_buf;
  key_buf.assign(piece.data(), piece.size());
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto it = cache_.find(key_buf);
    if (it != cache_.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
      return;
    }
  }
  const std::size_t start = out.size();
  merge(piece, out);
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() >= kCacheLimit) {
    cache_.clear();
  }
  cache_.emplace(key_buf, std::vector<int32_t>(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()));
}

// tokenizers models/bpe/word.rs merge_all: a min-heap of (rank, position); stale entries are
// skipped by re-checking the pair at that position.
void BpeModel::merge(std::string_view piece, std::vector<int32_t>& out) const {
  struct Symbol {
    int32_t id;
    int32_t prev;
    int32_t next;
  };
  thread_local std::vector<Symbol> sym;
  sym.clear();
  for (unsigned char ch : piece) {
    const int32_t id = byte_ids_[ch];
    if (id < 0) {
      continue;  // no byte_fallback and no unk token: the byte is dropped, as the reference does
    }
    const auto n = static_cast<int32_t>(sym.size());
    sym.push_back({id, n - 1, n + 1});
  }
  if (sym.empty()) {
    return;
  }
  sym.back().next = -1;
  if (sym.size() == 1) {
    out.push_back(sym[0].id);
    return;
  }
  struct Candidate {
    int32_t rank;
    int32_t pos;
    bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
  };
  thread_local std::vector<Candidate> heap;  // min-heap through std::greater
  heap.clear();
  auto consider = [&](int32_t pos) {
    if (pos < 0 || sym[static_cast<std::size_t>(pos)].next < 0) {
      return;
    }
    const Merge* m = findMerge(sym[static_cast<std::size_t>(pos)].id,
                               sym[static_cast<std::size_t>(sym[static_cast<std::size_t>(pos)].next)].id);
    if (m != nullptr) {
      heap.push_back({m->rank, pos});
      std::push_heap(heap.begin(), heap.end(), std::greater<Candidate>());
    }
  };
  for (int32_t i = 0; i + 1 < static_cast<int32_t>(sym.size()); ++i) {
    consider(i);
  }
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<Candidate>());
    const Candidate top = heap.back();
    heap.pop_back();
    Symbol& s = sym[static_cast<std::size_t>(top.pos)];
    if (s.id < 0 || s.next < 0) {
      continue;
    }
    Symbol& right = sym[static_cast<std::size_t>(s.next)];
    const Merge* m = findMerge(s.id, right.id);
    if (m == nullptr || m->rank != top.rank) {
      continue;  // stale: one side was merged since this candidate was pushed
    }
    s.id = m->merged;
    right.id = -1;
    s.next = right.next;
    if (s.next >= 0) {
      sym[static_cast<std::size_t>(s.next)].prev = top.pos;
    }
    consider(s.prev);
    consider(top.pos);
  }
  for (int32_t i = 0; i >= 0; i = sym[static_cast<std::size_t>(i)].next) {
    out.push_back(sym[static_cast<std::size_t>(i)].id);
  }
}

}  // namespace vs::tokenizer
