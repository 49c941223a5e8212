#include "inference/worker/worker_loop.h"

#include <istream>
#include <new>
#include <ostream>

#include "inference/worker/protocol.h"

namespace vs::worker {

using nlohmann::json;

void JobContext::throwIfCancelled() const {
  if (cancelled()) {
    throw MethodError(kErrCancelled, "cancelled");
  }
}

WorkerLoop::WorkerLoop(std::istream& in, std::ostream& out) : in_(in), out_(out) {
  on("shutdown", [this](const json&, const Emit&) {
    shutting_down_ = true;
    return json::object();
  });
  on("cancel", [this](const json& params, const Emit&) { return cancelRequest(params); });
}

WorkerLoop::~WorkerLoop() {
  stopJobs();
}

void WorkerLoop::on(const std::string& method, Handler handler) {
  handlers_[method] = std::move(handler);
}

void WorkerLoop::onJob(const std::string& method, JobHandler handler) {
  job_handlers_[method] = std::move(handler);
}

void WorkerLoop::send(const json& message) {
  const std::string line = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(out_mutex_);
  out_ << line << '\n';
  out_.flush();
}

static json errorReply(const json& id, const std::string& code, const std::string& message) {
  return json{{"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

void WorkerLoop::reply(const json& id, const std::function<json()>& body) {
  try {
    send(json{{"id", id}, {"result", body()}});
  } catch (const MethodError& e) {
    send(errorReply(id, e.code(), e.what()));
  } catch (const std::bad_alloc&) {
    send(errorReply(id, kErrOutOfMemory, "out of memory"));
  } catch (const json::exception& e) {
    send(errorReply(id, kErrInvalidRequest, std::string("bad params: ") + e.what()));
  } catch (const std::exception& e) {
    send(errorReply(id, kErrInternal, e.what()));
  }
}

json WorkerLoop::cancelRequest(const json& params) {
  if (!params.is_object() || !params.contains("id")) {
    throw MethodError(kErrInvalidRequest, "cancel needs {\"id\": <request id>}");
  }
  const std::string key = params["id"].dump();
  std::lock_guard<std::mutex> lock(jobs_mutex_);
  if (running_key_ == key && running_cancel_) {
    running_cancel_->store(true);
    return json{{"cancelled", true}, {"state", "running"}};
  }
  for (auto it = queue_.begin(); it != queue_.end(); ++it) {
    if (it->key == key) {
      send(errorReply(it->id, kErrCancelled, "cancelled before it started"));
      queue_.erase(it);
      return json{{"cancelled", true}, {"state", "queued"}};
    }
  }
  return json{{"cancelled", false}, {"state", "unknown"}};
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
  json params = request.contains("params") ? request["params"] : json::object();
  if (!params.is_object()) {
    send(errorReply(id, kErrInvalidRequest, "\"params\" must be an object"));
    return;
  }
  if (const auto job = job_handlers_.find(method); job != job_handlers_.end()) {
    std::lock_guard<std::mutex> lock(jobs_mutex_);
    queue_.push_back(
        Job{id, id.dump(), method, std::move(params), std::make_shared<std::atomic<bool>>(false)});
    if (!job_thread_.joinable()) {
      job_thread_ = std::thread([this] { jobThread(); });
    }
    jobs_cv_.notify_one();
    return;
  }
  const auto handler = handlers_.find(method);
  if (handler == handlers_.end()) {
    send(errorReply(id, kErrUnknownMethod, "unknown method \"" + method + "\""));
    return;
  }
  const Emit emit = [this, &id](json event) {
    event["id"] = id;
    if (!event.contains("event")) {
      event["event"] = "progress";
    }
    send(event);
  };
  reply(id, [&] { return handler->second(params, emit); });
}

void WorkerLoop::runJob(Job& job) {
  const json id = job.id;
  const JobContext context(
      [this, id](json event) {
        event["id"] = id;
        if (!event.contains("event")) {
          event["event"] = "progress";
        }
        send(event);
      },
      *job.cancel);
  const JobHandler& handler = job_handlers_.at(job.method);
  reply(id, [&] {
    context.throwIfCancelled();
    json result = handler(job.params, context);
    context.throwIfCancelled();
    return result;
  });
}

void WorkerLoop::jobThread() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(jobs_mutex_);
      jobs_cv_.wait(lock, [this] { return stop_jobs_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;  // stop_jobs_ and nothing left
      }
      job = std::move(queue_.front());
      queue_.pop_front();
      running_key_ = job.key;
      running_cancel_ = job.cancel;
    }
    runJob(job);
    std::lock_guard<std::mutex> lock(jobs_mutex_);
    running_key_.clear();
    running_cancel_.reset();
    drained_cv_.notify_all();
  }
}

void WorkerLoop::stopJobs() {
  {
    std::lock_guard<std::mutex> lock(jobs_mutex_);
    stop_jobs_ = true;
    for (Job& job : queue_) {
      send(errorReply(job.id, kErrCancelled, "the worker is shutting down"));
    }
    queue_.clear();
    if (running_cancel_) {
      running_cancel_->store(true);
    }
    jobs_cv_.notify_all();
  }
  if (job_thread_.joinable()) {
    job_thread_.join();
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
  if (!shutting_down_) {
    // End of input: finish what was asked (a pipe of requests), then exit. If the parent died,
    // the next write fails with SIGPIPE and ends the process anyway.
    std::unique_lock<std::mutex> lock(jobs_mutex_);
    jobs_cv_.notify_all();
    drained_cv_.wait(lock, [this] { return queue_.empty() && running_key_.empty(); });
  }
  stopJobs();
  return 0;
}

}  // namespace vs::worker
