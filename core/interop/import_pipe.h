#pragma once
// ImportPipe: a data file is parsed on one thread while the caller writes its items on another.
// The parser thread hands batches of validated items through a small bounded queue. A parse
// error reaches the reading thread as an exception (so an importer's transaction rolls back);
// destroying the pipe early stops the parser.
#include <QByteArray>
#include <QString>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/domain/feedback_item.h"
#include "core/interop/format.h"

namespace vs::interop {

class ImportPipe {
 public:
  // `bytes` must outlive the pipe and the items read from it: their texts point into it.
  ImportPipe(const QByteArray& bytes, Format format, const QString& file);
  ~ImportPipe();
  ImportPipe(const ImportPipe&) = delete;
  ImportPipe& operator=(const ImportPipe&) = delete;

  // Waits for the first batch or the end; rethrows an error met before any item was read, so
  // a file that is wrong from the start never touches the project.
  void waitForFirst();
  // After waitForFirst(): true when the file held no item at all.
  bool empty();
  // The next item (valid until the following call), or nullptr at the end.
  const FeedbackItem* next();

 private:
  struct Stopped {};
  static constexpr size_t kBatchItems = 512;
  static constexpr size_t kMaxBatches = 8;

  void push(std::vector<FeedbackItem>&& batch);
  void run(const QByteArray& bytes, Format format, const QString& file);

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

}  // namespace vs::interop
