#include "generate_mode.h"

#include <QFileInfo>
#include <QString>
#include <iostream>
#include <string>
#include <vector>

#include "core/domain/error.h"
#include "core/media/qwen_sampler.h"
#include "inference/qwen25vl/generate_command.h"

namespace vs::worker {

int runGenerateMode(int argc, char** argv) {
  std::vector<std::string> args(argv + 2, argv + argc);
  const qwen25vl::VideoSampler sampler = [](const qwen25vl::VideoRequest& request, int& code) {
    try {
      media::SamplerConfig config;
      const QString pre =
          QString::fromStdString(request.model_dir) + QStringLiteral("/preprocessor_config.json");
      if (QFileInfo::exists(pre)) {
        config = media::SamplerConfig::fromPreprocessorConfig(pre, config);
      }
      if (request.max_pixels) {
        config.max_pixels = *request.max_pixels;
      }
      const auto sampled = media::sampleVideo(QString::fromStdString(request.path), config);
      qwen25vl::VideoInput video;
      video.pixel_values = sampled.pixels.values;
      video.rows = sampled.pixels.rows;
      video.cols = sampled.pixels.cols;
      video.grid_thw = sampled.pixels.grid_thw;
      video.second_per_grid_t = sampled.second_per_grid_t;
      return video;
    } catch (const vs::Error& e) {
      code = e.kind() == vs::Error::Kind::Io ? 1 : 3;
      throw;
    }
  };
  return qwen25vl::runGenerateCommand(args, sampler, std::cout, std::cerr);
}

}  // namespace vs::worker
