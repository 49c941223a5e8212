#include "inference/tokenizer/tokenizer.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <zlib.h>

#include "inference/base/error.h"
#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/qwen2_pre_tokenizer.h"
#include "inference/tokenizer/tokenizer_json_reader.h"
#include "inference/tokenizer/unicode_data.h"
#include "inference/tokenizer/utf8.h"

namespace vs::tokenizer {

namespace {

using json = nlohmann::json;

// tokenization_qwen2.py PRETOKENIZE_REGEX; the only Split pattern this tokenizer implements.
constexpr std::string_view kQwen2Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

[[noreturn]] void bad(const std::string& file, const std::string& key, const std::string& what) {
  throw inference::Error(inference::Error::Kind::InvalidData, file, key, what);
}

std::string typeOf(const json& j) {
  if (j.is_object()) {
    auto it = j.find("type");
    if (it != j.end() && it->is_string()) {
      return it->get<std::string>();
    }
  }
  return {};
}

void checkByteLevel(const json& j, const std::string& file, const std::string& key) {
  if (typeOf(j) != "ByteLevel") {
    bad(file, key, "unsupported: expected ByteLevel, found \"" + typeOf(j) + "\"");
  }
  if (j.value("add_prefix_space", false)) {
    bad(file, key + ".add_prefix_space", "unsupported: true");
  }
}

// normalizer: null, NFC, or a Sequence holding only NFC. Returns whether NFC applies.
bool readNormalizer(const json& root, const std::string& file) {
  auto it = root.find("normalizer");
  if (it == root.end() || it->is_null()) {
    return false;
  }
  const std::string type = typeOf(*it);
  if (type == "NFC") {
    return true;
  }
  if (type == "Sequence" && it->contains("normalizers") && (*it)["normalizers"].is_array()) {
    bool nfc = false;
    for (const json& n : (*it)["normalizers"]) {
      if (typeOf(n) != "NFC") {
        bad(file, "normalizer", "unsupported normalizer \"" + typeOf(n) + "\"");
      }
      nfc = true;
    }
    return nfc;
  }
  bad(file, "normalizer", "unsupported normalizer \"" + type + "\"");
}

void checkPreTokenizer(const json& root, const std::string& file) {
  auto it = root.find("pre_tokenizer");
  if (it == root.end() || typeOf(*it) != "Sequence" || !it->contains("pretokenizers") ||
      !(*it)["pretokenizers"].is_array() || (*it)["pretokenizers"].size() != 2) {
    bad(file, "pre_tokenizer", "unsupported: expected Sequence[Split(Qwen2 regex), ByteLevel]");
  }
  const json& split = (*it)["pretokenizers"][0];
  const json* pattern = nullptr;
  if (typeOf(split) == "Split" && split.contains("pattern") && split["pattern"].is_object()) {
    auto r = split["pattern"].find("Regex");
    if (r != split["pattern"].end() && r->is_string()) {
      pattern = &*r;
    }
  }
  if (pattern == nullptr || pattern->get<std::string>() != kQwen2Pattern) {
    bad(file, "pre_tokenizer.pretokenizers[0]", "unsupported: not the Qwen2 Split regex");
  }
  if (split.value("behavior", std::string()) != "Isolated" || split.value("invert", false)) {
    bad(file, "pre_tokenizer.pretokenizers[0]", "unsupported Split behavior");
  }
  const json& bl = (*it)["pretokenizers"][1];
  checkByteLevel(bl, file, "pre_tokenizer.pretokenizers[1]");
  if (bl.value("use_regex", true)) {
    bad(file, "pre_tokenizer.pretokenizers[1].use_regex", "unsupported: true");
  }
}

std::string decodeVocabEntry(const std::string& token, const std::string& file, const std::string& key) {
  std::optional<std::string> bytes = byteLevelToBytes(token);
  if (!bytes) {
    bad(file, key, "vocabulary entry \"" + token + "\" is outside the byte-level alphabet");
  }
  return std::move(*bytes);
}

// tokenizer.json.gz (as shipped in resources/tokenizer/).
std::string gunzip(const std::string& packed, const std::string& file) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    throw inference::Error(inference::Error::Kind::Io, file, "", "zlib initialisation failed");
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::string out;
  std::string buf(1 << 16, '\0');
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      bad(file, "", "damaged gzip data");
    }
    out.append(buf.data(), buf.size() - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

}  // namespace

std::string readTokenizerText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw inference::Error(inference::Error::Kind::Io, path, "", "cannot open");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.size() >= 2 && static_cast<uint8_t>(text[0]) == 0x1f && static_cast<uint8_t>(text[1]) == 0x8b) {
    text = gunzip(text, path);
  }
  return text;
}

