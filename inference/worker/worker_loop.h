#pragma once
// Reads requests line by line and dispatches them to method handlers. Handlers may emit
// progress events; the loop guarantees exactly one result or error per request id.
#include <nlohmann/json.hpp>

#include <functional>
#include <iosfwd>
#include <map>
#include <mutex>
#include <string>

namespace vs::worker {

class MethodError : public std::runtime_error {
 public:
  MethodError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

class WorkerLoop {
 public:
  // emit(event_json) writes one progress event for the current request.
  using Emit = std::function<void(nlohmann::json event)>;
  using Handler = std::function<nlohmann::json(const nlohmann::json& params, const Emit& emit)>;

  WorkerLoop(std::istream& in, std::ostream& out);

  void on(const std::string& method, Handler handler);
  // Runs until `shutdown` or end of input. Returns the process exit code.
  int run();

  // Writes one JSON line (thread-safe).
  void send(const nlohmann::json& message);

 private:
  void handleLine(const std::string& line);

  std::istream& in_;
  std::ostream& out_;
  std::mutex out_mutex_;
  std::map<std::string, Handler> handlers_;
  bool shutting_down_ = false;
};

}  // namespace vs::worker
