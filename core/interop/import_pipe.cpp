#include "core/interop/import_pipe.h"

#include "core/domain/error.h"
#include "core/interop/item_reader.h"

namespace vs::interop {

ImportPipe::ImportPipe(const QByteArray& bytes, Format format, const QString& file)
    : thread_([this, bytes, format, file] { run(bytes, format, file); }) {}

ImportPipe::~ImportPipe() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ImportPipe::waitForFirst() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return !queue_.empty() || done_; });
  if (queue_.empty() && error_) {
    std::rethrow_exception(error_);
  }
}

bool ImportPipe::empty() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.empty() && done_ && !error_ && current_.empty();
}

const FeedbackItem* ImportPipe::next() {
  if (pos_ < current_.size()) {
    return &current_[pos_++];
  }
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return !queue_.empty() || done_; });
  if (queue_.empty()) {
    if (error_) {
      std::rethrow_exception(error_);
    }
    return nullptr;
  }
  current_ = std::move(queue_.front());
  queue_.pop_front();
  pos_ = 0;
  lock.unlock();
  changed_.notify_all();
  return &current_[pos_++];
}

void ImportPipe::push(std::vector<FeedbackItem>&& batch) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kMaxBatches || stop_; });
  if (stop_) {
    throw Stopped{};
  }
  queue_.push_back(std::move(batch));
  lock.unlock();
  changed_.notify_all();
}

void ImportPipe::run(const QByteArray& bytes, Format format, const QString& file) {
  std::vector<FeedbackItem> batch;
  batch.reserve(kBatchItems);
  std::exception_ptr error;
  try {
    size_t count = 0;
    parseItems(
        bytes, format, file,
        [&](FeedbackItem&& item) {
          // The analyses read prediction files without prompts; a project needs them
          // (reference videoscore2.md §4: the eval scripts write each item's prompt).
          if (format == Format::Predictions && item.prompt.isEmpty()) {
            throw Error(Error::Kind::InvalidData,
                        QStringLiteral("%1: item %2 (video_name \"%3\")")
                            .arg(file)
                            .arg(count + 1)
                            .arg(QString::fromUtf8(item.videoName)),
                        QStringLiteral("missing required key prompt (or it is empty)"));
          }
          ++count;
          batch.push_back(std::move(item));
          if (batch.size() == kBatchItems) {
            push(std::move(batch));
            batch = {};
            batch.reserve(kBatchItems);
          }
        },
        TextSource::Kept);
    if (!batch.empty()) {
      push(std::move(batch));
    }
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

}  // namespace vs::interop
