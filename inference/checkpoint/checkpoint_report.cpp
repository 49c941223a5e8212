#include "inference/checkpoint/checkpoint_report.h"

#include <map>
#include <string>

#include "inference/base/error.h"
#include "inference/safetensors/dtype.h"

namespace vs::checkpoint {

using nlohmann::ordered_json;

namespace {

const char* layoutName(NameLayout l) {
  switch (l) {
    case NameLayout::Legacy:
      return "visual.*/model.*";
    case NameLayout::Nested:
      return "model.visual.*/model.language_model.*";
    case NameLayout::Mixed:
      return "mixed";
  }
  return "?";
}

}  // namespace

ordered_json describeCheckpoint(const Checkpoint& c, bool with_tensors) {
  const auto& cfg = c.config();
  ordered_json o;
  o["directory"] = c.directory();
  o["storage"] = c.storage().layout() == safetensors::TensorSet::Layout::Sharded ? "sharded" : "single file";
  o["files"] = c.storage().files().size();
  o["name_layout"] = layoutName(c.nameLayout());
  o["tensors"] = c.storage().tensors().size();
  o["parameters"] = c.parameterCount();
  std::map<std::string, int64_t> dtypes;
  for (const auto& [name, view] : c.storage().tensors()) {
    dtypes[std::string(safetensors::dtypeName(view->dtype))] += view->numel();
  }
  o["dtypes"] = dtypes;
  o["lm_head_tied"] = c.lmHeadTied();
  o["text"] = {{"hidden_size", cfg.text.hidden_size},
               {"layers", cfg.text.num_hidden_layers},
               {"heads", cfg.text.num_attention_heads},
               {"kv_heads", cfg.text.num_key_value_heads},
               {"intermediate_size", cfg.text.intermediate_size},
               {"vocab_size", cfg.text.vocab_size},
               {"rope_theta", cfg.text.rope_theta},
               {"mrope_section", cfg.text.mrope_section}};
  o["vision"] = {{"depth", cfg.vision.depth},
                 {"hidden_size", cfg.vision.hidden_size},
                 {"heads", cfg.vision.num_heads},
                 {"window_size", cfg.vision.window_size},
                 {"fullatt_block_indexes", cfg.vision.fullatt_block_indexes},
                 {"tokens_per_second", cfg.vision.tokens_per_second}};
  o["generation_config"] = c.generation().present;
  o["preprocessor_config"] = c.preprocessor().present;
  ordered_json missing = ordered_json::array();
  ordered_json unexpected = ordered_json::array();
  ordered_json wrong = ordered_json::array();
  for (const auto& p : c.problems()) {
    if (p.problem == "missing") {
      missing.push_back(p.name);
    } else if (p.problem == "unexpected") {
      unexpected.push_back(p.name);
    } else {
      wrong.push_back({{"name", p.name}, {"problem", p.problem}});
    }
  }
  o["missing"] = missing;
  o["unexpected"] = unexpected;
  o["invalid"] = wrong;
  if (with_tensors) {
    ordered_json t = ordered_json::object();
    for (const auto& [name, view] : c.tensors()) {
      t[name] = {{"dtype", std::string(safetensors::dtypeName(view.dtype))}, {"shape", view.shape}};
    }
    o["tensor_shapes"] = t;
  }
  return o;
}

bool loadable(const ordered_json& report) {
  return report["missing"].empty() && report["invalid"].empty();
}

std::string reportText(const ordered_json& report) {
  std::string text;
  for (auto it = report.begin(); it != report.end(); ++it)
    text += it.key() + ": " + it.value().dump() + "\n";
  return text + (loadable(report) ? "loadable: yes\n" : "loadable: no\n");
}

void requireLoadable(const ordered_json& report, const std::string& dir) {
  if (!loadable(report)) {
    throw inference::Error(inference::Error::Kind::BadModel, dir, "",
                           std::to_string(report["missing"].size()) + " tensors missing, " +
                               std::to_string(report["invalid"].size()) + " invalid");
  }
}

}  // namespace vs::checkpoint
