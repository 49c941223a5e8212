// vscore-worker: runs the evaluator model in its own process, speaking JSON Lines on
// stdin/stdout (inference/worker/protocol.h). A crash here never takes the GUI with it.
#include <iostream>
#include <string_view>

#include "inference/worker/basic_methods.h"
#include "inference/worker/scoring_methods.h"
#include "inference/worker/worker_loop.h"
#include "video_side.h"
#ifdef VS_HAVE_GENERATE
#include "generate_args.h"
#endif

int main(int argc, char** argv) {
  // Command-line mode used by `vscore generate`; the protocol loop otherwise.
  if (argc > 1 && std::string_view(argv[1]) == "generate") {
#ifdef VS_HAVE_GENERATE
    return vs::worker::generateCommand({argv + 2, argv + argc}, vs::worker::sampleForGenerate, std::cout,
                                       std::cerr);
#else
    std::cerr << "vscore: error: this vscore-worker was built without the inference engine\n";
    return 1;
#endif
  }
  std::ios::sync_with_stdio(false);
  vs::worker::WorkerLoop loop(std::cin, std::cout);
  vs::worker::MediaVideoSide video;
  vs::worker::ScoringMethods service(video);
  vs::worker::addBasicMethods(loop, VS_VERSION, [&service] { return service.describe(); });
  service.registerMethods(loop);
  return loop.run();
}
