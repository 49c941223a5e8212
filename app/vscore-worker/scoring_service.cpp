#include "scoring_service.h"

#include <QString>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <mutex>

#include "core/domain/error.h"
#include "core/media/qwen_sampler.h"
#include "core/media/sampler_config.h"
#include "inference/worker/protocol.h"
#include "inference/videoscore2/query_template.h"
#include "video_prefetcher.h"
#ifdef VS_HAVE_SCORER
#include "inference/safetensors/load_error.h"
#include "inference/videoscore2/scorer.h"
#endif

namespace vs::worker {

using nlohmann::json;

namespace {
double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::string requireString(const json& params, const char* key) {
  if (!params.contains(key) || !params[key].is_string() || params[key].get<std::string>().empty()) {
    throw MethodError(kErrInvalidRequest, std::string("missing \"") + key + "\" (string)");
  }
  return params[key].get<std::string>();
}

// What a sample depends on, as one string: fps, the model's preprocessor config, the video.
std::string sampleKey(const std::string& model_dir, double fps, const std::string& video) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", fps);
  return std::string(buf) + '\n' + model_dir + '\n' + video;
}

// The model's preprocessor_config.json over the Qwen2.5-VL processor defaults, at `fps`.
media::SamplerConfig samplerConfig(const std::string& model_dir, double fps) {
  media::SamplerConfig sampler;
  sampler.fps = fps;
  try {
    const QString preprocessor = QString::fromStdString(model_dir + "/preprocessor_config.json");
    sampler = media::SamplerConfig::fromPreprocessorConfig(preprocessor, sampler);
  } catch (const vs::Error&) {
    // No preprocessor_config.json: the Qwen2.5-VL processor defaults apply.
  }
  return sampler;
}

media::SampledVideo sampleForKey(const std::string& key) {
  const size_t a = key.find('\n');
  const size_t b = key.find('\n', a + 1);
  const double fps = std::strtod(key.substr(0, a).c_str(), nullptr);
  return media::sampleVideo(QString::fromStdString(key.substr(b + 1)),
                            samplerConfig(key.substr(a + 1, b - a - 1), fps), media::SampleOutput::Patches);
}
// `frames`: {path, count, height, width}; the file holds the frames as RGB24, one after another.
media::SampledVideo framesFromFile(const json& frames, const media::SamplerConfig& config) {
  const std::string path = requireString(frames, "path");
  const int64_t count = frames.value("count", int64_t{0});
  const int height = frames.value("height", 0);
  const int width = frames.value("width", 0);
  if (count < 1 || height < 1 || width < 1) {
    throw MethodError(kErrInvalidRequest, "frames: count, height and width must be >= 1");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw MethodError(kErrBadVideo, path + ": cannot open frames file");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owner(f, &std::fclose);
  media::SampledVideo s;
  for (int64_t i = 0; i < count; ++i) {
    media::RgbImage frame(width, height);
    if (std::fread(frame.pixels.data(), 1, frame.pixels.size(), f) != frame.pixels.size()) {
      throw MethodError(kErrBadVideo, path + ": frames file shorter than count x height x width x 3");
    }
    s.frames.push_back(std::move(frame));
  }
  s.nframes = count;
  s.total_frames = count;
  s.resized = media::ResizedSize{height, width};
  s.source_height = height;
  s.source_width = width;
  for (int64_t i = 0; i < count; ++i)
    s.indices.push_back(i);
  try {
    s.pixels = media::patchify(s.frames, config);
  } catch (const vs::Error& e) {
    throw MethodError(kErrBadVideo, e.what());
  }
  s.frames.clear();
  // As sampleVideo: temporal_patch_size / fps (the processor's fps kwarg).
  s.second_per_grid_t = static_cast<double>(config.temporal_patch_size) / config.fps;
  return s;
}
}  // namespace

struct ScoringService::Impl {
#ifdef VS_HAVE_SCORER
  std::unique_ptr<videoscore2::Scorer> scorer;
#endif
  json model = nullptr;        // what load returned
  std::mutex model_dir_mutex;  // prefetch reads it on the reader thread
  std::string model_dir;
  VideoPrefetcher prefetcher{sampleForKey};

