#pragma once
// Internal: buffered output through QSaveFile (temporary file + rename on commit), so a crash
// or an error never leaves half a file at the target path.
#include <QSaveFile>
#include <QString>
#include <string>

namespace vs::interop {

class OutputFile {
 public:
  explicit OutputFile(const QString& path);
  std::string& buffer() { return buffer_; }
  void flushIfLarge() {
    if (buffer_.size() >= kFlushBytes)
      flush();
  }
  void commit();  // flushes, fsyncs and renames over the target

 private:
  static constexpr size_t kFlushBytes = 1 << 20;
  void flush();
  QString path_;
  QSaveFile file_;
  std::string buffer_;
};

}  // namespace vs::interop
