#pragma once
// Reads requests line by line and dispatches them to method handlers. The loop guarantees
// exactly one result or error per request id, and keeps reading while work runs:
//   * `on()` handlers run inline on the reader thread (cheap methods: hello, status);
//   * `onJob()` handlers run one at a time, in arrival order, on the job thread (load, score),
//     with a cancel flag that `cancel {"id": X}` sets;
//   * `cancel` and `shutdown` are built in; `shutdown` cancels queued and running jobs. At end of
//     input the queued jobs still run, then the loop ends.
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <iosfwd>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace vs::worker {

class MethodError : public std::runtime_error {
 public:
  MethodError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// What a job handler sees of its request.
class JobContext {
 public:
  JobContext(std::function<void(nlohmann::json)> emit_event, const std::atomic<bool>& cancel)
      : emit_(std::move(emit_event)), cancel_(cancel) {}
  // Writes one {"id":…, "event":"progress", …} line (event defaults to "progress").
  void progress(nlohmann::json event) const { emit_(std::move(event)); }
  bool cancelled() const { return cancel_.load(std::memory_order_relaxed); }
  const std::atomic<bool>& cancelFlag() const { return cancel_; }
  // Throws MethodError(cancelled) when the request was cancelled.
  void throwIfCancelled() const;

 private:
  std::function<void(nlohmann::json)> emit_;
  const std::atomic<bool>& cancel_;
};

class WorkerLoop {
 public:
  // emit(event_json) writes one progress event for the current request.
  using Emit = std::function<void(nlohmann::json event)>;
  using Handler = std::function<nlohmann::json(const nlohmann::json& params, const Emit& emit)>;
  using JobHandler = std::function<nlohmann::json(const nlohmann::json& params, const JobContext& job)>;

  WorkerLoop(std::istream& in, std::ostream& out);
  ~WorkerLoop();
  WorkerLoop(const WorkerLoop&) = delete;
  WorkerLoop& operator=(const WorkerLoop&) = delete;

  void on(const std::string& method, Handler handler);
  void onJob(const std::string& method, JobHandler handler);
  // Runs until `shutdown` (queued and running jobs are cancelled) or end of input (they finish).
  // Returns the process exit code.
  int run();

  // Writes one JSON line (thread-safe).
  void send(const nlohmann::json& message);

 private:
  struct Job {
    nlohmann::json id;
    std::string key;  // id.dump(), to find it again
    std::string method;
    nlohmann::json params;
    std::shared_ptr<std::atomic<bool>> cancel;
  };

  void handleLine(const std::string& line);
  nlohmann::json cancelRequest(const nlohmann::json& params);
  void jobThread();
  void runJob(Job& job);
  void reply(const nlohmann::json& id, const std::function<nlohmann::json()>& body);
  void stopJobs();

  std::istream& in_;
  std::ostream& out_;
  std::mutex out_mutex_;
  std::map<std::string, Handler> handlers_;
  std::map<std::string, JobHandler> job_handlers_;
  bool shutting_down_ = false;

  std::mutex jobs_mutex_;
  std::condition_variable jobs_cv_;
  std::condition_variable drained_cv_;
  std::deque<Job> queue_;
  std::string running_key_;
  std::shared_ptr<std::atomic<bool>> running_cancel_;
  bool stop_jobs_ = false;
  std::thread job_thread_;
};

}  // namespace vs::worker
