#include "core/scoring/worker_video.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/domain/error.h"

namespace vs::scoring {

media::SamplerConfig samplerFor(const std::string& model_dir, double fps) {
  return media::SamplerConfig::forModel(QString::fromStdString(model_dir), fps);
}

media::SampledVideo sampleVideoFile(const std::string& path, const media::SamplerConfig& config) {
  return media::sampleVideo(QString::fromStdString(path), config, media::SampleOutput::Patches);
}

media::SampledVideo sampleFramesFile(const std::string& path, int64_t count, int height, int width,
                                     const media::SamplerConfig& config) {
  const QString file = QString::fromStdString(path);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    throw vs::Error(vs::Error::Kind::Io, file, QStringLiteral("cannot open frames file"));
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owner(f, &std::fclose);
  media::SampledVideo s;
  for (int64_t i = 0; i < count; ++i) {
    media::RgbImage frame(width, height);
    if (std::fread(frame.pixels.data(), 1, frame.pixels.size(), f) != frame.pixels.size()) {
      throw vs::Error(vs::Error::Kind::Io, file,
                      QStringLiteral("frames file shorter than count x height x width x 3"));
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
  s.pixels = media::patchify(s.frames, config);
  s.frames.clear();
  // As sampleVideo: temporal_patch_size / fps (the processor's fps kwarg).
  s.second_per_grid_t = static_cast<double>(config.temporal_patch_size) / config.fps;
  return s;
}

media::SampledVideo sampleForModel(const std::string& path, const std::string& model_dir,
                                   std::optional<int64_t> max_pixels) {
  media::SamplerConfig config = samplerFor(model_dir, media::SamplerConfig().fps);
  if (max_pixels)
    config.max_pixels = *max_pixels;
  return sampleVideoFile(path, config);
}

nlohmann::json samplerJson(const media::SampledVideo& s, bool prefetched) {
  return nlohmann::json{{"nframes", s.nframes},
                        {"total_frames", s.total_frames},
                        {"video_fps", s.video_fps},
                        {"indices", s.indices},
                        {"grid_thw", s.pixels.grid_thw},
                        {"resized", {s.resized.height, s.resized.width}},
                        {"source", {s.source_height, s.source_width}},
                        {"second_per_grid_t", s.second_per_grid_t},
                        {"prefetched", prefetched},
                        {"warning", s.warning.toStdString()}};
}

// A key is what a sample depends on, as one string: "fps\nmodel_dir\nvideo".
ModelVideoPrefetcher::ModelVideoPrefetcher()
    : prefetcher_([](const std::string& key) {
        const size_t a = key.find('\n');
        const size_t b = key.find('\n', a + 1);
        const double fps = std::strtod(key.substr(0, a).c_str(), nullptr);
        return sampleVideoFile(key.substr(b + 1), samplerFor(key.substr(a + 1, b - a - 1), fps));
      }) {}

void ModelVideoPrefetcher::setModel(const std::string& model_dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  model_dir_ = model_dir;
}

std::string ModelVideoPrefetcher::key(double fps, const std::string& video) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", fps);
  std::lock_guard<std::mutex> lock(mutex_);
  return model_dir_.empty() ? std::string() : std::string(buf) + '\n' + model_dir_ + '\n' + video;
}

bool ModelVideoPrefetcher::request(double fps, const std::string& video) {
  const std::string k = key(fps, video);
  if (!k.empty())
    prefetcher_.request(k);
  return !k.empty();
}

std::optional<media::SampledVideo> ModelVideoPrefetcher::take(double fps, const std::string& video) {
  const std::string k = key(fps, video);
  return k.empty() ? std::nullopt : prefetcher_.take(k);
}

}  // namespace vs::scoring
