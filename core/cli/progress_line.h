#pragma once
// A progress line with ETA on stderr, drawn only when stderr is a terminal.
#include <QElapsedTimer>
#include <QString>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace vs::cli {

class ProgressLine {
 public:
  explicit ProgressLine(QString what) : what_(std::move(what)), enabled_(isatty(2) == 1) { timer_.start(); }
  ~ProgressLine() {
    if (drawn_)
      std::fputs("\r\033[K", stderr);
  }
  bool enabled() const { return enabled_; }
  // As a core function's progress argument: none when nothing is drawn.
  std::function<void(qint64, qint64)> reporter() {
    return enabled_ ? std::function<void(qint64, qint64)>([this](qint64 d, qint64 t) { update(d, t); })
                    : nullptr;
  }
  // As a core function's progress argument that may stop the work (this one never does).
  std::function<bool(qint64, qint64)> steps() {
    return [this](qint64 d, qint64 t) { return update(d, t), true; };
  }
  void update(qint64 done, qint64 total) {
    if (!enabled_ || total <= 0 || timer_.elapsed() < 300)
      return;
    const double seconds = timer_.elapsed() / 1000.0;
    const double eta =
        done > 0 ? seconds * static_cast<double>(total - done) / static_cast<double>(done) : 0.0;
    const QByteArray line = QStringLiteral("\r%1: %2/%3 (%4%), ETA %5 s\033[K")
                                .arg(what_)
                                .arg(done)
                                .arg(total)
                                .arg(100 * done / total)
                                .arg(eta, 0, 'f', 1)
                                .toUtf8();
    std::fputs(line.constData(), stderr);
    drawn_ = true;
  }

 private:
  QString what_;
  bool enabled_;
  bool drawn_ = false;
  QElapsedTimer timer_;
};

}  // namespace vs::cli
