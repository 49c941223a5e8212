#include "inference/checkpoint/config_reader.h"

#include <nlohmann/json.hpp>
#include <numeric>

#include "inference/safetensors/load_error.h"

namespace vs::checkpoint {

namespace {

using json = nlohmann::json;
using vs::inference::LoadError;

[[noreturn]] void bad(const std::string& file, const std::string& key, const std::string& what) {
  throw LoadError(LoadError::Kind::InvalidData, file, key, what);
}

json parseObject(const std::string& text, const std::string& file) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    bad(file, "", std::string("not valid JSON: ") + e.what());
  }
  if (!j.is_object()) {
    bad(file, "", "not a JSON object");
  }
  return j;
}

// Looks a key up in a list of scopes (first hit wins) and reports errors with the dotted path of
// the scope it came from.
class Scopes {
 public:
  Scopes(std::string file, std::vector<std::pair<std::string, const json*>> scopes)
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
      bad(file_, pathOf(key), "missing");
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
      bad(file_, pathOf(key), "missing");
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
      bad(file_, path, "must be true or false");
    }
    return v->get<bool>();
  }
  std::string optionalString(const std::string& key, const std::string& fallback) const {
    auto [v, path] = find(key);
    if (v == nullptr) {
      return fallback;
    }
    if (!v->is_string()) {
      bad(file_, path, "must be a string");
    }
    return v->get<std::string>();
  }
  std::vector<int64_t> intList(const json& v, const std::string& path) const {
    if (!v.is_array()) {
      bad(file_, path, "must be a list of integers");
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
    bad(file_, path, "must be an integer");
  }
  double asDouble(const json& v, const std::string& path) const {
    if (!v.is_number()) {
      bad(file_, path, "must be a number");
    }
    return v.get<double>();
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<std::pair<std::string, const json*>> scopes_;
};

void requirePositive(const std::string& file, const std::string& key, int64_t v) {
  if (v <= 0) {
    bad(file, key, "must be positive, got " + std::to_string(v));
  }
}

void readRope(const Scopes& text, Qwen25VLTextConfig& t) {
  const std::string& file = text.file();
  // v5: rope_parameters {rope_type, rope_theta, mrope_section}
  if (auto [rp, rp_path] = text.find("rope_parameters"); rp != nullptr) {
    if (!rp->is_object()) {
      bad(file, rp_path, "must be an object");
    }
    Scopes r(file, {{rp_path, rp}});
    t.rope_theta = r.optionalDouble("rope_theta", text.optionalDouble("rope_theta", t.rope_theta));
    t.rope_type = r.optionalString("rope_type", r.optionalString("type", "default"));
    auto [ms, ms_path] = r.find("mrope_section");
    if (ms == nullptr) {
      bad(file, rp_path + ".mrope_section", "missing");
    }
    t.mrope_section = r.intList(*ms, ms_path);
    return;
  }
  // 4.x: rope_scaling {type|rope_type, mrope_section} + top-level rope_theta.
  t.rope_theta = text.requiredDouble("rope_theta");
  auto [rs, rs_path] = text.find("rope_scaling");
  if (rs == nullptr) {
    bad(file, text.pathOf("rope_scaling"), "missing (needs mrope_section)");
  }
  if (!rs->is_object()) {
    bad(file, rs_path, "must be an object");
  }
  Scopes r(file, {{rs_path, rs}});
  // "rope_type" wins over the legacy "type" (transformers rope_config_validation).
  t.rope_type = r.optionalString("rope_type", r.optionalString("type", "default"));
  auto [ms, ms_path] = r.find("mrope_section");
  if (ms == nullptr) {
    bad(file, rs_path + ".mrope_section", "missing");
  }
  t.mrope_section = r.intList(*ms, ms_path);
}

}  // namespace

