#include "inference/tokenizer/unicode_data.h"

#include <algorithm>
#include <array>
#include <memory>

namespace vs::tokenizer {

namespace {

struct FlagRange {
  char32_t first;
  char32_t last;
  uint8_t flags;
};
struct CccRange {
  char32_t first;
  char32_t last;
  uint8_t ccc;
};
struct Decomposition {
  char32_t cp;
  uint16_t offset;
  uint8_t length;
};
struct Composition {
  char32_t first;
  char32_t second;
  char32_t composite;
};

#include "inference/tokenizer/unicode_tables.inc"

constexpr char32_t kMaxCp = 0x110000;

// One byte per code point (1.1 MB), built once from the range table: the pre-tokenizer asks for
// every character's class, so this must be a plain index.
const uint8_t* flagTable() {
  static const std::unique_ptr<uint8_t[]> table = [] {
    auto t = std::make_unique<uint8_t[]>(kMaxCp);
    std::fill(t.get(), t.get() + kMaxCp, uint8_t{0});
    for (const FlagRange& r : kFlagRanges) {
      std::fill(t.get() + r.first, t.get() + r.last + 1, r.flags);
    }
    return t;
  }();
  return table.get();
}

// Hangul syllable arithmetic (Unicode §3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

void decompose(char32_t cp, std::vector<char32_t>& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) {
      out.push_back(kTBase + s % kTCount);
    }
    return;
  }
  const auto* end = std::end(kDecompositions);
  const auto* it = std::lower_bound(std::begin(kDecompositions), end, cp,
                                    [](const Decomposition& d, char32_t c) { return d.cp < c; });
  if (it != end && it->cp == cp) {
    out.insert(out.end(), kDecompositionData + it->offset, kDecompositionData + it->offset + it->length);
  } else {
    out.push_back(cp);
  }
}

char32_t compose(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  const auto* end = std::end(kCompositions);
  const auto* it = std::lower_bound(std::begin(kCompositions), end, std::pair<char32_t, char32_t>{a, b},
                                    [](const Composition& c, const std::pair<char32_t, char32_t>& k) {
                                      return c.first != k.first ? c.first < k.first : c.second < k.second;
                                    });
  if (it != end && it->first == a && it->second == b) {
    return it->composite;
  }
  return 0;
}

}  // namespace

uint8_t charFlags(char32_t cp) {
  return cp < kMaxCp ? flagTable()[cp] : 0;
}

uint8_t combiningClass(char32_t cp) {
  const auto* end = std::end(kCccRanges);
  const auto* it = std::upper_bound(std::begin(kCccRanges), end, cp,
                                    [](char32_t c, const CccRange& r) { return c < r.first; });
  if (it == std::begin(kCccRanges)) {
    return 0;
  }
  --it;
  return cp <= it->last ? it->ccc : 0;
}

std::string_view unicodeVersion() {
  return kUnicodeVersion;
}

// Canonical decomposition, canonical ordering, canonical composition (UAX #15 §1.3, sample code
// of the composition algorithm).
bool nfcInPlace(std::vector<char32_t>& cps) {
  const uint8_t* table = flagTable();
  bool care = false;
  for (char32_t c : cps) {
    if (c < kMaxCp && (table[c] & kNfcCare) != 0) {
      care = true;
      break;
    }
  }
  if (!care) {
    return false;
  }
  std::vector<char32_t> d;
  d.reserve(cps.size() + 8);
  for (char32_t c : cps) {
    decompose(c, d);
  }
  // Stable sort of every run of non-starters by combining class.
  std::vector<uint8_t> ccc(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) {
    ccc[i] = combiningClass(d[i]);
  }
  for (std::size_t i = 1; i < d.size(); ++i) {
    for (std::size_t j = i; j > 0 && ccc[j] != 0 && ccc[j - 1] > ccc[j]; --j) {
      std::swap(d[j], d[j - 1]);
      std::swap(ccc[j], ccc[j - 1]);
    }
  }
  cps.clear();
  if (d.empty()) {
    return true;
  }
  std::size_t starter_pos = 0;
  cps.push_back(d[0]);
  int last_class = ccc[0] == 0 ? 0 : 256;
  for (std::size_t i = 1; i < d.size(); ++i) {
    const int ch_class = ccc[i];
    const char32_t composite = last_class == 256 ? 0 : compose(cps[starter_pos], d[i]);
    if (composite != 0 && (last_class < ch_class || last_class == 0)) {
      cps[starter_pos] = composite;
      continue;
    }
    if (ch_class == 0) {
      starter_pos = cps.size();
    }
    last_class = ch_class;
    cps.push_back(d[i]);
  }
  return true;
}

}  // namespace vs::tokenizer
