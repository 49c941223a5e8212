#pragma once
// File › Edit the project rubric…: the rubric dialog on the project's rubric, saved based on the
// version the person started from. When someone else saved meanwhile, the save is refused and
// VersionConflictDialog shows both: "Use theirs" keeps theirs, "Keep mine" saves the person's on
// top of theirs, Escape goes back to the editor with the person's text. Nothing is written over
// silently; nothing typed is dropped unless the person chooses so.
#include <QString>
#include <optional>

#include "ui/annotation/rubric.h"

class QWidget;

namespace vs::store {
class Store;
}

namespace vs::ui {

// The rubric now in force (to show), or nullopt when the person cancelled. A read-only window
// edits for itself only (nothing saved).
std::optional<Rubric> editProjectRubric(QWidget* parent, store::Store& store, const QString& projectPath,
                                        bool readOnly);

}  // namespace vs::ui
