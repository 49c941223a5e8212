#pragma once
// Writes tiny Qwen2.5-VL checkpoints for loader tests. The tensor list is spelled out here from
// qwen25vl.md §2.2 (not taken from the loader's own expectedTensors()), in either name layout,
// single file or sharded, F32 or BF16, with optional damage.
#include <QDir>
#include <QFile>
#include <QString>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "inference/safetensors/safetensors_writer.h"

namespace vs::test {

enum class TinyLayout { Legacy, Nested };
enum class TinySharding { Single, Sharded };
enum class TinyDtype { F32, BF16 };

struct TinyTensor {
  std::string name;  // layout A
  std::vector<int64_t> shape;
};

// Tiny config: vision depth 2, hidden 8, 2 heads, mlp 12, out 16; text vocab 32, hidden 16,
// mlp 24, 2 layers, 2 heads (head_dim 8), 1 kv head, mrope [1,2,1].
inline std::vector<TinyTensor> tinyTensors(bool with_lm_head) {
  std::vector<TinyTensor> t;
  t.push_back({"visual.patch_embed.proj.weight", {8, 3, 2, 14, 14}});
  for (int i = 0; i < 2; ++i) {
    const std::string b = "visual.blocks." + std::to_string(i) + ".";
    t.push_back({b + "norm1.weight", {8}});
    t.push_back({b + "norm2.weight", {8}});
    t.push_back({b + "attn.qkv.weight", {24, 8}});
    t.push_back({b + "attn.qkv.bias", {24}});
    t.push_back({b + "attn.proj.weight", {8, 8}});
    t.push_back({b + "attn.proj.bias", {8}});
    for (const char* p : {"gate_proj", "up_proj"}) {
      t.push_back({b + "mlp." + p + ".weight", {12, 8}});
      t.push_back({b + "mlp." + p + ".bias", {12}});
    }
    t.push_back({b + "mlp.down_proj.weight", {8, 12}});
    t.push_back({b + "mlp.down_proj.bias", {8}});
  }
  t.push_back({"visual.merger.ln_q.weight", {8}});
  t.push_back({"visual.merger.mlp.0.weight", {32, 32}});
  t.push_back({"visual.merger.mlp.0.bias", {32}});
  t.push_back({"visual.merger.mlp.2.weight", {16, 32}});
  t.push_back({"visual.merger.mlp.2.bias", {16}});
  t.push_back({"model.embed_tokens.weight", {32, 16}});
  for (int l = 0; l < 2; ++l) {
    const std::string b = "model.layers." + std::to_string(l) + ".";
    t.push_back({b + "input_layernorm.weight", {16}});
    t.push_back({b + "post_attention_layernorm.weight", {16}});
    t.push_back({b + "self_attn.q_proj.weight", {16, 16}});
    t.push_back({b + "self_attn.q_proj.bias", {16}});
    t.push_back({b + "self_attn.k_proj.weight", {8, 16}});
    t.push_back({b + "self_attn.k_proj.bias", {8}});
    t.push_back({b + "self_attn.v_proj.weight", {8, 16}});
    t.push_back({b + "self_attn.v_proj.bias", {8}});
    t.push_back({b + "self_attn.o_proj.weight", {16, 16}});
    t.push_back({b + "mlp.gate_proj.weight", {24, 16}});
    t.push_back({b + "mlp.up_proj.weight", {24, 16}});
    t.push_back({b + "mlp.down_proj.weight", {16, 24}});
  }
  t.push_back({"model.norm.weight", {16}});
  if (with_lm_head) {
    t.push_back({"lm_head.weight", {32, 16}});
  }
  return t;
}

// The original release's flat config.json (rope_scaling.type "mrope", in_chans).
inline const char* kTinyConfigFlat = R"({
  "architectures": ["Qwen2_5_VLForConditionalGeneration"], "model_type": "qwen2_5_vl",
  "vocab_size": 32, "hidden_size": 16, "intermediate_size": 24, "num_hidden_layers": 2,
  "num_attention_heads": 2, "num_key_value_heads": 1, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
  "rope_scaling": {"type": "mrope", "mrope_section": [1, 2, 1]}, "max_position_embeddings": 4096,
  "tie_word_embeddings": false, "bos_token_id": 20, "eos_token_id": 21, "image_token_id": 25,
  "video_token_id": 26, "vision_start_token_id": 22, "vision_end_token_id": 23, "vision_token_id": 24,
  "torch_dtype": "bfloat16", "hidden_act": "silu",
  "vision_config": {"depth": 2, "hidden_size": 8, "num_heads": 2, "intermediate_size": 12,
    "out_hidden_size": 16, "patch_size": 14, "temporal_patch_size": 2, "spatial_merge_size": 2,
    "window_size": 112, "fullatt_block_indexes": [1], "in_chans": 3, "tokens_per_second": 2,
    "hidden_act": "silu"}
})";

