#include "ui/project/project_lock.h"

namespace vs::ui {

ProjectLock::ProjectLock(const QString& projectPath)
    : lock_(std::make_unique<QLockFile>(projectPath + QStringLiteral(".lock"))) {
  lock_->setStaleLockTime(0);  // never expire a live holder's lock by age; dead pids are stale
}

ProjectLock::~ProjectLock() {
  if (held_) {
    lock_->unlock();
  }
}

bool ProjectLock::tryAcquire() {
  held_ = lock_->tryLock(0);
  return held_;
}

LockOwner ProjectLock::owner() const {
  LockOwner o;
  lock_->getLockInfo(&o.pid, &o.host, &o.app);
  return o;
}

}  // namespace vs::ui
