#pragma once
// ReadAheadGate: the frames a user is waiting for (each clip's anchor frame after a switch, a
// step or a seek) go before anyone's read-ahead. Decoding threads of one grid share a gate:
// a thread with an anchor to produce holds it open; read-ahead waits until no anchor is pending.
// Without it, the first clip to finish starts reading ahead and slows the others' first frames.
#include <QMutex>
#include <QWaitCondition>

namespace vs::ui {

class ReadAheadGate {
 public:
  void beginAnchor() {
    QMutexLocker lock(&mutex_);
    ++pending_;
  }
  void endAnchor() {
    QMutexLocker lock(&mutex_);
    if (--pending_ <= 0) {
      pending_ = 0;
      idle_.wakeAll();
    }
  }
  // Waits until no anchor is pending or `max_ms` passed (a stuck clip never blocks the rest).
  // Returns true when no anchor is pending.
  bool waitForAnchors(int max_ms) {
    QMutexLocker lock(&mutex_);
    if (pending_ > 0) {
      idle_.wait(&mutex_, QDeadlineTimer(max_ms));
    }
    return pending_ == 0;
  }

 private:
  QMutex mutex_;
  QWaitCondition idle_;
  int pending_ = 0;
};

}  // namespace vs::ui
