// vscore-worker: runs the evaluator model in its own process, speaking JSON Lines on
// stdin/stdout (inference/worker/protocol.h). A crash here never takes the GUI with it.
#include <iostream>
#include <string_view>

#include "inference/worker/basic_methods.h"
#include "inference/worker/worker_loop.h"
#include "scoring_service.h"
#ifdef VS_HAVE_GENERATE
#include "core/domain/error.h"
#include "core/scoring/worker_video.h"
#include "error_codes.h"
#include "generate_mode.h"
#include "video_input.h"
#endif

int main(int argc, char** argv) {
#ifdef VS_HAVE_GENERATE
  // Command-line mode used by `vscore generate`; the protocol loop otherwise.
  if (argc > 1 && std::string_view(argv[1]) == "generate") {
    const vs::worker::VideoSampler sampler = [](const vs::worker::VideoRequest& r) {
      try {
        return vs::worker::toVideoInput(vs::scoring::sampleForModel(r.path, r.model_dir, r.max_pixels));
      } catch (const vs::Error& e) {
        throw vs::worker::asInferenceError(e);
      }
    };
    return vs::worker::runGenerate({argv + 2, argv + argc}, sampler, std::cout, std::cerr);
  }
#endif
  std::ios::sync_with_stdio(false);
  vs::worker::WorkerLoop loop(std::cin, std::cout);
  vs::worker::ScoringService service;
  vs::worker::addBasicMethods(loop, VS_VERSION, [&service] { return service.describe(); });
  service.registerMethods(loop);
  return loop.run();
}
