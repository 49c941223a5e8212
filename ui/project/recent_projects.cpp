#include "ui/project/recent_projects.h"

#include <QFileInfo>
#include <QSettings>

#include "core/store/store.h"

namespace vs::ui {

namespace {
const QString kKey = QStringLiteral("session/recentProjects");
}

QStringList RecentProjects::load(QSettings& settings) {
  const QStringList stored = settings.value(kKey).toStringList();
  QStringList kept;
  for (const QString& p : stored) {
    if ((QFileInfo(p).isFile() || vs::store::isDatabaseProject(p)) && !kept.contains(p)) {
      kept << p;
    }
  }
  if (kept != stored) {
    settings.setValue(kKey, kept);
  }
  return kept;
}

void RecentProjects::add(QSettings& settings, const QString& path) {
  QStringList list = settings.value(kKey).toStringList();
  // A team project's URI is kept as typed; a file by its absolute path.
  const QString absolute = vs::store::isDatabaseProject(path) ? path : QFileInfo(path).absoluteFilePath();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMaxEntries) {
    list.removeLast();
  }
  settings.setValue(kKey, list);
}

}  // namespace vs::ui
