#include "inference/checkpoint/checkpoint.h"

#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>

#include "inference/checkpoint/config_reader.h"
#include "inference/base/error.h"

namespace vs::checkpoint {

namespace {

using safetensors::Dtype;
using safetensors::TensorView;

bool isFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw inference::Error(inference::Error::Kind::Io, path, "", "cannot open");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string shapeText(const std::vector<int64_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    s += (i ? ", " : "") + std::to_string(shape[i]);
  }
  return s + "]";
}

bool isFloat(Dtype d) {
  return d == Dtype::F32 || d == Dtype::F16 || d == Dtype::BF16 || d == Dtype::F64;
}

}  // namespace

// Qwen2_5_VLForConditionalGeneration._checkpoint_conversion_mapping, inverted (qwen25vl.md §2.2).
std::string canonicalTensorName(std::string_view stored) {
  if (startsWith(stored, "model.visual.")) {
    return "visual." + std::string(stored.substr(13));
  }
  if (startsWith(stored, "model.language_model.")) {
    return "model." + std::string(stored.substr(21));
  }
  return std::string(stored);
}

std::vector<ExpectedTensor> expectedTensors(const Qwen25VLConfig& config) {
  const Qwen25VLVisionConfig& v = config.vision;
  const Qwen25VLTextConfig& t = config.text;
  std::vector<ExpectedTensor> out;
  auto add = [&out](std::string name, std::vector<int64_t> shape) {
    out.push_back({std::move(name), std::move(shape)});
  };

  const int64_t vh = v.hidden_size;
  add("visual.patch_embed.proj.weight",
      {vh, v.in_channels, v.temporal_patch_size, v.patch_size, v.patch_size});
  for (int64_t i = 0; i < v.depth; ++i) {
    const std::string b = "visual.blocks." + std::to_string(i) + ".";
    add(b + "norm1.weight", {vh});
    add(b + "norm2.weight", {vh});
    add(b + "attn.qkv.weight", {3 * vh, vh});
    add(b + "attn.qkv.bias", {3 * vh});
    add(b + "attn.proj.weight", {vh, vh});
    add(b + "attn.proj.bias", {vh});
    add(b + "mlp.gate_proj.weight", {v.intermediate_size, vh});
    add(b + "mlp.gate_proj.bias", {v.intermediate_size});
    add(b + "mlp.up_proj.weight", {v.intermediate_size, vh});
    add(b + "mlp.up_proj.bias", {v.intermediate_size});
    add(b + "mlp.down_proj.weight", {vh, v.intermediate_size});
    add(b + "mlp.down_proj.bias", {vh});
  }
  const int64_t mh = v.mergerHiddenSize();
  add("visual.merger.ln_q.weight", {vh});
  add("visual.merger.mlp.0.weight", {mh, mh});
  add("visual.merger.mlp.0.bias", {mh});
  add("visual.merger.mlp.2.weight", {v.out_hidden_size, mh});
  add("visual.merger.mlp.2.bias", {v.out_hidden_size});

  const int64_t h = t.hidden_size;
  const int64_t q = t.num_attention_heads * t.head_dim;
  const int64_t kv = t.num_key_value_heads * t.head_dim;
  add("model.embed_tokens.weight", {t.vocab_size, h});
  for (int64_t l = 0; l < t.num_hidden_layers; ++l) {
    const std::string b = "model.layers." + std::to_string(l) + ".";
    add(b + "input_layernorm.weight", {h});
    add(b + "post_attention_layernorm.weight", {h});
    add(b + "self_attn.q_proj.weight", {q, h});
    add(b + "self_attn.q_proj.bias", {q});
    add(b + "self_attn.k_proj.weight", {kv, h});
    add(b + "self_attn.k_proj.bias", {kv});
    add(b + "self_attn.v_proj.weight", {kv, h});
    add(b + "self_attn.v_proj.bias", {kv});
    add(b + "self_attn.o_proj.weight", {h, q});
    add(b + "mlp.gate_proj.weight", {t.intermediate_size, h});
    add(b + "mlp.up_proj.weight", {t.intermediate_size, h});
    add(b + "mlp.down_proj.weight", {h, t.intermediate_size});
  }
  add("model.norm.weight", {h});
  add("lm_head.weight", {t.vocab_size, h});
  return out;
}

