#include "inference/checkpoint/config_reader.h"

#include <nlohmann/json.hpp>
#include <numeric>

#include "inference/base/json_fields.h"

namespace vs::checkpoint {

namespace {

using json = nlohmann::json;
using inference::badField;
using inference::JsonScopes;
using inference::parseJsonObject;

void requirePositive(const std::string& file, const std::string& key, int64_t v) {
  if (v <= 0) {
    badField(file, key, "must be positive, got " + std::to_string(v));
  }
}

void readRope(const JsonScopes& text, Qwen25VLTextConfig& t) {
  const std::string& file = text.file();
  // v5: rope_parameters {rope_type, rope_theta, mrope_section}
  if (auto [rp, rp_path] = text.find("rope_parameters"); rp != nullptr) {
    if (!rp->is_object()) {
      badField(file, rp_path, "must be an object");
    }
    JsonScopes r(file, {{rp_path, rp}});
    t.rope_theta = r.optionalDouble("rope_theta", text.optionalDouble("rope_theta", t.rope_theta));
    t.rope_type = r.optionalString("rope_type", r.optionalString("type", "default"));
    auto [ms, ms_path] = r.find("mrope_section");
    if (ms == nullptr) {
      badField(file, rp_path + ".mrope_section", "missing");
    }
    t.mrope_section = r.intList(*ms, ms_path);
    return;
  }
  // 4.x: rope_scaling {type|rope_type, mrope_section} + top-level rope_theta.
  t.rope_theta = text.requiredDouble("rope_theta");
  auto [rs, rs_path] = text.find("rope_scaling");
  if (rs == nullptr) {
    badField(file, text.pathOf("rope_scaling"), "missing (needs mrope_section)");
  }
  if (!rs->is_object()) {
    badField(file, rs_path, "must be an object");
  }
  JsonScopes r(file, {{rs_path, rs}});
  // "rope_type" wins over the legacy "type" (transformers rope_config_validation).
  t.rope_type = r.optionalString("rope_type", r.optionalString("type", "default"));
  auto [ms, ms_path] = r.find("mrope_section");
  if (ms == nullptr) {
    badField(file, rs_path + ".mrope_section", "missing");
  }
  t.mrope_section = r.intList(*ms, ms_path);
}

}  // namespace

Qwen25VLConfig parseQwen25VLConfig(const std::string& text, const std::string& file) {
  const json root = parseJsonObject(text, file);
  Qwen25VLConfig c;
  if (auto it = root.find("model_type"); it != root.end() && it->is_string()) {
    c.model_type = it->get<std::string>();
  }
  if (!c.model_type.empty() && c.model_type != "qwen2_5_vl" && c.model_type != "qwen2_vl") {
    badField(file, "model_type", "\"" + c.model_type + "\" is not a Qwen2.5-VL model");
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
      badField(file, "text_config", "must be an object");
    }
    text_cfg = &*it;
  }
  const JsonScopes tx(
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
    badField(file, tx.pathOf("num_attention_heads"), "does not divide hidden_size");
  }
  if (t.num_attention_heads % t.num_key_value_heads != 0) {
    badField(file, tx.pathOf("num_key_value_heads"), "does not divide num_attention_heads");
  }
  t.head_dim = tx.optionalInt("head_dim", t.hidden_size / t.num_attention_heads);
  requirePositive(file, tx.pathOf("head_dim"), t.head_dim);
  readRope(tx, t);
  const int64_t sections = std::accumulate(t.mrope_section.begin(), t.mrope_section.end(), int64_t{0});
  if (t.mrope_section.size() != 3 || sections * 2 != t.head_dim) {
    badField(file, "mrope_section",
             "must be 3 sections summing to head_dim/2 (" + std::to_string(t.head_dim / 2) + ")");
  }

  // Token ids: top level in every known layout; text_config as a fallback.
  const JsonScopes ids(file, {{"", &root}, {"text_config", text_cfg}});
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
    badField(file, "vision_config", "missing or not an object");
  }
  const JsonScopes vs(file, {{"vision_config", &*vit}});
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
    badField(file, "vision_config.num_heads", "does not divide hidden_size");
  }
  for (int64_t i : v.fullatt_block_indexes) {
    if (i < 0 || i >= v.depth) {
      badField(file, "vision_config.fullatt_block_indexes",
               "index " + std::to_string(i) + " outside 0..depth-1");
    }
  }
  if (v.out_hidden_size != t.hidden_size) {
    badField(file, "vision_config.out_hidden_size", "differs from the text hidden_size");
  }
  return c;
}

GenerationConfig parseGenerationConfig(const std::string& text, const std::string& file) {
  const json root = parseJsonObject(text, file);
  const JsonScopes s(file, {{"", &root}});
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

}  // namespace vs::checkpoint
