#include "ui/annotation/project_rubric.h"

#include <QFile>

#include "core/domain/error.h"

namespace vs::ui {

ProjectRubric loadProjectRubric(store::Store& store, const QString& projectPath, bool mayWrite) {
  store::VersionedText stored = store.rubric();
  if (stored.version == 0 && mayWrite && !store::isDatabaseProject(projectPath) && !projectPath.isEmpty()) {
    QFile file(Rubric::sidecarPath(projectPath));
    if (file.open(QIODevice::ReadOnly)) {
      const Rubric old = Rubric::fromJson(file.readAll());
      try {
        return {old, store.saveRubric(QString::fromUtf8(old.toJson()), 0)};
      } catch (const store::VersionConflict& conflict) {
        stored = conflict.current();  // another window copied it (or saved one) first
      } catch (const Error&) {
        return {old, 0};  // not copied now (busy): shown, and copied next time
      }
    }
  }
  if (stored.version == 0)
    return {Rubric::defaults(), 0};
  return {Rubric::fromJson(stored.text.toUtf8()), stored.version};
}

qint64 saveProjectRubric(store::Store& store, const Rubric& rubric, qint64 basedOnVersion) {
  return store.saveRubric(QString::fromUtf8(rubric.toJson()), basedOnVersion);
}

}  // namespace vs::ui
