#include "ui/annotation/rubric_editing.h"

#include <QCoreApplication>
#include <QMessageBox>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/annotation/project_rubric.h"
#include "ui/dialogs/rubric_dialog.h"
#include "ui/dialogs/version_conflict_dialog.h"

namespace vs::ui {
namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("vs::ui::RubricEditing", text);
}

}  // namespace

std::optional<Rubric> editProjectRubric(QWidget* parent, store::Store& store, const QString& projectPath,
                                        bool readOnly) {
  ProjectRubric start;
  try {
    start = loadProjectRubric(store, projectPath, !readOnly);
  } catch (const Error& e) {
    QMessageBox::warning(parent, tr("Project rubric"), tr("Cannot read the rubric: %1").arg(e.message()));
    return std::nullopt;
  }
  Rubric draft = start.rubric;
  qint64 basedOn = start.version;
  for (;;) {
    RubricDialog dialog(draft, parent);
    if (dialog.exec() != QDialog::Accepted)
      return std::nullopt;
    draft = dialog.rubric();
    if (readOnly)
      return draft;
    bool saving = true;
    while (saving) {
      try {
        saveProjectRubric(store, draft, basedOn);
        return draft;
      } catch (const store::VersionConflict& conflict) {
        const Rubric theirs = Rubric::fromJson(conflict.current().text.toUtf8());
        basedOn = conflict.current().version;  // from now on the person has seen theirs
        VersionConflictDialog ask(tr("The project rubric"), theirs.toText(), draft.toText(), parent);
        switch (ask.choose()) {
          case VersionConflictDialog::Choice::UseTheirs:
            return theirs;
          case VersionConflictDialog::Choice::KeepMine:
            break;  // saved again, on top of theirs
          case VersionConflictDialog::Choice::BackToEditing:
            saving = false;
            break;
        }
      } catch (const Error& e) {
        QMessageBox::warning(
            parent, tr("Project rubric"),
            tr("The rubric was not saved: %1\nYour text is kept in the editor.").arg(e.message()));
        saving = false;
      }
    }
  }
}

}  // namespace vs::ui
