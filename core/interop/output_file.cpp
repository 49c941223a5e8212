#include "core/interop/output_file.h"

#include "core/domain/error.h"

namespace vs::interop {

OutputFile::OutputFile(const QString& path) : path_(path), file_(path) {
  if (!file_.open(QIODevice::WriteOnly))
    throw Error(Error::Kind::Io, path, file_.errorString());
  buffer_.reserve(kFlushBytes + (kFlushBytes >> 2));
}

void OutputFile::flush() {
  if (buffer_.empty())
    return;
  if (file_.write(buffer_.data(), static_cast<qint64>(buffer_.size())) !=
      static_cast<qint64>(buffer_.size())) {
    throw Error(Error::Kind::Io, path_, file_.errorString());
  }
  buffer_.clear();
}

void OutputFile::commit() {
  flush();
  if (!file_.commit())
    throw Error(Error::Kind::Io, path_, file_.errorString());
}

}  // namespace vs::interop
