#include "inference/tokenizer/bpe_model.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace vs::tokenizer {

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
  // by_id_ is complete and never resized again, so views into it stay valid.
  by_bytes_.reserve(vocab.size() * 2);
  for (std::size_t id = 0; id < by_id_.size(); ++id) {
    if (has_id_[id] && !by_bytes_.emplace(by_id_[id], static_cast<int32_t>(id)).second) {
      throw std::invalid_argument("a vocabulary string appears twice");
    }
  }
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    byte_ids_[static_cast<std::size_t>(b)] = idOf(std::string_view(&c, 1));
  }
  merges_.reserve(merges.size() * 2);
  int32_t rank = 0;
  std::string joined;
  for (const auto& [left, right] : merges) {
    const int32_t a = idOf(left);
    const int32_t b = idOf(right);
    joined.assign(left).append(right);
    const int32_t m = idOf(joined);
    if (a < 0 || b < 0 || m < 0) {
      throw std::invalid_argument("merge " + std::to_string(rank) + " refers to a token outside the vocabulary");
    }
    merges_.emplace(key(a, b), Merge{rank, m});  // the first (lowest-rank) occurrence wins
    ++rank;
  }
}

int32_t BpeModel::idOf(std::string_view bytes) const {
  auto it = by_bytes_.find(bytes);
  return it == by_bytes_.end() ? -1 : it->second;
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
    auto it = merges_.find(key(sym[static_cast<std::size_t>(pos)].id,
                               sym[static_cast<std::size_t>(sym[static_cast<std::size_t>(pos)].next)].id));
    if (it != merges_.end()) {
      heap.push_back({it->second.rank, pos});
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
    auto it = merges_.find(key(s.id, right.id));
    if (it == merges_.end() || it->second.rank != top.rank) {
      continue;  // stale: one side was merged since this candidate was pushed
    }
    s.id = it->second.merged;
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
