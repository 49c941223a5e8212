#include "inference/worker/basic_methods.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "inference/worker/protocol.h"

namespace vs::worker {

using nlohmann::json;

void addBasicMethods(WorkerLoop& loop, const std::string& version, std::function<json()> describe) {
  loop.on("hello", [version, describe](const json&, const WorkerLoop::Emit&) {
    json info = describe ? describe() : json::object();
    info["name"] = "vscore-worker";
    info["version"] = version;
    info["protocol"] = kProtocolVersion;
    return info;
  });
  loop.onJob("ping", [](const json& params, const JobContext& job) {
    const int64_t delay_ms = params.value("delay_ms", int64_t{0});
    if (delay_ms < 0) {
      throw MethodError(kErrInvalidRequest, "delay_ms must be >= 0");
    }
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
      job.throwIfCancelled();
      const auto elapsed_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
              .count();
      if (elapsed_ms >= delay_ms) {
        break;
      }
      job.progress(json{{"stage", "waiting"}, {"elapsed_ms", elapsed_ms}});
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(50, delay_ms - elapsed_ms)));
    }
    return json{{"pong", true}};
  });
}

}  // namespace vs::worker
