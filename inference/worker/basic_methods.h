#pragma once
// Methods every worker answers, whatever engine it carries: hello and ping (protocol.h).
#include <nlohmann/json.hpp>

#include <functional>

#include "inference/worker/worker_loop.h"

namespace vs::worker {

// `describe` fills hello's result (engine, devices, model); name/version/protocol are added here.
void addBasicMethods(WorkerLoop& loop, const std::string& version, std::function<nlohmann::json()> describe);

}  // namespace vs::worker
