#include "ui/project/project_dialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>

#include "core/store/store.h"
#include "ui/project/project_names.h"
#include "ui/project/recent_projects.h"
#include "ui/window/report_box.h"

namespace vs::ui {

QString ProjectDialogs::askProjectToOpen(QWidget* parent) {
  return QFileDialog::getOpenFileName(parent, tr("Open project"), QString(),
                                      tr("VideoScore projects (*.vsproj);;All files (*)"));
}

QString ProjectDialogs::askNewProjectPath(QWidget* parent) {
  QString path = QFileDialog::getSaveFileName(parent, tr("New project"), QStringLiteral("project.vsproj"),
                                              tr("VideoScore projects (*.vsproj)"), nullptr,
                                              QFileDialog::DontConfirmOverwrite);
  if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
    path += QStringLiteral(".vsproj");
  }
  return path;
}

QString ProjectDialogs::askTeamProjectUri(QWidget* parent) {
  QSettings settings;
  bool ok = false;
  const QString uri =
      QInputDialog::getText(
          parent, tr("Open team project"),
          tr("PostgreSQL URI of the project, e.g. postgresql://ana@db.lab.example/videos\n"
             "(passwords come from PGPASSWORD, ~/.pgpass or a service file, never from here):"),
          QLineEdit::Normal, settings.value(QStringLiteral("session/lastTeamUri")).toString(), &ok)
          .trimmed();
  if (!ok || uri.isEmpty()) {
    return {};
  }
  if (!store::isDatabaseProject(uri)) {
    showReport(parent, tr("Open team project"), tr("%1 is not a postgresql:// URI.").arg(uri));
    return {};
  }
  settings.setValue(QStringLiteral("session/lastTeamUri"), uri);
  return uri;
}

void ProjectDialogs::fillRecentMenu(QMenu* menu, const std::function<void(const QString&)>& open) {
  menu->clear();
  QSettings settings;
  const QStringList recent = RecentProjects::load(settings);
  int n = 0;
  for (const QString& p : recent) {
    ++n;
    const QString text =
        n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(projectDisplayName(p)) : projectDisplayName(p);
    QAction* a = menu->addAction(text);
    a->setToolTip(QDir::toNativeSeparators(p));
    a->setStatusTip(QDir::toNativeSeparators(p));
    QObject::connect(a, &QAction::triggered, menu, [open, p] { open(p); });
  }
  if (recent.isEmpty()) {
    menu->addAction(tr("(none)"))->setEnabled(false);
  }
}

}  // namespace vs::ui
