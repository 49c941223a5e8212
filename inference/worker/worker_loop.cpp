#include "inference/worker/worker_loop.h"

#include <istream>
#include <ostream>

#include "inference/worker/protocol.h"

namespace vs::worker {

using nlohmann::json;

WorkerLoop::WorkerLoop(std::istream& in, std::ostream& out) : in_(in), out_(out) {
  on("shutdown", [this](const json&, const Emit&) {
    shutting_down_ = true;
    return json::object();
  });
}

void WorkerLoop::on(const std::string& method, Handler handler) { handlers_[method] = std::move(handler); }

void WorkerLoop::send(const json& message) {
  const std::string line = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(out_mutex_);
  out_ << line << '\n';
  out_.flush();
}

static json errorReply(const json& id, const std::string& code, const std::string& message) {
  return json{{"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

void WorkerLoop::handleLine(const std::string& line) {
  json request;
  try {
    request = json::parse(line);
  } catch (const json::parse_error& e) {
    send(errorReply(nullptr, kErrParse, std::string("not JSON: ") + e.what()));
    return;
  }
  if (!request.is_object()) {
    send(errorReply(nullptr, kErrInvalidRequest, "a request is a JSON object"));
    return;
  }
  const json id = request.contains("id") ? request["id"] : json(nullptr);
  if (!request.contains("method") || !request["method"].is_string()) {
    send(errorReply(id, kErrInvalidRequest, "missing \"method\""));
    return;
  }
  const std::string method = request["method"].get<std::string>();
  const auto handler = handlers_.find(method);
  if (handler == handlers_.end()) {
    send(errorReply(id, kErrUnknownMethod, "unknown method \"" + method + "\""));
    return;
  }
  const json params = request.contains("params") ? request["params"] : json::object();
  const Emit emit = [this, &id](json event) {
    event["id"] = id;
    if (!event.contains("event")) {
      event["event"] = "progress";
    }
    send(event);
  };
  try {
    send(json{{"id", id}, {"result", handler->second(params, emit)}});
  } catch (const MethodError& e) {
    send(errorReply(id, e.code(), e.what()));
  } catch (const std::bad_alloc&) {
    send(errorReply(id, kErrOutOfMemory, "out of memory"));
  } catch (const std::exception& e) {
    send(errorReply(id, kErrInternal, e.what()));
  }
}

int WorkerLoop::run() {
  std::string line;
  while (!shutting_down_ && std::getline(in_, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    handleLine(line);
  }
  return 0;
}

}  // namespace vs::worker
