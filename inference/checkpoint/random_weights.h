#pragma once
// Random weights for a Qwen2.5-VL checkpoint of any size: every tensor the config asks for,
// drawn from N(0, 0.02) (norm weights around 1), written as safetensors in one file or in
// shards with the Hugging Face index. The demo model (`vscore demo-model`) and tests use it so
// that the engine runs end to end without the 16 GB download. Qt-free, torch-free.
#include <cstdint>
#include <string>

namespace vs::checkpoint {

enum class TensorLayout {
  Legacy,  // visual.*, model.*
  Nested,  // model.visual.*, model.language_model.*
};
enum class StoredDtype { BF16, F32 };

struct RandomWeightsOptions {
  uint64_t seed = 0;
  int shards = 1;  // 1: model.safetensors; more: model-0000i-of-0000n.safetensors + index
  TensorLayout layout = TensorLayout::Legacy;
  StoredDtype dtype = StoredDtype::BF16;
};

struct RandomWeightsSummary {
  size_t tensors = 0;
  int64_t bytes = 0;  // tensor data, all shards
};

// `config_json`: the checkpoint's config.json text (lm_head is left out when embeddings are
// tied). Throws inference::Error when the config is invalid or a file cannot be written.
RandomWeightsSummary writeRandomWeights(const std::string& dir, const std::string& config_json,
                                        const RandomWeightsOptions& options);

}  // namespace vs::checkpoint