inline void writeTextFile(const QString& path, const QByteArray& text) {
  QFile f(path);
  f.open(QIODevice::WriteOnly | QIODevice::Truncate);
  f.write(text);
}

struct TinyOptions {
  TinyLayout layout = TinyLayout::Legacy;
  TinySharding sharding = TinySharding::Single;
  TinyDtype dtype = TinyDtype::F32;
  bool with_lm_head = true;
  std::string config = kTinyConfigFlat;
  // Damage hooks: drop tensors, change a shape, add tensors (layout A names; renamed with the rest).
  std::set<std::string> drop;
  std::function<void(std::vector<TinyTensor>&)> edit;
};

inline std::string storedName(const std::string& canonical, TinyLayout layout) {
  if (layout == TinyLayout::Nested) {
    if (canonical.rfind("visual.", 0) == 0) {
      return "model." + canonical;
    }
    if (canonical.rfind("model.", 0) == 0) {
      return "model.language_model." + canonical.substr(6);
    }
  }
  return canonical;
}

inline QString writeTinyCheckpoint(const QString& dir, const TinyOptions& o) {
  QDir(dir).removeRecursively();
  QDir().mkpath(dir);
  writeTextFile(dir + "/config.json", QByteArray::fromStdString(o.config));
  std::vector<TinyTensor> tensors = tinyTensors(o.with_lm_head);
  if (o.edit) {
    o.edit(tensors);
  }
  const int shards = o.sharding == TinySharding::Sharded ? 3 : 1;
  std::vector<safetensors::SafetensorsWriter> writers(static_cast<size_t>(shards));
  std::string weight_map;
  int k = 0;
  for (const TinyTensor& t : tensors) {
    if (o.drop.count(t.name) != 0) {
      continue;
    }
    int64_t n = 1;
    for (int64_t d : t.shape) {
      n *= d;
    }
    std::vector<float> values(static_cast<size_t>(n));
    for (size_t i = 0; i < values.size(); ++i) {
      values[i] = 0.01f * static_cast<float>((i * 7 + static_cast<size_t>(k)) % 13) - 0.05f;
    }
    const std::string name = storedName(t.name, o.layout);
    const int shard = k % shards;
    auto& w = writers[static_cast<size_t>(shard)];
    if (o.dtype == TinyDtype::F32) {
      w.addF32(name, t.shape, values);
    } else {
      w.addBF16(name, t.shape, values);
    }
    const std::string file =
        "model-0000" + std::to_string(shard + 1) + "-of-0000" + std::to_string(shards) + ".safetensors";
    weight_map += (weight_map.empty() ? "" : ",") + ("\"" + name + "\":\"" + file + "\"");
    ++k;
  }
  if (shards == 1) {
    writers[0].setMetadata("format", "pt");
    writers[0].write((dir + "/model.safetensors").toStdString());
  } else {
    for (int s = 0; s < shards; ++s) {
      writers[static_cast<size_t>(s)].write((dir + "/model-0000" + QString::number(s + 1) + "-of-0000" +
                                             QString::number(shards) + ".safetensors")
                                                .toStdString());
    }
    writeTextFile(dir + "/model.safetensors.index.json",
                  QByteArray::fromStdString("{\"metadata\":{},\"weight_map\":{" + weight_map + "}}"));
  }
  return dir;
}

}  // namespace vs::test
