// The engine on any checkpoint and prepared inputs (used by gpu_bench_7b.py on a GPU machine):
//   bench_qwen25vl_engine MODEL_DIR INPUTS.safetensors [cuda|cpu] [bf16|f32] [new_tokens] [runs]
// INPUTS holds input_ids (I64 [L]), pixel_values_videos (F32 [N, 1176]) and video_grid_thw
// (I64 [3]). Greedy, no EOS, exactly new_tokens tokens. Prints one JSON line per run (the best
// run is what the script reports); never asserts on time.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/safetensors/safetensors_file.h"

template <typename T>
std::vector<T> read(const vs::safetensors::SafetensorsFile& f, const char* name,
                    std::vector<int64_t>* shape = nullptr) {
  const auto* v = f.find(name);
  if (v == nullptr) {
    std::fprintf(stderr, "missing %s\n", name);
    std::exit(2);
  }
  std::vector<T> out(static_cast<size_t>(v->numel()));
  std::memcpy(out.data(), v->data, v->byte_size);
  if (shape != nullptr) {
    *shape = v->shape;
  }
  return out;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s MODEL_DIR INPUTS.safetensors [cuda|cpu] [bf16|f32] [new_tokens] [runs]\n",
                 argv[0]);
    return 2;
  }
  const std::string device = argc > 3 ? argv[3] : "cuda";
  const std::string dtype = argc > 4 ? argv[4] : "bf16";
  const int64_t new_tokens = argc > 5 ? std::stoll(argv[5]) : 128;
  const int runs = argc > 6 ? std::stoi(argv[6]) : 3;
  const auto inputs = vs::safetensors::SafetensorsFile::open(argv[2]);
  vs::qwen25vl::VideoInput video;
  std::vector<int64_t> shape;
  video.pixel_values = read<float>(inputs, "pixel_values_videos", &shape);
  video.rows = shape[0];
  video.cols = shape[1];
  const auto grid = read<int64_t>(inputs, "video_grid_thw");
  video.grid_thw = {grid[0], grid[1], grid[2]};
  const auto ids = read<int64_t>(inputs, "input_ids");

  vs::qwen25vl::EngineOptions options;
  options.device = device == "cuda" ? vs::qwen25vl::Device::kCuda : vs::qwen25vl::Device::kCpu;
  options.dtype = dtype == "f32" ? vs::qwen25vl::ComputeDtype::kF32 : vs::qwen25vl::ComputeDtype::kBF16;
  auto engine = vs::qwen25vl::Qwen25VLEngine::load(argv[1], options);
  vs::generate::GenerationOverrides o;
  o.decoding = vs::generate::Decoding::kGreedy;
  o.repetition_penalty = 1.0;
  o.max_new_tokens = new_tokens;
  o.eos_token_ids = std::vector<int64_t>{};
  const auto config = engine->generationConfig(o);
  for (int r = 0; r < runs; ++r) {
    const auto res = engine->generate(ids, &video, config, {});
    const double tps = 1000.0 * static_cast<double>(res.tokens.size() - 1) / res.decode_ms;
    std::printf(
        "{\"run\":%d,\"prompt_tokens\":%lld,\"new_tokens\":%zu,\"vision_ms\":%.3f,\"prefill_ms\":%.3f,"
        "\"decode_ms\":%.3f,\"decode_tokens_per_s\":%.3f,\"first_tokens\":[%lld,%lld,%lld,%lld]}\n",
        r, static_cast<long long>(res.prompt_tokens), res.tokens.size(), res.vision_ms, res.prefill_ms,
        res.decode_ms, tps, static_cast<long long>(res.tokens[0]), static_cast<long long>(res.tokens[1]),
        static_cast<long long>(res.tokens[2]), static_cast<long long>(res.tokens[3]));
    std::fflush(stdout);
  }
  return 0;
}
