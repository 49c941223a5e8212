#include "inference/worker/generate_run.h"

#include <iostream>
#include <stdexcept>

#include "inference/qwen25vl/text_generator.h"
#include "inference/worker/error_codes.h"

namespace vs::worker {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

}  // namespace

int runGenerate(const GenerateOptions& o, const VideoSampler& sampler, std::ostream& out, std::ostream& err) {
  try {
    qwen25vl::TextGenerator generator(o.model_dir);
    // The video first: a bad file fails before a multi-GB model is loaded.
    qwen25vl::VideoInput video;
    if (!o.video.empty()) {
      video = sampler(VideoRequest{o.video, o.model_dir, o.max_pixels});
    }
    const nlohmann::json stats =
        generator.run(o.prompt, o.video.empty() ? nullptr : &video, o.overrides, o.engine, out);
    if (o.stats) {
      err << stats.dump() << '\n';
    }
    return kExitOk;
  } catch (const inference::Error& e) {
    // The engine's errors name no file: they are about the model directory.
    const bool engine = e.file().empty() && e.kind() != inference::Error::Kind::Io &&
                        e.kind() != inference::Error::Kind::InvalidData;
    err << "vscore: error: " << (engine ? o.model_dir + ": " : std::string()) << e.what() << '\n';
    return exitCode(e);
  } catch (const std::invalid_argument& e) {
    err << "vscore: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "vscore: error: " << e.what() << '\n';
    return kExitRuntime;
  }
}

}  // namespace vs::worker
