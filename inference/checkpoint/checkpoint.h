#pragma once
// A Qwen2.5-VL checkpoint directory in Hugging Face layout, opened and verified:
//   config.json (+ generation_config.json, preprocessor_config.json when present),
//   model.safetensors.index.json + shards, or model.safetensors.
// Tensor names are normalised to layout A ("visual.*", "model.*", "lm_head.*"; qwen25vl.md §2.2):
// "model.visual.X" -> "visual.X", "model.language_model.X" -> "model.X". Every expected tensor
// must be present with the shape the config implies; lm_head is tied to model.embed_tokens when
// the config says so or the file lacks it. Errors name the file and key / tensor.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "inference/checkpoint/generation_config.h"
#include "inference/rules/preprocessor_config.h"
#include "inference/checkpoint/qwen25vl_config.h"
#include "inference/safetensors/tensor_set.h"

namespace vs::checkpoint {

enum class NameLayout {
  Legacy,  // visual.* / model.*            (original release, transformers <= 4.51, >= 4.53)
  Nested,  // model.visual.* / model.language_model.*  (some 4.52.x and v5 saves)
  Mixed,   // both seen (reported, still loaded when unambiguous)
};

enum class Strictness {
  RequireAll,  // missing or misshapen tensors are errors (the engine's load)
  ReportOnly,  // collect problems in report() instead (vscore model-info)
};

struct TensorProblem {
  std::string name;     // canonical name
  std::string problem;  // "missing", "shape [..] expected [..]", "unexpected", "duplicate"
};

class Checkpoint {
 public:
  static Checkpoint open(const std::string& dir, Strictness strictness = Strictness::RequireAll);

  const std::string& directory() const { return dir_; }
  const Qwen25VLConfig& config() const { return config_; }
  const GenerationConfig& generation() const { return generation_; }
  const videoscore2::PreprocessorConfig& preprocessor() const { return preprocessor_; }
  NameLayout nameLayout() const { return layout_; }
  const safetensors::TensorSet& storage() const { return *set_; }

  // Tensors by canonical (layout A) name. lm_head.weight is present even when tied.
  const std::map<std::string, safetensors::TensorView, std::less<>>& tensors() const { return tensors_; }
  // Throws inference::Error(InvalidData) naming the tensor when absent.
  const safetensors::TensorView& tensor(std::string_view canonical_name) const;
  const safetensors::TensorView* find(std::string_view canonical_name) const;
  bool lmHeadTied() const { return lm_head_tied_; }

  // Problems found (only non-empty with Strictness::ReportOnly; RequireAll throws on the first).
  const std::vector<TensorProblem>& problems() const { return problems_; }
  // Sum of numel over stored tensors (a tied lm_head is not counted twice).
  int64_t parameterCount() const;

 private:
  std::string dir_;
  Qwen25VLConfig config_;
  GenerationConfig generation_;
  videoscore2::PreprocessorConfig preprocessor_;
  NameLayout layout_ = NameLayout::Legacy;
  std::shared_ptr<safetensors::TensorSet> set_;
  std::map<std::string, safetensors::TensorView, std::less<>> tensors_;
  bool lm_head_tied_ = false;
  std::vector<TensorProblem> problems_;
};

// Canonical (layout A) name of a stored tensor name.
std::string canonicalTensorName(std::string_view stored);

// Every tensor the config implies, with its shape (lm_head.weight included).
struct ExpectedTensor {
  std::string name;
  std::vector<int64_t> shape;
};
std::vector<ExpectedTensor> expectedTensors(const Qwen25VLConfig& config);

}  // namespace vs::checkpoint