std::unique_ptr<Tokenizer> Tokenizer::fromFile(const std::string& path) {
  return fromJson(readTokenizerText(path), path);
}

std::unique_ptr<Tokenizer> Tokenizer::fromJson(std::string_view json_text, const std::string& file) {
  TokenizerJson parsed = readTokenizerJson(json_text, file);
  const json& root = parsed.rest;
  std::unique_ptr<Tokenizer> t(new Tokenizer());
  t->nfc_ = readNormalizer(root, file);
  checkPreTokenizer(root, file);
  if (auto d = root.find("decoder"); d != root.end() && !d->is_null()) {
    checkByteLevel(*d, file, "decoder");
  }

  auto m = root.find("model");
  if (m == root.end() || !m->is_object()) {
    bad(file, "model", "missing");
  }
  if (typeOf(*m) != "BPE" && !typeOf(*m).empty()) {
    bad(file, "model.type", "unsupported model \"" + typeOf(*m) + "\"");
  }
  if (m->value("byte_fallback", false)) {
    bad(file, "model.byte_fallback", "unsupported: true");
  }
  if (!parsed.has_vocab) {
    bad(file, "model.vocab", "missing or not an object");
  }
  std::vector<std::pair<std::string, int32_t>> vocab;
  vocab.reserve(parsed.vocab.size());
  for (auto& [token, id] : parsed.vocab) {
    if (id < 0 || id > INT32_MAX) {
      bad(file, "model.vocab", "id of \"" + token + "\" is not a non-negative integer");
    }
    vocab.emplace_back(decodeVocabEntry(token, file, "model.vocab"), static_cast<int32_t>(id));
  }
  parsed.vocab = {};
  if (!parsed.has_merges) {
    bad(file, "model.merges", "missing or not a list");
  }
  // Merges are "a b" strings in older files and ["a", "b"] pairs in newer ones (both read above).
  std::vector<std::pair<std::string, std::string>> merges;
  merges.reserve(parsed.merges.size());
  for (std::size_t i = 0; i < parsed.merges.size(); ++i) {
    const std::string key = "model.merges[" + std::to_string(i) + "]";
    merges.emplace_back(decodeVocabEntry(parsed.merges[i].first, file, key),
                        decodeVocabEntry(parsed.merges[i].second, file, key));
  }
  parsed.merges = {};
  try {
    t->bpe_ = std::make_unique<BpeModel>(std::move(vocab), merges);
  } catch (const std::invalid_argument& e) {
    bad(file, "model", e.what());
  }

  if (auto a = root.find("added_tokens"); a != root.end() && a->is_array()) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const json& e = (*a)[i];
      const std::string key = "added_tokens[" + std::to_string(i) + "]";
      if (!e.is_object() || !e.contains("id") || !e["id"].is_number_integer() || !e.contains("content") ||
          !e["content"].is_string()) {
        bad(file, key, "needs an integer id and a string content");
      }
      AddedToken tok;
      tok.id = static_cast<int32_t>(e["id"].get<int64_t>());
      tok.content = e["content"].get<std::string>();
      tok.special = e.value("special", false);
      if (e.value("lstrip", false) || e.value("rstrip", false) || e.value("single_word", false)) {
        bad(file, key, "lstrip/rstrip/single_word added tokens are not supported");
      }
      if (!isValidUtf8(tok.content) || tok.content.empty()) {
        bad(file, key, "content is empty or not UTF-8");
      }
      // The ByteLevel decoder maps an added token's characters back to bytes when they all lie in
      // the alphabet, else keeps its UTF-8 (tokenizers decoders/byte_level.rs).
      std::optional<std::string> decoded = byteLevelToBytes(tok.content);
      t->added_by_id_[tok.id] = t->added_.tokens().size();
      t->added_decoded_.push_back(decoded ? *decoded : tok.content);
      t->added_.add(std::move(tok));
    }
  }
  return t;
}

