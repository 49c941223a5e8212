// vscore-worker: runs the evaluator model in its own process, speaking JSON Lines on
// stdin/stdout (inference/worker/protocol.h). A crash here never takes the GUI with it.
#include <iostream>

#include "inference/worker/protocol.h"
#include "inference/worker/worker_loop.h"

int main() {
  std::ios::sync_with_stdio(false);
  vs::worker::WorkerLoop loop(std::cin, std::cout);
  loop.on("hello", [](const nlohmann::json&, const vs::worker::WorkerLoop::Emit&) {
    return nlohmann::json{{"name", "vscore-worker"},
                          {"version", VS_VERSION},
                          {"protocol", vs::worker::kProtocolVersion},
#ifdef VS_WITH_TORCH
                          {"engine", true},
#else
                          {"engine", false},
#endif
                          {"devices", nlohmann::json::array({"cpu"})}};
  });
  return loop.run();
}