Checkpoint Checkpoint::open(const std::string& dir, Strictness strictness) {
  Checkpoint c;
  c.dir_ = dir;
  const std::string config_path = dir + "/config.json";
  if (!isFile(config_path)) {
    throw inference::Error(inference::Error::Kind::Io, config_path, "",
                           "missing: not a Hugging Face checkpoint directory");
  }
  c.config_ = parseQwen25VLConfig(readText(config_path), config_path);
  if (const std::string p = dir + "/generation_config.json"; isFile(p)) {
    c.generation_ = parseGenerationConfig(readText(p), p);
  }
  c.preprocessor_ = videoscore2::readPreprocessorConfig(dir);
  c.set_ = std::make_shared<safetensors::TensorSet>(safetensors::TensorSet::openDirectory(dir));

  auto report = [&c, strictness](const TensorView* where, std::string name, std::string problem, bool fatal) {
    if (fatal && strictness == Strictness::RequireAll) {
      throw inference::Error(inference::Error::Kind::InvalidData, where != nullptr ? where->file : c.dir_,
                             name, problem);
    }
    c.problems_.push_back({std::move(name), std::move(problem)});
  };

  int legacy = 0;
  int nested = 0;
  for (const auto& [stored, view] : c.set_->tensors()) {
    const std::string canonical = canonicalTensorName(stored);
    if (startsWith(stored, "model.visual.") || startsWith(stored, "model.language_model.")) {
      ++nested;
    } else if (startsWith(stored, "visual.") || startsWith(stored, "model.")) {
      ++legacy;
    }
    TensorView v = *view;
    auto [it, inserted] = c.tensors_.emplace(canonical, std::move(v));
    if (!inserted) {
      report(view, canonical, "stored twice (as \"" + it->second.name + "\" and \"" + stored + "\")", true);
    }
  }
  c.layout_ = nested == 0 ? NameLayout::Legacy : legacy == 0 ? NameLayout::Nested : NameLayout::Mixed;

  const std::vector<ExpectedTensor> expected = expectedTensors(c.config_);
  std::set<std::string, std::less<>> expected_names;
  for (const ExpectedTensor& e : expected) {
    expected_names.insert(e.name);
  }
  // lm_head: tied when the config says so (transformers then ignores a stored copy) or absent.
  const bool has_lm_head = c.tensors_.count("lm_head.weight") != 0;
  for (const ExpectedTensor& e : expected) {
    auto it = c.tensors_.find(e.name);
    if (it == c.tensors_.end()) {
      if (e.name == "lm_head.weight") {
        continue;
      }
      report(nullptr, e.name, "missing", true);
      continue;
    }
    if (it->second.shape != e.shape) {
      report(&it->second, e.name, "shape " + shapeText(it->second.shape) + ", expected " + shapeText(e.shape),
             true);
    }
    if (!isFloat(it->second.dtype)) {
      report(
          &it->second, e.name,
          "dtype " + std::string(safetensors::dtypeName(it->second.dtype)) + " is not a floating-point type",
          true);
    }
  }
  for (const auto& [name, view] : c.tensors_) {
    if (expected_names.count(name) == 0) {
      report(&view, name, "unexpected", false);
    }
  }
  if (c.config_.text.tie_word_embeddings || !has_lm_head) {
    auto embed = c.tensors_.find("model.embed_tokens.weight");
    if (embed != c.tensors_.end()) {
      TensorView tied = embed->second;
      tied.name = "lm_head.weight";
      c.tensors_["lm_head.weight"] = std::move(tied);
      c.lm_head_tied_ = true;
    }
  }
  return c;
}

const TensorView* Checkpoint::find(std::string_view canonical_name) const {
  auto it = tensors_.find(canonical_name);
  return it == tensors_.end() ? nullptr : &it->second;
}

const TensorView& Checkpoint::tensor(std::string_view canonical_name) const {
  const TensorView* v = find(canonical_name);
  if (v == nullptr) {
    throw inference::Error(inference::Error::Kind::InvalidData, dir_, std::string(canonical_name),
                           "tensor missing");
  }
  return *v;
}

int64_t Checkpoint::parameterCount() const {
  int64_t n = 0;
  for (const auto& [name, view] : set_->tensors()) {
    n += view->numel();
  }
  return n;
}

}  // namespace vs::checkpoint
