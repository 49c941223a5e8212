#include "inference/qwen25vl/qwen25vl_engine.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <chrono>

#include "inference/checkpoint/checkpoint.h"
#include "inference/generate/generator.h"
#include "inference/qwen25vl/rope_index.h"
#include "inference/qwen25vl/text_decoder.h"
#include "inference/qwen25vl/vision_tower.h"
#include "inference/qwen25vl/weight_binder.h"

namespace vs::qwen25vl {
namespace {

at::ScalarType scalarType(ComputeDtype dtype) {
  switch (dtype) {
    case ComputeDtype::kF32:
      return at::kFloat;
    case ComputeDtype::kBF16:
      return at::kBFloat16;
    case ComputeDtype::kF16:
      return at::kHalf;
  }
  return at::kFloat;
}

bool isOutOfMemory(const c10::Error& e) {
  const std::string what = e.what();
  return what.find("out of memory") != std::string::npos || what.find("Out of memory") != std::string::npos;
}

// The decoder seen by the generation loop: prefill the prompt embeddings once, then one token at a
// time at position cache_length + rope_delta (Qwen2_5_VLModel.forward's decode branch).
class DecoderSteps final : public generate::StepModel {
 public:
  DecoderSteps(const TextDecoder& text, at::Tensor embeds, at::Tensor positions, int64_t rope_delta,
               KvCache& cache)
      : text_(text),
        embeds_(std::move(embeds)),
        positions_(std::move(positions)),
        rope_delta_(rope_delta),
        cache_(cache) {}

  at::Tensor prefill() override {
    return text_.forward(embeds_, positions_, cache_, LogitRows::kLast).view({-1});
  }

  at::Tensor decode(int64_t token) override {
    const auto ids = at::full({1}, token, at::TensorOptions().dtype(at::kLong));
    const auto pos = at::full({3, 1}, cache_.length() + rope_delta_, at::TensorOptions().dtype(at::kLong));
    return text_.forward(text_.embed(ids), pos, cache_, LogitRows::kLast).view({-1});
  }

 private:
  const TextDecoder& text_;
  at::Tensor embeds_;
  at::Tensor positions_;
  int64_t rope_delta_;
  KvCache& cache_;
};

}  // namespace

struct Qwen25VLEngine::Impl {
  checkpoint::Qwen25VLConfig config;
  checkpoint::GenerationConfig generation_file;
  EngineOptions options;
  at::TensorOptions tensor_options;
  std::unique_ptr<VisionTower> vision;
  std::unique_ptr<TextDecoder> text;
};

Qwen25VLEngine::Qwen25VLEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Qwen25VLEngine::~Qwen25VLEngine() = default;

std::unique_ptr<Qwen25VLEngine> Qwen25VLEngine::load(const std::string& model_dir,
                                                     const EngineOptions& options) {
  if (options.num_threads > 0) {
    at::set_num_threads(options.num_threads);
  }
  c10::InferenceMode guard;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  at::Device device(at::kCPU);
  if (options.device == Device::kCuda) {
    if (!at::hasCUDA()) {
      throw inference::Error(inference::Error::Kind::BadInput,
                             "CUDA was requested but this libtorch has no usable CUDA device");
    }
    device = at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(options.device_index));
  } else if (options.dtype == ComputeDtype::kF16) {
    throw inference::Error(inference::Error::Kind::BadInput,
                           "fp16 is not supported on the CPU (use f32 or bf16)");
  }
  impl->tensor_options = at::TensorOptions().device(device).dtype(scalarType(options.dtype));

  // Phase 1: hyper-parameters (config.json, generation_config.json) and the tensor index.
  const auto cp = checkpoint::Checkpoint::open(model_dir);
  impl->config = cp.config();
  impl->generation_file = cp.generation();
  if (impl->config.vision.out_hidden_size != impl->config.text.hidden_size) {
    throw inference::Error(inference::Error::Kind::BadModel,
                           "vision out_hidden_size differs from the text hidden_size");
  }
  // Phase 2: bind weights by name and shape (copied to the device; the mapping is released).
  try {
    WeightBinder binder(cp, impl->tensor_options);
    impl->vision = std::make_unique<VisionTower>(impl->config.vision, binder);
    impl->text = std::make_unique<TextDecoder>(impl->config.text, binder);
  } catch (const c10::Error& e) {
    if (isOutOfMemory(e)) {
      throw inference::Error(inference::Error::Kind::OutOfMemory, "out of memory while loading the weights");
    }
    throw inference::Error(inference::Error::Kind::Internal, e.what_without_backtrace());
  }
  return std::unique_ptr<Qwen25VLEngine>(new Qwen25VLEngine(std::move(impl)));
}

