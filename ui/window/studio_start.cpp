#include "ui/window/studio_start.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <cstdio>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/project/demo_project.h"

namespace vs::ui {

QString chooseLanguage(const QString& requested) {
  if (!requested.isEmpty())
    return requested;
  return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool installTranslations(const QString& language) {
  if (language != QLatin1String("en") && language != QLatin1String("zh_CN"))
    return false;
  auto* ours = new QTranslator(QCoreApplication::instance());
  if (ours->load(QStringLiteral(":/i18n/videoscore_%1.qm").arg(language)))
    QCoreApplication::installTranslator(ours);
  auto* qtBase = new QTranslator(QCoreApplication::instance());
  if (qtBase->load(QStringLiteral("qtbase_%1").arg(language),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qtBase);
  return true;
}

QString projectToOpen(const QString& requested, bool demo) {
  QString project = requested;
  if (demo) {
    std::fprintf(stderr, "videoscore-studio: building the demo project in %s\n",
                 qPrintable(DemoProject::defaultFolder()));
    project = DemoProject::build(DemoProject::defaultFolder()).projectPath;
  } else if (project.isEmpty()) {
    const QString last = QSettings().value(QStringLiteral("session/lastProject")).toString();
    if (store::projectExists(last))
      project = last;
  }
  if (!project.isEmpty() && !store::projectExists(project))
    throw Error(Error::Kind::Io, project, QStringLiteral("no such project file"));
  return project;
}

}  // namespace vs::ui
