#pragma once
// The project's rubric lives in the project (Store::rubric: one versioned record that everyone
// on a team project shares). A rubric file that an older program kept beside a `.vsproj`
// ("<project>.rubric.json") is copied in once, when a window that may write opens the project
// and the project has no rubric yet; the file is left as it was.
#include <QString>

#include "core/store/store.h"
#include "ui/annotation/rubric.h"

namespace vs::ui {

struct ProjectRubric {
  Rubric rubric;
  qint64 version = 0;  // 0: the project has none yet (the defaults are shown)
};

// Throws vs::Error when the project cannot be read.
ProjectRubric loadProjectRubric(store::Store& store, const QString& projectPath, bool mayWrite);

// Saves `rubric` as the version after `basedOnVersion`; returns the new version. Throws
// store::VersionConflict (carrying what is there now, nothing written) when someone else saved
// another version meanwhile, vs::Error when it cannot be written.
qint64 saveProjectRubric(store::Store& store, const Rubric& rubric, qint64 basedOnVersion);

}  // namespace vs::ui
