#include "inference/worker/score_params.h"

#include "inference/base/error.h"
#include "inference/worker/protocol.h"
#include "inference/worker/worker_loop.h"

namespace vs::worker {

using nlohmann::json;

namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw MethodError(kErrInvalidRequest, message);
}

double positiveFps(const json& params) {
  const double fps = params.value("fps", 2.0);
  if (!(fps > 0))
    invalid("fps must be > 0");
  return fps;
}

videoscore2::QueryTemplate readTemplate(const json& t) {
  try {
    videoscore2::QueryTemplate q = videoscore2::QueryTemplate::release();
    if (t.is_string()) {
      q = videoscore2::QueryTemplate::preset(t.get<std::string>());
    } else if (t.is_object()) {
      q = videoscore2::QueryTemplate(t.value("name", std::string("custom")), t.at("text").get<std::string>());
    } else {
      invalid("template: a preset name or {name, text}");
    }
    q.validate();
    return q;
  } catch (const inference::Error& e) {
    invalid(std::string("template: ") + e.what());
  }
}

FramesFile readFrames(const json& frames) {
  FramesFile f;
  f.path = requireString(frames, "path");
  f.count = frames.value("count", int64_t{0});
  f.height = frames.value("height", 0);
  f.width = frames.value("width", 0);
  if (f.count < 1 || f.height < 1 || f.width < 1)
    invalid("frames: count, height and width must be >= 1");
  return f;
}

}  // namespace

std::string requireString(const json& params, const char* key) {
  if (!params.contains(key) || !params[key].is_string() || params[key].get<std::string>().empty()) {
    invalid(std::string("missing \"") + key + "\" (string)");
  }
  return params[key].get<std::string>();
}

std::optional<qwen25vl::Device> deviceNamed(const std::string& name) {
  if (name == "cpu")
    return qwen25vl::Device::kCpu;
  if (name == "cuda")
    return qwen25vl::Device::kCuda;
  return std::nullopt;
}

std::optional<qwen25vl::ComputeDtype> dtypeNamed(const std::string& name) {
  if (name == "f32")
    return qwen25vl::ComputeDtype::kF32;
  if (name == "bf16")
    return qwen25vl::ComputeDtype::kBF16;
  if (name == "f16")
    return qwen25vl::ComputeDtype::kF16;
  return std::nullopt;
}

LoadParams readLoadParams(const json& params) {
  LoadParams p;
  p.model_dir = requireString(params, "model");
  p.device = params.value("device", std::string("cpu"));
  p.dtype = params.value("dtype", std::string("f32"));
  const std::optional<qwen25vl::Device> device = deviceNamed(p.device);
  const std::optional<qwen25vl::ComputeDtype> dtype = dtypeNamed(p.dtype);
  if (!device)
    invalid("device must be cpu or cuda");
  if (!dtype)
    invalid("dtype must be f32, bf16 or f16");
  p.engine.device = *device;
  p.engine.dtype = *dtype;
  return p;
}

ScoreParams readScoreParams(const json& params) {
  ScoreParams p;
  // Either a video file, or frames already sampled elsewhere (vscore serve: a client's sampler
  // output, decoded from lossless PNG) as one raw RGB24 file of count x height x width x 3 bytes.
  if (params.contains("frames") && params["frames"].is_object()) {
    p.frames = readFrames(params["frames"]);
  } else {
    p.video = requireString(params, "video");
  }
  if (!params.contains("prompt") || !params["prompt"].is_string())
    invalid("missing \"prompt\" (string)");
  p.prompt = params["prompt"].get<std::string>();

  videoscore2::ScoreSettings& s = p.settings;
  if (params.contains("template"))
    s.query_template = readTemplate(params["template"]);
  if (params.value("greedy", false)) {
    s.decoding = videoscore2::Decoding::Greedy;
  } else {
    s.decoding = videoscore2::Decoding::Sample;
    s.temperature = params.value("temperature", 0.7);
    if (!(s.temperature > 0))
      invalid("temperature must be > 0 (use greedy)");
  }
  s.seed = params.value("seed", uint64_t{0});
  s.max_new_tokens = params.value("max_new_tokens", int64_t{1024});
  if (s.max_new_tokens < 1)
    invalid("max_new_tokens must be >= 1");
  // Explicit sampling parameters (vscore serve passes a request's); absent: generation_config.json.
  if (params.contains("top_p")) {
    s.top_p = params["top_p"].get<double>();
    if (!(*s.top_p > 0 && *s.top_p <= 1))
      invalid("top_p must be in (0, 1]");
  }
  if (params.contains("top_k")) {
    s.top_k = params["top_k"].get<int64_t>();
    if (*s.top_k < 0)
      invalid("top_k must be >= 0 (0: off)");
  }
  if (params.contains("repetition_penalty")) {
    s.repetition_penalty = params["repetition_penalty"].get<double>();
    if (!(*s.repetition_penalty > 0))
      invalid("repetition_penalty must be > 0");
  }
  s.top_logprobs = params.value("top_logprobs", -1);
  s.extra_digit_logprobs = params.value("digit_logprobs", false);
  s.format = params.value("constrained", false) ? videoscore2::ScoreFormat::Constrained
                                                : videoscore2::ScoreFormat::Free;
  p.fps = positiveFps(params);
  return p;
}

PrefetchParams readPrefetchParams(const json& params) {
  PrefetchParams p;
  p.video = requireString(params, "video");
  p.fps = positiveFps(params);
  return p;
}

json settingsJson(const ScoreParams& params, const std::string& model_dir, double fps, const json& model,
                  const json& generation) {
  const videoscore2::ScoreSettings& s = params.settings;
  return json{{"model", model_dir},
              {"template", s.query_template.name()},
              {"template_text", s.query_template.text()},
              {"fps", fps},
              {"greedy", s.decoding == videoscore2::Decoding::Greedy},
              {"temperature", s.temperature},
              {"seed", s.seed},
              {"max_new_tokens", s.max_new_tokens},
              {"constrained", s.format == videoscore2::ScoreFormat::Constrained},
              {"device", model.value("device", "cpu")},
              {"dtype", model.value("dtype", "f32")},
              {"generation", generation}};
}

}  // namespace vs::worker