  std::string modelDir() {
    std::lock_guard<std::mutex> lock(model_dir_mutex);
    return model_dir;
  }
};

ScoringService::ScoringService() : d_(std::make_unique<Impl>()) {}
ScoringService::~ScoringService() = default;

void ScoringService::registerMethods(WorkerLoop& loop) {
  loop.onJob("load", [this](const json& p, const JobContext& job) { return load(p, job); });
  loop.onJob("score", [this](const json& p, const JobContext& job) { return score(p, job); });
  // prefetch {video, fps}: a hint that `score` of this video comes next; sampled meanwhile on
  // the prefetch thread. Answered at once, on the reader thread.
  loop.on("prefetch", [this](const json& p, const WorkerLoop::Emit&) {
    const std::string video = requireString(p, "video");
    const double fps = p.value("fps", 2.0);
    if (!(fps > 0))
      throw MethodError(kErrInvalidRequest, "fps must be > 0");
    const std::string dir = d_->modelDir();
    if (dir.empty())
      return json{{"prefetching", false}};
    d_->prefetcher.request(sampleKey(dir, fps, video));
    return json{{"prefetching", true}};
  });
}

json ScoringService::describe() const {
#ifdef VS_HAVE_SCORER
  json devices = json::array({"cpu"});
  if (qwen25vl::cudaAvailable()) {
    devices.push_back("cuda");
  }
  return json{{"engine", true}, {"devices", devices}, {"model", d_->model}};
#else
  return json{{"engine", false}, {"devices", json::array()}, {"model", nullptr}};
#endif
}

json ScoringService::load(const json& params, const JobContext& job) {
  const std::string dir = requireString(params, "model");
  const std::string device = params.value("device", std::string("cpu"));
  const std::string dtype = params.value("dtype", std::string("f32"));
  if (device != "cpu" && device != "cuda") {
    throw MethodError(kErrInvalidRequest, "device must be cpu or cuda");
  }
  if (dtype != "f32" && dtype != "bf16" && dtype != "f16") {
    throw MethodError(kErrInvalidRequest, "dtype must be f32, bf16 or f16");
  }
#ifndef VS_HAVE_SCORER
  (void)job;
  throw MethodError(kErrUnavailable, "this vscore-worker was built without the inference engine");
#else
  job.progress(json{{"stage", "loading"}, {"model", dir}});
  const auto start = std::chrono::steady_clock::now();
  qwen25vl::EngineOptions options;
  options.device = device == "cuda" ? qwen25vl::Device::kCuda : qwen25vl::Device::kCpu;
  options.dtype = dtype == "bf16"  ? qwen25vl::ComputeDtype::kBF16
                  : dtype == "f16" ? qwen25vl::ComputeDtype::kF16
                                   : qwen25vl::ComputeDtype::kF32;
  d_->scorer.reset();
  d_->model = nullptr;
  try {
    d_->scorer = videoscore2::Scorer::load(dir, options);
  } catch (const inference::LoadError& e) {
    throw MethodError(kErrBadModel, e.what());
  } catch (const qwen25vl::EngineError& e) {
    switch (e.kind()) {
      case qwen25vl::EngineError::Kind::kOutOfMemory:
        throw MethodError(kErrOutOfMemory, e.what());
      case qwen25vl::EngineError::Kind::kBadModel:
        throw MethodError(kErrBadModel, e.what());
      default:
        throw MethodError(kErrInternal, e.what());
    }
  } catch (const std::bad_alloc&) {
    throw MethodError(kErrOutOfMemory, "out of memory while loading " + dir);
  } catch (const std::exception& e) {
    // libtorch reports CUDA out-of-memory as c10::Error with this text.
    const std::string what = e.what();
    if (what.find("out of memory") != std::string::npos) {
      throw MethodError(kErrOutOfMemory, what);
    }
    throw MethodError(kErrBadModel, dir + ": " + what);
  }
  json info = d_->scorer->describe();
  info["device"] = device;
  info["dtype"] = dtype;
  info["load_ms"] = msSince(start);
  d_->model = info;
  {
    std::lock_guard<std::mutex> lock(d_->model_dir_mutex);
    d_->model_dir = dir;
  }
  return info;
#endif
}

json ScoringService::score(const json& params, const JobContext& job) {
#ifndef VS_HAVE_SCORER
  (void)params;
  (void)job;
  throw MethodError(kErrNoModel, "no model loaded (this vscore-worker has no inference engine)");
#else
  if (!d_->scorer) {
    throw MethodError(kErrNoModel, "score before a successful load");
  }
  // Either a video file, or frames already sampled elsewhere (vscore serve: a client's sampler
  // output, decoded from lossless PNG) as one raw RGB24 file of count x height x width x 3 bytes.
  const bool have_frames = params.contains("frames") && params["frames"].is_object();
  const std::string video = have_frames ? std::string() : requireString(params, "video");
  if (!params.contains("prompt") || !params["prompt"].is_string()) {
    throw MethodError(kErrInvalidRequest, "missing \"prompt\" (string)");
  }
  const std::string prompt = params["prompt"].get<std::string>();

  videoscore2::ScoreSettings settings;
  try {
    if (params.contains("template")) {
      const json& t = params["template"];
      if (t.is_string()) {
        settings.query_template = videoscore2::QueryTemplate::preset(t.get<std::string>());
      } else if (t.is_object()) {
        settings.query_template = videoscore2::QueryTemplate(t.value("name", std::string("custom")),
                                                             t.at("text").get<std::string>());
      } else {
        throw MethodError(kErrInvalidRequest, "template: a preset name or {name, text}");
      }
      settings.query_template.validate();
    }
  } catch (const videoscore2::TemplateError& e) {
    throw MethodError(kErrInvalidRequest, std::string("template: ") + e.what());
  }
  if (params.value("greedy", false)) {
    settings.decoding = videoscore2::Decoding::Greedy;
  } else {
    settings.decoding = videoscore2::Decoding::Sample;
    settings.temperature = params.value("temperature", 0.7);
    if (!(settings.temperature > 0)) {
      throw MethodError(kErrInvalidRequest, "temperature must be > 0 (use greedy)");
    }
  }
  settings.seed = params.value("seed", uint64_t{0});
  settings.max_new_tokens = params.value("max_new_tokens", int64_t{1024});
  if (settings.max_new_tokens < 1) {
    throw MethodError(kErrInvalidRequest, "max_new_tokens must be >= 1");
  }
  // Explicit sampling parameters (vscore serve passes a request's); absent: generation_config.json.
  if (params.contains("top_p")) {
    settings.top_p = params["top_p"].get<double>();
    if (!(*settings.top_p > 0 && *settings.top_p <= 1)) {
      throw MethodError(kErrInvalidRequest, "top_p must be in (0, 1]");
    }
  }
  if (params.contains("top_k")) {
    settings.top_k = params["top_k"].get<int64_t>();
    if (*settings.top_k < 0) {
      throw MethodError(kErrInvalidRequest, "top_k must be >= 0 (0: off)");
    }
  }
  if (params.contains("repetition_penalty")) {
    settings.repetition_penalty = params["repetition_penalty"].get<double>();
    if (!(*settings.repetition_penalty > 0)) {
      throw MethodError(kErrInvalidRequest, "repetition_penalty must be > 0");
    }
  }
  settings.top_logprobs = params.value("top_logprobs", -1);
  settings.extra_digit_logprobs = params.value("digit_logprobs", false);
  settings.format = params.value("constrained", false) ? videoscore2::ScoreFormat::Constrained
                                                       : videoscore2::ScoreFormat::Free;
  const double fps = params.value("fps", 2.0);
  if (!(fps > 0)) {
    throw MethodError(kErrInvalidRequest, "fps must be > 0");
  }
  const media::SamplerConfig sampler = samplerConfig(d_->model_dir, fps);

  const auto start = std::chrono::steady_clock::now();
  job.progress(json{{"stage", "sampling"}, {"tokens", 0}, {"text", ""}});
  media::SampledVideo sampled;
  std::optional<media::SampledVideo> prefetched;
  if (have_frames) {
    sampled = framesFromFile(params["frames"], sampler);
  } else if ((prefetched = d_->prefetcher.take(sampleKey(d_->model_dir, fps, video)))) {
    sampled = std::move(*prefetched);
  } else {
    try {
      sampled = media::sampleVideo(QString::fromStdString(video), sampler, media::SampleOutput::Patches);
    } catch (const vs::Error& e) {
      throw MethodError(kErrBadVideo, e.what());
    }
  }
  const double sample_ms = msSince(start);
  job.throwIfCancelled();

  qwen25vl::VideoInput input;
  input.pixel_values = std::move(sampled.pixels.values);
  input.rows = sampled.pixels.rows;
  input.cols = sampled.pixels.cols;
  input.grid_thw = sampled.pixels.grid_thw;
  input.second_per_grid_t = sampled.second_per_grid_t;

  videoscore2::ScoreOutcome outcome;
  try {
    outcome = d_->scorer->score(
        prompt, input, settings,
        [&job](const videoscore2::ScoreProgress& p) {
          job.progress(json{{"stage", p.stage}, {"tokens", p.tokens}, {"text", p.text}});
        },
        &job.cancelFlag());
  } catch (const qwen25vl::EngineError& e) {
    if (e.kind() == qwen25vl::EngineError::Kind::kOutOfMemory) {
      throw MethodError(kErrOutOfMemory, e.what());
    }
    throw MethodError(e.kind() == qwen25vl::EngineError::Kind::kBadInput ? kErrBadVideo : kErrInternal,
                      e.what());
  } catch (const std::bad_alloc&) {
    throw MethodError(kErrOutOfMemory, "out of memory while scoring");
  } catch (const std::exception& e) {
    const std::string what = e.what();
    if (what.find("out of memory") != std::string::npos) {
      throw MethodError(kErrOutOfMemory, what);
    }
    throw;
  }
  job.throwIfCancelled();
  json result = videoscore2::toJson(outcome);
  result["video"] = have_frames ? json(nullptr) : json(video);
  result["sampler"] = json{{"nframes", sampled.nframes},
                           {"total_frames", sampled.total_frames},
                           {"video_fps", sampled.video_fps},
                           {"indices", sampled.indices},
                           {"grid_thw", sampled.pixels.grid_thw},
                           {"resized", {sampled.resized.height, sampled.resized.width}},
                           {"source", {sampled.source_height, sampled.source_width}},
                           {"second_per_grid_t", sampled.second_per_grid_t},
                           {"prefetched", prefetched.has_value()},
                           {"warning", sampled.warning.toStdString()}};
  result["settings"] = json{{"model", d_->model_dir},
                            {"template", settings.query_template.name()},
                            {"template_text", settings.query_template.text()},
                            {"fps", sampler.fps},
                            {"greedy", settings.decoding == videoscore2::Decoding::Greedy},
                            {"temperature", settings.temperature},
                            {"seed", settings.seed},
                            {"max_new_tokens", settings.max_new_tokens},
                            {"constrained", settings.format == videoscore2::ScoreFormat::Constrained},
                            {"device", d_->model.value("device", "cpu")},
                            {"dtype", d_->model.value("dtype", "f32")},
                            {"generation", outcome.generation}};
  result["timings"]["sample_ms"] = sample_ms;
  result["timings"]["total_ms"] = msSince(start);
  return result;
#endif
}

}  // namespace vs::worker