Qwen25VLConfig parseQwen25VLConfig(const std::string& text, const std::string& file) {
  const json root = parseObject(text, file);
  Qwen25VLConfig c;
  if (auto it = root.find("model_type"); it != root.end() && it->is_string()) {
    c.model_type = it->get<std::string>();
  }
  if (!c.model_type.empty() && c.model_type != "qwen2_5_vl" && c.model_type != "qwen2_vl") {
    bad(file, "model_type", "\"" + c.model_type + "\" is not a Qwen2.5-VL model");
  }
  if (root.contains("torch_dtype") && root["torch_dtype"].is_string()) {
    c.torch_dtype = root["torch_dtype"].get<std::string>();
  } else if (root.contains("dtype") && root["dtype"].is_string()) {
    c.torch_dtype = root["dtype"].get<std::string>();
  }

  // Text fields: "text_config" (>= 4.52 saves, v5) wins over the top level, which older files use;
  // 4.52+ Qwen2_5_VLConfig builds text_config from the sub-dict when present.
  const json* text_cfg = nullptr;
  if (auto it = root.find("text_config"); it != root.end() && !it->is_null()) {
    if (!it->is_object()) {
      bad(file, "text_config", "must be an object");
    }
    text_cfg = &*it;
  }
  const Scopes tx(
      file, text_cfg != nullptr
                ? std::vector<std::pair<std::string, const json*>>{{"text_config", text_cfg}, {"", &root}}
                : std::vector<std::pair<std::string, const json*>>{{"", &root}});
  Qwen25VLTextConfig& t = c.text;
  t.vocab_size = tx.requiredInt("vocab_size");
  t.hidden_size = tx.requiredInt("hidden_size");
  t.intermediate_size = tx.requiredInt("intermediate_size");
  t.num_hidden_layers = tx.requiredInt("num_hidden_layers");
  t.num_attention_heads = tx.requiredInt("num_attention_heads");
  t.num_key_value_heads = tx.optionalInt("num_key_value_heads", t.num_attention_heads);
  t.rms_norm_eps = tx.requiredDouble("rms_norm_eps");
  t.hidden_act = tx.optionalString("hidden_act", "silu");
  t.max_position_embeddings = tx.optionalInt("max_position_embeddings", 128000);
  t.attention_dropout = tx.optionalDouble("attention_dropout", 0.0);
  t.tie_word_embeddings = tx.optionalBool("tie_word_embeddings", false);
  for (const auto& [key, v] : {std::pair<const char*, int64_t>{"vocab_size", t.vocab_size},
                               {"hidden_size", t.hidden_size},
                               {"intermediate_size", t.intermediate_size},
                               {"num_hidden_layers", t.num_hidden_layers},
                               {"num_attention_heads", t.num_attention_heads},
                               {"num_key_value_heads", t.num_key_value_heads}}) {
    requirePositive(file, tx.pathOf(key), v);
  }
  if (t.hidden_size % t.num_attention_heads != 0) {
    bad(file, tx.pathOf("num_attention_heads"), "does not divide hidden_size");
  }
  if (t.num_attention_heads % t.num_key_value_heads != 0) {
    bad(file, tx.pathOf("num_key_value_heads"), "does not divide num_attention_heads");
  }
  t.head_dim = tx.optionalInt("head_dim", t.hidden_size / t.num_attention_heads);
  requirePositive(file, tx.pathOf("head_dim"), t.head_dim);
  readRope(tx, t);
  const int64_t sections = std::accumulate(t.mrope_section.begin(), t.mrope_section.end(), int64_t{0});
  if (t.mrope_section.size() != 3 || sections * 2 != t.head_dim) {
    bad(file, "mrope_section",
        "must be 3 sections summing to head_dim/2 (" + std::to_string(t.head_dim / 2) + ")");
  }

  // Token ids: top level in every known layout; text_config as a fallback.
  const Scopes ids(file, {{"", &root}, {"text_config", text_cfg}});
  Qwen25VLTokenIds& k = c.tokens;
  k.bos_token_id = ids.optionalInt("bos_token_id", k.bos_token_id);
  if (auto [eos, eos_path] = ids.find("eos_token_id"); eos != nullptr) {
    k.eos_token_id = eos->is_array() ? (eos->empty() ? k.eos_token_id : ids.asInt((*eos)[0], eos_path))
                                     : ids.asInt(*eos, eos_path);
  }
  k.image_token_id = ids.requiredInt("image_token_id");
  k.video_token_id = ids.requiredInt("video_token_id");
  k.vision_start_token_id = ids.requiredInt("vision_start_token_id");
  k.vision_end_token_id = ids.requiredInt("vision_end_token_id");
  k.vision_token_id = ids.optionalInt("vision_token_id", k.vision_token_id);

  auto vit = root.find("vision_config");
  if (vit == root.end() || !vit->is_object()) {
    bad(file, "vision_config", "missing or not an object");
  }
  const Scopes vs(file, {{"vision_config", &*vit}});
  Qwen25VLVisionConfig& v = c.vision;
  v.depth = vs.requiredInt("depth");
  v.hidden_size = vs.requiredInt("hidden_size");
  v.num_heads = vs.requiredInt("num_heads");
  v.out_hidden_size = vs.requiredInt("out_hidden_size");
  v.intermediate_size = vs.optionalInt("intermediate_size", 3420);
  v.hidden_act = vs.optionalString("hidden_act", "silu");
  v.patch_size = vs.optionalInt("patch_size", vs.optionalInt("spatial_patch_size", 14));
  v.temporal_patch_size = vs.optionalInt("temporal_patch_size", 2);
  v.spatial_merge_size = vs.optionalInt("spatial_merge_size", 2);
  v.window_size = vs.optionalInt("window_size", 112);
  v.in_channels = vs.optionalInt("in_channels", vs.optionalInt("in_chans", 3));
  // Missing => Qwen2_5_VLVisionConfig's default (4), as transformers would run it.
  v.tokens_per_second = vs.optionalDouble("tokens_per_second", 4.0);
  v.fullatt_block_indexes = vs.optionalIntList("fullatt_block_indexes", {7, 15, 23, 31});
  for (const auto& [key, val] : {std::pair<const char*, int64_t>{"depth", v.depth},
                                 {"hidden_size", v.hidden_size},
                                 {"num_heads", v.num_heads},
                                 {"out_hidden_size", v.out_hidden_size},
                                 {"intermediate_size", v.intermediate_size},
                                 {"patch_size", v.patch_size},
                                 {"temporal_patch_size", v.temporal_patch_size},
                                 {"spatial_merge_size", v.spatial_merge_size},
                                 {"window_size", v.window_size},
                                 {"in_channels", v.in_channels}}) {
    requirePositive(file, vs.pathOf(key), val);
  }
  if (v.hidden_size % v.num_heads != 0) {
    bad(file, "vision_config.num_heads", "does not divide hidden_size");
  }
  for (int64_t i : v.fullatt_block_indexes) {
    if (i < 0 || i >= v.depth) {
      bad(file, "vision_config.fullatt_block_indexes", "index " + std::to_string(i) + " outside 0..depth-1");
    }
  }
  if (v.out_hidden_size != t.hidden_size) {
    bad(file, "vision_config.out_hidden_size", "differs from the text hidden_size");
  }
  return c;
}

