#pragma once
// One writer per project file. The first window to open a project holds "<project>.lock"
// (QLockFile: a lock left by a killed process is detected as stale and taken over); another
// window or process opening the same file is told who holds it and gets a read-only view.
#include <QLockFile>
#include <QString>
#include <memory>

namespace vs::ui {

struct LockOwner {
  qint64 pid = 0;
  QString host;
  QString app;
};

class ProjectLock {
 public:
  explicit ProjectLock(const QString& projectPath);
  ~ProjectLock();
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

  bool tryAcquire();  // false: another live process (or window) holds it; see owner()
  bool isHeld() const { return held_; }
  LockOwner owner() const;

 private:
  std::unique_ptr<QLockFile> lock_;
  bool held_ = false;
};

}  // namespace vs::ui
