// Tiny Qwen2.5-VL on the CPU (tests/data/qwen25vl/tiny, fp32): vision ms, prefill ms and decode
// tokens/s of the engine, against a baseline measured in the same run: the same decoder without
// a KV cache (every step re-runs the whole sequence, as a cache-less implementation would).
// Prints a table; never asserts on time.  Usage: bench_qwen25vl_cpu [new_tokens] [threads]
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "inference/checkpoint/checkpoint.h"
#include "inference/qwen25vl/qwen25vl_engine.h"
#include "inference/qwen25vl/rope_index.h"
#include "inference/qwen25vl/text_decoder.h"
#include "inference/qwen25vl/weight_binder.h"
#include "inference/safetensors/safetensors_file.h"

namespace {

double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

std::vector<float> goldenFloats(const vs::safetensors::SafetensorsFile& f, const char* name,
                                std::vector<int64_t>* shape) {
  const auto* v = f.find(name);
  std::vector<float> out(static_cast<size_t>(v->numel()));
  std::memcpy(out.data(), v->data, v->byte_size);
  *shape = v->shape;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t new_tokens = argc > 1 ? std::stoll(argv[1]) : 64;
  const int threads = argc > 2 ? std::stoi(argv[2]) : 2;
  const std::string dir = std::string(VS_TEST_DATA_DIR) + "/qwen25vl";
  const auto golden = vs::safetensors::SafetensorsFile::open(dir + "/golden.safetensors");
  std::vector<int64_t> shape;
  vs::qwen25vl::VideoInput video;
  video.pixel_values = goldenFloats(golden, "pixel_values_videos", &shape);
  video.rows = shape[0];
  video.cols = shape[1];
  video.grid_thw = {5, 10, 14};
  const auto* ids_view = golden.find("input_ids");
  std::vector<int64_t> ids(static_cast<size_t>(ids_view->numel()));
  std::memcpy(ids.data(), ids_view->data, ids_view->byte_size);

  vs::qwen25vl::EngineOptions options;
  options.num_threads = threads;
  auto engine = vs::qwen25vl::Qwen25VLEngine::load(dir + "/tiny", options);
  vs::generate::GenerationOverrides o;
  o.decoding = vs::generate::Decoding::kGreedy;
  o.repetition_penalty = 1.0;
  o.max_new_tokens = new_tokens;
  o.eos_token_ids = std::vector<int64_t>{};
  const auto config = engine->generationConfig(o);
  engine->generate(ids, &video, config, {});  // warm-up
  const auto ours = engine->generate(ids, &video, config, {});
  const double ours_tps = 1000.0 * static_cast<double>(ours.tokens.size() - 1) / ours.decode_ms;

  // Baseline: no KV cache — each new token re-runs the decoder over the whole sequence.
  c10::InferenceMode guard;
  const auto cp = vs::checkpoint::Checkpoint::open(dir + "/tiny");
  vs::qwen25vl::WeightBinder binder(cp, at::TensorOptions().dtype(at::kFloat));
  const vs::qwen25vl::TextDecoder text(cp.config().text, binder);
  const auto& tok = cp.config().tokens;
  auto seq = ids;
  // The vision rows are irrelevant to the timing; plain token embeddings keep the baseline simple.
  const auto start = std::chrono::steady_clock::now();
  for (int64_t s = 0; s < new_tokens; ++s) {
    const auto rope =
        vs::qwen25vl::ropeIndex(seq, {}, {vs::qwen25vl::VisionGrid{video.grid_thw, 1.0}},
                                {tok.image_token_id, tok.video_token_id, tok.vision_start_token_id}, 2,
                                cp.config().vision.tokens_per_second);
    auto pos = at::empty({3, static_cast<int64_t>(seq.size())}, at::TensorOptions().dtype(at::kLong));
    for (int64_t k = 0; k < 3; ++k) {
      std::copy(rope.positions[static_cast<size_t>(k)].begin(), rope.positions[static_cast<size_t>(k)].end(),
                pos[k].data_ptr<int64_t>());
    }
    vs::qwen25vl::KvCache cache(cp.config().text, static_cast<int64_t>(seq.size()), binder.options());
    const auto t = at::tensor(seq, at::TensorOptions().dtype(at::kLong));
    const auto logits = text.forward(text.embed(t), pos, cache, vs::qwen25vl::LogitRows::kLast);
    seq.push_back(logits.argmax(-1).item<int64_t>());
  }
  const double base_ms = msSince(start);
  const double base_tps = 1000.0 * static_cast<double>(new_tokens) / base_ms;

  std::printf("tiny Qwen2.5-VL, CPU fp32, %d threads, prompt %zu tokens (175 video), %lld new tokens\n",
              threads, ids.size(), static_cast<long long>(new_tokens));
  std::printf("%-34s %12s %12s %14s\n", "", "vision ms", "prefill ms", "decode tok/s");
  std::printf("%-34s %12.2f %12.2f %14.1f\n", "engine (KV cache)", ours.vision_ms, ours.prefill_ms, ours_tps);
  std::printf("%-34s %12s %12s %14.1f\n", "baseline (no cache, re-prefill)", "-", "-", base_tps);
  std::printf("speed-up decode: %.2fx\n", ours_tps / base_tps);
  return 0;
}
