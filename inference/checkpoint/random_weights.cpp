#include "inference/checkpoint/random_weights.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "inference/checkpoint/checkpoint.h"
#include "inference/checkpoint/config_reader.h"
#include "inference/base/error.h"
#include "inference/safetensors/safetensors_writer.h"

namespace vs::checkpoint {

namespace {

std::string storedName(const std::string& canonical, TensorLayout layout) {
  if (layout == TensorLayout::Legacy) {
    return canonical;
  }
  if (canonical.rfind("visual.", 0) == 0) {
    return "model." + canonical;
  }
  if (canonical.rfind("model.", 0) == 0) {
    return "model.language_model." + canonical.substr(6);
  }
  return canonical;
}

std::string shardName(size_t shard, int shards) {
  char name[64];
  std::snprintf(name, sizeof name, "model-%05zu-of-%05d.safetensors", shard + 1, shards);
  return name;
}

}  // namespace

RandomWeightsSummary writeRandomWeights(const std::string& dir, const std::string& config_json,
                                        const RandomWeightsOptions& options) {
  const auto parsed = parseQwen25VLConfig(config_json, "config.json");
  auto expected = expectedTensors(parsed);
  if (parsed.text.tie_word_embeddings) {
    expected.erase(std::remove_if(expected.begin(), expected.end(),
                                  [](const auto& t) { return t.name == "lm_head.weight"; }),
                   expected.end());
  }
  const int shards = std::max(1, options.shards);
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<float> normal(0.0f, 0.02f);
  std::vector<safetensors::SafetensorsWriter> writers(static_cast<size_t>(shards));
  nlohmann::json weight_map = nlohmann::json::object();
  RandomWeightsSummary summary;
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& t = expected[i];
    int64_t n = 1;
    for (int64_t s : t.shape) {
      n *= s;
    }
    std::vector<float> values(static_cast<size_t>(n));
    const bool is_norm = t.name.find("norm") != std::string::npos || t.name.find("ln_q") != std::string::npos;
    for (float& v : values) {
      v = is_norm ? 1.0f + normal(rng) : normal(rng);
    }
    const size_t shard = i * static_cast<size_t>(shards) / expected.size();
    const std::string name = storedName(t.name, options.layout);
    if (options.dtype == StoredDtype::BF16) {
      writers[shard].addBF16(name, t.shape, values);
    } else {
      writers[shard].addF32(name, t.shape, values);
    }
    summary.bytes += n * (options.dtype == StoredDtype::BF16 ? 2 : 4);
    if (shards > 1) {
      weight_map[name] = shardName(shard, shards);
    }
  }
  summary.tensors = expected.size();
  for (size_t s = 0; s < writers.size(); ++s) {
    writers[s].setMetadata("format", "pt");
    writers[s].write(dir + "/" + (shards == 1 ? std::string("model.safetensors") : shardName(s, shards)));
  }
  if (shards > 1) {
    const nlohmann::json index{{"metadata", {{"total_size", summary.bytes}}}, {"weight_map", weight_map}};
    std::ofstream out(dir + "/model.safetensors.index.json", std::ios::binary | std::ios::trunc);
    out << index.dump(4) << '\n';
    if (!out.flush()) {
      throw inference::Error(inference::Error::Kind::Io, dir, "", "cannot write the index");
    }
  }
  return summary;
}

}  // namespace vs::checkpoint
