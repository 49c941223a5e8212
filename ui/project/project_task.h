#pragma once
// Long work on the open project (probing, import, export, relink) off the GUI thread. The work
// runs on a worker thread with its own Store opened on the project file (a Store belongs to
// the thread that opened it) while a window-modal QProgressDialog shows its progress. Cancel
// makes the progress callback return false; the core functions then write nothing, so the
// project is left as it was.
#include <QString>
#include <functional>

#include "core/library/video_intake.h"

class QWidget;

namespace vs::store {
class Store;
}

namespace vs::ui {

enum class TaskEnd { Done, Cancelled, Failed };

struct TaskOutcome {
  TaskEnd end = TaskEnd::Done;
  QString error;  // Failed: what went wrong (vs::Error::full())
};

// Runs on the worker thread. Returns false when it stopped because `progress` returned false.
using ProjectWork = std::function<bool(store::Store& store, const library::Progress& progress)>;

// Returns when the work has ended; the GUI keeps painting meanwhile.
TaskOutcome runProjectTask(QWidget* parent, const QString& label, const QString& projectPath,
                           const ProjectWork& work);

}  // namespace vs::ui
