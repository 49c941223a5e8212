#pragma once
// Reading typed fields out of a checkpoint's JSON files (config.json, generation_config.json,
// preprocessor_config.json) with errors that name the file and the dotted key.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "inference/base/error.h"

namespace vs::inference {

// Throws Error(InvalidData, file, key, what).
[[noreturn]] inline void badField(const std::string& file, const std::string& key, const std::string& what) {
  throw Error(Error::Kind::InvalidData, file, key, what);
}

// `text` parsed as one JSON object; throws Error(InvalidData) naming `file`.
inline nlohmann::json parseJsonObject(const std::string& text, const std::string& file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    badField(file, "", std::string("not valid JSON: ") + e.what());
  }
  if (!j.is_object()) {
    badField(file, "", "not a JSON object");
  }
  return j;
}

// Looks a key up in a list of scopes (first hit wins) and reports errors with the dotted path of
// the scope it came from.
class JsonScopes {
 public:
  using json = nlohmann::json;

  JsonScopes(std::string file, std::vector<std::pair<std::string, const json*>> scopes)
      : file_(std::move(file)), scopes_(std::move(scopes)) {}

  // The value and its dotted path, or {nullptr, ""}.
  std::pair<const json*, std::string> find(const std::string& key) const {
    for (const auto& [prefix, obj] : scopes_) {
      if (obj != nullptr && obj->is_object()) {
        auto it = obj->find(key);
        if (it != obj->end() && !it->is_null()) {
          return {&*it, prefix.empty() ? key : prefix + "." + key};
        }
      }
    }
    return {nullptr, ""};
  }

  std::string pathOf(const std::string& key) const {
    const std::string& prefix = scopes_.front().first;
    return prefix.empty() ? key : prefix + "." + key;
  }

  int64_t requiredInt(const std::string& key) const {
    auto [v, path] = find(key);
    if (v == nullptr) {
      badField(file_, pathOf(key), "missing");
    }
    return asInt(*v, path);
  }
  int64_t optionalInt(const std::string& key, int64_t fallback) const {
    auto [v, path] = find(key);
    return v == nullptr ? fallback : asInt(*v, path);
  }
  double requiredDouble(const std::string& key) const {
    auto [v, path] = find(key);
    if (v == nullptr) {
      badField(file_, pathOf(key), "missing");
    }
    return asDouble(*v, path);
  }
  double optionalDouble(const std::string& key, double fallback) const {
    auto [v, path] = find(key);
    return v == nullptr ? fallback : asDouble(*v, path);
  }
  bool optionalBool(const std::string& key, bool fallback) const {
    auto [v, path] = find(key);
    if (v == nullptr) {
      return fallback;
    }
    if (!v->is_boolean()) {
      badField(file_, path, "must be true or false");
    }
    return v->get<bool>();
  }
  std::string optionalString(const std::string& key, const std::string& fallback) const {
    auto [v, path] = find(key);
    if (v == nullptr) {
      return fallback;
    }
    if (!v->is_string()) {
      badField(file_, path, "must be a string");
    }
    return v->get<std::string>();
  }
  std::vector<int64_t> intList(const json& v, const std::string& path) const {
    if (!v.is_array()) {
      badField(file_, path, "must be a list of integers");
    }
    std::vector<int64_t> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      out.push_back(asInt(v[i], path + "[" + std::to_string(i) + "]"));
    }
    return out;
  }
  std::vector<int64_t> optionalIntList(const std::string& key, std::vector<int64_t> fallback) const {
    auto [v, path] = find(key);
    return v == nullptr ? fallback : intList(*v, path);
  }

  int64_t asInt(const json& v, const std::string& path) const {
    if (v.is_number_integer()) {
      return v.get<int64_t>();
    }
    // 2.0 is written by some exporters for integer fields.
    if (v.is_number_float() &&
        v.get<double>() == static_cast<double>(static_cast<int64_t>(v.get<double>()))) {
      return static_cast<int64_t>(v.get<double>());
    }
    badField(file_, path, "must be an integer");
  }
  double asDouble(const json& v, const std::string& path) const {
    if (!v.is_number()) {
      badField(file_, path, "must be a number");
    }
    return v.get<double>();
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::pair<std::string, const json*>> scopes_;
};

}  // namespace vs::inference
