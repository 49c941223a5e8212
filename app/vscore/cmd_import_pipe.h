#pragma once
// `vscore import` reads the file on one thread while the store writes on another: a parser
// thread hands batches of validated items through a small bounded queue. A parse error reaches
// the importing thread as an exception, which rolls its transaction back.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/domain/error.h"
#include "core/interop/item_reader.h"

namespace vs::cli {

class ImportPipe {
 public:
  ImportPipe(const QByteArray& bytes, interop::Format format, const QString& file)
      : thread_([this, bytes, format, file] { run(bytes, format, file); }) {}
  ~ImportPipe() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  ImportPipe(const ImportPipe&) = delete;
  ImportPipe& operator=(const ImportPipe&) = delete;

  // Waits for the first batch or the end; rethrows an error met before any item was read, so
  // a file that is wrong from the start never touches the project.
  void waitForFirst() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty() && error_) std::rethrow_exception(error_);
  }
  // After waitForFirst(): true when the file held no item at all.
  bool empty() {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.empty() && done_ && !error_ && current_.empty();
  }

  // The next item (valid until the following call), or nullptr at the end.
  const FeedbackItem* next() {
    if (pos_ < current_.size()) return &current_[pos_++];
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return nullptr;
    }
    current_ = std::move(queue_.front());
    queue_.pop_front();
    pos_ = 0;
    lock.unlock();
    changed_.notify_all();
    return &current_[pos_++];
  }

 private:
  struct Stopped {};
  static constexpr size_t kBatchItems = 512;
  static constexpr size_t kMaxBatches = 8;

  void push(std::vector<FeedbackItem>&& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxBatches || stop_; });
    if (stop_) throw Stopped{};
    queue_.push_back(std::move(batch));
    lock.unlock();
    changed_.notify_all();
  }

  void run(const QByteArray& bytes, interop::Format format, const QString& file) {
    std::vector<FeedbackItem> batch;
    batch.reserve(kBatchItems);
    std::exception_ptr error;
    try {
      // The items' texts point into the mapped file, which outlives the pipe (runImport).
      size_t count = 0;
      interop::parseItems(bytes, format, file, [&](FeedbackItem&& item) {
        // The analyses read prediction files without prompts; a project needs them
        // (reference videoscore2.md §4: the eval scripts write each item's prompt).
        if (format == interop::Format::Predictions && item.prompt.isEmpty()) {
          throw Error(Error::Kind::InvalidData,
                      QStringLiteral("%1: item %2 (video_name \"%3\")").arg(file).arg(count + 1).arg(QString::fromUtf8(item.videoName)),
                      QStringLiteral("missing required key prompt (or it is empty)"));
        }
        ++count;
        batch.push_back(std::move(item));
        if (batch.size() == kBatchItems) {
          push(std::move(batch));
          batch = {};
          batch.reserve(kBatchItems);
        }
      }, interop::TextSource::Kept);
      if (!batch.empty()) push(std::move(batch));
    } catch (const Stopped&) {
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = error;
      done_ = true;
    }
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<FeedbackItem>> queue_;
  bool done_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
  std::vector<FeedbackItem> current_;
  size_t pos_ = 0;
  std::thread thread_;  // last: starts after every member above exists
};

}  // namespace vs::cli