std::vector<int32_t> Tokenizer::encode(std::string_view text) const {
  std::vector<int32_t> out;
  out.reserve(text.size() / 3 + 4);
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t pos = 0;
    const int idx = added_.find(text, from, pos);
    if (idx < 0) {
      encodeText(text.substr(from), out);
      break;
    }
    if (pos > from) {
      encodeText(text.substr(from, pos - from), out);
    }
    const AddedToken& tok = added_.tokens()[static_cast<std::size_t>(idx)];
    out.push_back(tok.id);
    from = pos + tok.content.size();
  }
  return out;
}

void Tokenizer::encodeText(std::string_view text, std::vector<int32_t>& out) const {
  thread_local std::vector<char32_t> cps;
  thread_local std::vector<uint8_t> flags;
  thread_local std::vector<std::size_t> offsets;  // byte offset of each code point, plus the end
  thread_local std::vector<std::size_t> ends;
  thread_local std::string normalized;
  cps.clear();
  offsets.clear();
  bool replaced = false;
  for (std::size_t i = 0; i < text.size();) {
    offsets.push_back(i);
    const std::size_t start = i;
    const char32_t cp = decodeUtf8(text, i);
    replaced |= cp == 0xFFFD && !(i - start == 3 && static_cast<uint8_t>(text[start]) == 0xEF);
    cps.push_back(cp);
  }
  offsets.push_back(text.size());
  std::string_view bytes = text;
  if ((nfc_ && nfcInPlace(cps)) || replaced) {
    // The code points changed: re-encode them and their offsets.
    normalized.clear();
    offsets.clear();
    for (char32_t c : cps) {
      offsets.push_back(normalized.size());
      appendUtf8(normalized, c);
    }
    offsets.push_back(normalized.size());
    bytes = normalized;
  }
  flags.resize(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    flags[i] = charFlags(cps[i]);
  }
  ends.clear();
  qwen2PreTokenize(cps.data(), flags.data(), cps.size(), ends);
  std::size_t begin = 0;
  for (std::size_t end : ends) {
    bpe_->encodePiece(bytes.substr(offsets[begin], offsets[end] - offsets[begin]), out);
    begin = end;
  }
}

std::string Tokenizer::decode(const std::vector<int32_t>& ids, SpecialTokens special) const {
  std::string bytes;
  for (int32_t id : ids) {
    auto a = added_by_id_.find(id);
    if (a != added_by_id_.end()) {
      if (special == SpecialTokens::Skip && added_.tokens()[a->second].special) {
        continue;
      }
      bytes += added_decoded_[a->second];
      continue;
    }
    if (const std::string* b = bpe_->bytesOf(id)) {
      bytes += *b;
    }
  }
  return utf8Lossy(bytes);
}

std::optional<int32_t> Tokenizer::tokenToId(std::string_view token) const {
  for (const AddedToken& a : added_.tokens()) {
    if (a.content == token) {
      return a.id;
    }
  }
  std::optional<std::string> bytes = byteLevelToBytes(token);
  if (!bytes) {
    return std::nullopt;
  }
  const int32_t id = bpe_->idOf(*bytes);
  return id < 0 ? std::nullopt : std::optional<int32_t>(id);
}

std::optional<std::string> Tokenizer::idToToken(int32_t id) const {
  auto a = added_by_id_.find(id);
  if (a != added_by_id_.end()) {
    return added_.tokens()[a->second].content;
  }
  const std::string* b = bpe_->bytesOf(id);
  if (b == nullptr) {
    return std::nullopt;
  }
  std::string s;
  for (unsigned char c : *b) {
    appendUtf8(s, byteToUnicode(c));
  }
  return s;
}

bool Tokenizer::isSpecial(int32_t id) const {
  auto a = added_by_id_.find(id);
  return a != added_by_id_.end() && added_.tokens()[a->second].special;
}

std::size_t Tokenizer::size() const {
  return bpe_->vocabSize() + added_.tokens().size();
}

}  // namespace vs::tokenizer