GenerationConfig parseGenerationConfig(const std::string& text, const std::string& file) {
  const json root = parseObject(text, file);
  const Scopes s(file, {{"", &root}});
  GenerationConfig g;
  g.present = true;
  g.do_sample = s.optionalBool("do_sample", false);
  g.has_temperature = s.find("temperature").first != nullptr;
  g.temperature = s.optionalDouble("temperature", 1.0);
  g.has_top_k = s.find("top_k").first != nullptr;
  g.top_k = s.optionalInt("top_k", 50);
  g.has_top_p = s.find("top_p").first != nullptr;
  g.top_p = s.optionalDouble("top_p", 1.0);
  g.has_repetition_penalty = s.find("repetition_penalty").first != nullptr;
  g.repetition_penalty = s.optionalDouble("repetition_penalty", 1.0);
  if (auto [v, p] = s.find("max_new_tokens"); v != nullptr) {
    g.max_new_tokens = s.asInt(*v, p);
  }
  if (auto [v, p] = s.find("pad_token_id"); v != nullptr) {
    g.pad_token_id = s.asInt(*v, p);
  }
  if (auto [v, p] = s.find("bos_token_id"); v != nullptr) {
    g.bos_token_id = s.asInt(*v, p);
  }
  if (auto [v, p] = s.find("eos_token_id"); v != nullptr) {
    g.eos_token_ids = v->is_array() ? s.intList(*v, p) : std::vector<int64_t>{s.asInt(*v, p)};
  }
  return g;
}

PreprocessorConfig parsePreprocessorConfig(const std::string& text, const std::string& file) {
  const json root = parseObject(text, file);
  const Scopes s(file, {{"", &root}});
  PreprocessorConfig p;
  p.present = true;
  // Newer saves carry the pixel bounds as size {shortest_edge, longest_edge} as well or instead.
  const json* size = nullptr;
  if (auto it = root.find("size"); it != root.end() && it->is_object()) {
    size = &*it;
  }
  const Scopes sz(file, {{"size", size}});
  p.min_pixels = s.optionalInt("min_pixels", sz.optionalInt("shortest_edge", p.min_pixels));
  p.max_pixels = s.optionalInt("max_pixels", sz.optionalInt("longest_edge", p.max_pixels));
  p.patch_size = s.optionalInt("patch_size", p.patch_size);
  p.temporal_patch_size = s.optionalInt("temporal_patch_size", p.temporal_patch_size);
  p.merge_size = s.optionalInt("merge_size", p.merge_size);
  p.do_resize = s.optionalBool("do_resize", p.do_resize);
  p.do_rescale = s.optionalBool("do_rescale", p.do_rescale);
  p.rescale_factor = s.optionalDouble("rescale_factor", p.rescale_factor);
  p.do_normalize = s.optionalBool("do_normalize", p.do_normalize);
  p.image_processor_type = s.optionalString("image_processor_type", p.image_processor_type);
  for (const char* key : {"image_mean", "image_std"}) {
    auto [v, path] = s.find(key);
    if (v == nullptr) {
      continue;
    }
    if (!v->is_array() || v->size() != 3) {
      bad(file, path, "must be a list of 3 numbers");
    }
    auto& dst = std::string(key) == "image_mean" ? p.image_mean : p.image_std;
    for (std::size_t i = 0; i < 3; ++i) {
      dst[i] = s.asDouble((*v)[i], path + "[" + std::to_string(i) + "]");
    }
  }
  if (p.min_pixels <= 0 || p.max_pixels < p.min_pixels) {
    bad(file, "max_pixels", "pixel bounds must satisfy 0 < min_pixels <= max_pixels");
  }
  for (double sd : p.image_std) {
    if (!(sd > 0)) {
      bad(file, "image_std", "must be positive");
    }
  }
  return p;
}

}  // namespace vs::checkpoint
