#pragma once
// What a block of code writes on stdout and stderr (file descriptors 1 and 2), read back as text.
#include <QTemporaryFile>
#include <cstdio>
#include <unistd.h>

namespace vs::test {

class CapturedOutput {
 public:
  CapturedOutput() {
    std::fflush(stdout);
    std::fflush(stderr);
    out_.open();
    err_.open();
    savedOut_ = ::dup(1);
    savedErr_ = ::dup(2);
    ::dup2(out_.handle(), 1);
    ::dup2(err_.handle(), 2);
  }
  ~CapturedOutput() { restore(); }
  // Stops capturing; the texts stay readable.
  void restore() {
    if (savedOut_ < 0)
      return;
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut_, 1);
    ::dup2(savedErr_, 2);
    ::close(savedOut_);
    ::close(savedErr_);
    savedOut_ = savedErr_ = -1;
  }
  QString out() { return read(out_); }
  QString err() { return read(err_); }

 private:
  QString read(QTemporaryFile& file) {
    restore();
    file.seek(0);
    return QString::fromUtf8(file.readAll());
  }

  QTemporaryFile out_;
  QTemporaryFile err_;
  int savedOut_ = -1;
  int savedErr_ = -1;
};

}  // namespace vs::test
