#include "inference/tokenizer/tokenizer_json_reader.h"

#include "inference/base/error.h"

namespace vs::tokenizer {

namespace {

using json = nlohmann::json;

class Reader : public json::json_sax_t {
 public:
  explicit Reader(TokenizerJson& out) : out_(out) {}

  std::string error_key;
  std::string error;

  bool null() override { return value(json(nullptr)); }
  bool boolean(bool v) override { return value(json(v)); }
  bool number_integer(number_integer_t v) override {
    if (top() == Mode::Vocab) {
      out_.vocab.emplace_back(std::move(vocab_key_), v);
      return true;
    }
    return value(json(v));
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (top() == Mode::Vocab) {
      if (v > static_cast<number_unsigned_t>(INT64_MAX)) {
        return fail("model.vocab", "id out of range");
      }
      out_.vocab.emplace_back(std::move(vocab_key_), static_cast<int64_t>(v));
      return true;
    }
    return value(json(v));
  }
  bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
  bool string(string_t& v) override {
    switch (top()) {
      case Mode::Merges: {
        const std::size_t sp = v.find(' ');
        if (sp == std::string::npos || sp == 0 || sp + 1 >= v.size() ||
            v.find(' ', sp + 1) != std::string::npos) {
          return fail(mergeKey(), "not \"left right\"");
        }
        out_.merges.emplace_back(v.substr(0, sp), v.substr(sp + 1));
        return true;
      }
      case Mode::MergePair:
        pair_.push_back(std::move(v));
        return pair_.size() <= 2 || fail(mergeKey(), "not a merge pair");
      default:
        return value(json(std::move(v)));
    }
  }
  bool binary(binary_t&) override { return fail("", "binary values are not JSON"); }

  bool start_object(std::size_t) override {
    if (stack_.empty()) {
      out_.rest = json::object();
      stack_.push_back({Mode::Dom, &out_.rest, ""});
      return true;
    }
    if (top() == Mode::Dom && atModel("vocab")) {
      out_.has_vocab = true;
      stack_.push_back({Mode::Vocab, nullptr, "vocab"});
      return true;
    }
    if (top() != Mode::Dom) {
      return fail(top() == Mode::Vocab ? "model.vocab" : mergeKey(), "unexpected object");
    }
    json* node = insert(json::object());
    stack_.push_back({Mode::Dom, node, key_});
    return true;
  }
  bool key(string_t& k) override {
    if (top() == Mode::Vocab) {
      vocab_key_ = std::move(k);
    } else {
      key_ = std::move(k);
    }
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    if (stack_.empty()) {
      return fail("", "not a JSON object");
    }
    if (top() == Mode::Dom && atModel("merges")) {
      out_.has_merges = true;
      stack_.push_back({Mode::Merges, nullptr, "merges"});
      return true;
    }
    if (top() == Mode::Merges) {
      pair_.clear();
      stack_.push_back({Mode::MergePair, nullptr, ""});
      return true;
    }
    if (top() != Mode::Dom) {
      return fail(top() == Mode::Vocab ? "model.vocab" : mergeKey(), "unexpected list");
    }
    json* node = insert(json::array());
    stack_.push_back({Mode::Dom, node, key_});
    return true;
  }
  bool end_array() override {
    if (top() == Mode::MergePair) {
      if (pair_.size() != 2) {
        return fail(mergeKey(), "not a merge pair");
      }
      out_.merges.emplace_back(std::move(pair_[0]), std::move(pair_[1]));
    }
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return fail("", std::string("not valid JSON: ") + e.what());
  }

 private:
  enum class Mode { Dom, Vocab, Merges, MergePair };
  struct Frame {
    Mode mode;
    json* node;
    std::string name;  // key under which this container sits in its parent
  };

  Mode top() const { return stack_.empty() ? Mode::Dom : stack_.back().mode; }
  // True when the next container is root.model.<name>.
  bool atModel(const char* name) const {
    return stack_.size() == 2 && stack_[1].name == "model" && key_ == name;
  }
  std::string mergeKey() const { return "model.merges[" + std::to_string(out_.merges.size()) + "]"; }

  json* insert(json v) {
    json* parent = stack_.back().node;
    if (parent->is_object()) {
      json& slot = (*parent)[key_];
      slot = std::move(v);
      return &slot;
    }
    parent->push_back(std::move(v));
    return &parent->back();
  }
  bool value(json v) {
    if (stack_.empty()) {
      return fail("", "not a JSON object");
    }
    if (top() == Mode::Vocab) {
      return fail("model.vocab", "id of \"" + vocab_key_ + "\" is not an integer");
    }
    if (top() == Mode::Merges || top() == Mode::MergePair) {
      return fail(mergeKey(), "not a merge pair");
    }
    insert(std::move(v));
    return true;
  }
  bool fail(std::string key, std::string what) {
    if (error.empty()) {
      error_key = std::move(key);
      error = std::move(what);
    }
    return false;
  }

  TokenizerJson& out_;
  std::vector<Frame> stack_;
  std::string key_;
  std::string vocab_key_;
  std::vector<std::string> pair_;
};

}  // namespace

TokenizerJson readTokenizerJson(std::string_view text, const std::string& file) {
  TokenizerJson out;
  out.vocab.reserve(160000);
  out.merges.reserve(160000);
  Reader reader(out);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &reader);
  } catch (const json::exception& e) {
    throw inference::Error(inference::Error::Kind::InvalidData, file, "",
                           std::string("not valid JSON: ") + e.what());
  }
  if (!ok) {
    throw inference::Error(inference::Error::Kind::InvalidData, file, reader.error_key,
                           reader.error.empty() ? "not valid JSON" : reader.error);
  }
  return out;
}

}  // namespace vs::tokenizer
