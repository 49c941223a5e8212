#pragma once
// Qwen2.5-VL inference engine, torch-free facade (pimpl): load a checkpoint directory once, then
// generate from prompt ids + an optional preprocessed video. The libtorch model lives behind it
// (vision_tower.h, text_decoder.h, rope_index.h); callers never include torch.
#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "inference/base/error.h"
#include "inference/checkpoint/qwen25vl_config.h"
#include "inference/generate/generation.h"
#include "inference/generate/generation_config.h"

namespace vs::qwen25vl {

enum class Device { kCpu, kCuda };
// True when this libtorch has CUDA and sees at least one GPU.
bool cudaAvailable();
enum class ComputeDtype {
  kF32,   // reference numerics (tests, CPU)
  kBF16,  // GPU default; norms, softmax and RoPE tables stay fp32 as in transformers
  kF16,
};

struct EngineOptions {
  Device device = Device::kCpu;
  int device_index = 0;
  ComputeDtype dtype = ComputeDtype::kF32;
  int num_threads = 0;  // 0: keep the process's intra-op thread setting
};

// `pixel_values_videos` as the Qwen2-VL video processor makes it: [gt*gh*gw, C*tp*ps*ps] rows in
// 2x2-merge order (core/media's sampler produces exactly this).
struct VideoInput {
  std::vector<float> pixel_values;
  int64_t rows = 0;
  int64_t cols = 0;
  std::array<int64_t, 3> grid_thw{0, 0, 0};
  double second_per_grid_t = 1.0;  // temporal_patch_size / fps given to the processor
};

class Qwen25VLEngine {
 public:
  // Reads config.json (+ generation_config.json when present) and binds every weight by name and
  // shape. Throws inference::Error: Io / InvalidData for the files, BadModel
  // when no model can be built from them, OutOfMemory, Internal.
  static std::unique_ptr<Qwen25VLEngine> load(const std::string& model_dir, const EngineOptions& options);
  ~Qwen25VLEngine();
  Qwen25VLEngine(const Qwen25VLEngine&) = delete;
  Qwen25VLEngine& operator=(const Qwen25VLEngine&) = delete;

  const checkpoint::Qwen25VLConfig& config() const;
  // generation_config.json merged under `overrides` (see generation_config.h).
  generate::GenerationConfig generationConfig(const generate::GenerationOverrides& overrides) const;

  // `input_ids` already holds the expanded <|video_pad|> run (gt*gh*gw/4 ids) when `video` is set.
  generate::GenerationResult generate(const std::vector<int64_t>& input_ids, const VideoInput* video,
                                      const generate::GenerationConfig& config,
                                      const generate::GenerationCallbacks& callbacks);

  std::string deviceName() const;

 private:
  struct Impl;
  explicit Qwen25VLEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vs::qwen25vl