const checkpoint::Qwen25VLConfig& Qwen25VLEngine::config() const {
  return impl_->config;
}

generate::GenerationConfig Qwen25VLEngine::generationConfig(
    const generate::GenerationOverrides& overrides) const {
  return generate::resolveGenerationConfig(impl_->generation_file, overrides,
                                           impl_->config.tokens.eos_token_id);
}

std::string Qwen25VLEngine::deviceName() const {
  return impl_->tensor_options.device().str();
}

generate::GenerationResult Qwen25VLEngine::generate(const std::vector<int64_t>& input_ids,
                                                    const VideoInput* video,
                                                    const generate::GenerationConfig& config,
                                                    const generate::GenerationCallbacks& callbacks) {
  c10::InferenceMode guard;
  const auto& cfg = impl_->config;
  if (input_ids.empty()) {
    throw inference::Error(inference::Error::Kind::BadInput, "empty prompt");
  }
  for (int64_t id : input_ids) {
    if (id < 0 || id >= cfg.text.vocab_size) {
      throw inference::Error(inference::Error::Kind::BadInput,
                             "token id " + std::to_string(id) + " is outside the vocabulary");
    }
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    const auto ids = at::tensor(input_ids, at::TensorOptions().dtype(at::kLong));
    auto embeds = impl_->text->embed(ids);
    std::vector<VisionGrid> video_grids;
    if (video != nullptr) {
      if (static_cast<int64_t>(video->pixel_values.size()) != video->rows * video->cols) {
        throw inference::Error(inference::Error::Kind::BadInput,
                               "pixel_values size does not match rows x cols");
      }
      const auto pixels = at::from_blob(const_cast<float*>(video->pixel_values.data()),
                                        {video->rows, video->cols}, at::TensorOptions().dtype(at::kFloat));
      const auto video_embeds = impl_->vision->forward(pixels, video->grid_thw);
      // masked_scatter of Qwen2_5_VLModel.forward: the pads take the video rows in order.
      const auto pad_rows = (ids == cfg.tokens.video_token_id).nonzero().view({-1});
      if (pad_rows.size(0) != video_embeds.size(0)) {
        throw inference::Error(inference::Error::Kind::BadInput,
                               "video features and video tokens do not match: tokens " +
                                   std::to_string(pad_rows.size(0)) + ", features " +
                                   std::to_string(video_embeds.size(0)));
      }
      embeds.index_copy_(0, pad_rows.to(embeds.device()), video_embeds.to(embeds.scalar_type()));
      video_grids.push_back(VisionGrid{video->grid_thw, video->second_per_grid_t});
    }
    const double vision_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    RopeIndex rope;
    try {
      rope = ropeIndex(input_ids, {}, video_grids,
                       RopeTokenIds{cfg.tokens.image_token_id, cfg.tokens.video_token_id,
                                    cfg.tokens.vision_start_token_id},
                       cfg.vision.spatial_merge_size, cfg.vision.tokens_per_second);
    } catch (const std::invalid_argument& e) {
      throw inference::Error(inference::Error::Kind::BadInput, e.what());
    }
    auto positions =
        at::empty({3, static_cast<int64_t>(input_ids.size())}, at::TensorOptions().dtype(at::kLong));
    for (int64_t s = 0; s < 3; ++s) {
      std::copy(rope.positions[static_cast<size_t>(s)].begin(), rope.positions[static_cast<size_t>(s)].end(),
                positions[s].data_ptr<int64_t>());
    }
    KvCache cache(cfg.text, static_cast<int64_t>(input_ids.size()) + config.max_new_tokens,
                  impl_->tensor_options);
    DecoderSteps steps(*impl_->text, embeds, positions, rope.rope_delta, cache);
    auto result = generate::runGeneration(steps, input_ids, config, callbacks);
    result.vision_ms = vision_ms;
    return result;
  } catch (const c10::Error& e) {
    if (isOutOfMemory(e)) {
      throw inference::Error(inference::Error::Kind::OutOfMemory, "out of memory during generation");
    }
    throw inference::Error(inference::Error::Kind::Internal, e.what_without_backtrace());
  }
}

bool cudaAvailable() {
  return at::hasCUDA();
}

}  // namespace vs::qwen25vl
