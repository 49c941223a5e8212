#include "core/scoring/template_library.h"

#include <QFile>
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "inference/rules/query_template.h"

namespace vs::scoring {

using videoscore2::QueryTemplate;

QStringList presetTemplateNames() {
  QStringList names;
  for (const std::string& name : QueryTemplate::presetNames())
    names << QString::fromStdString(name);
  return names;
}

bool isPresetTemplate(const QString& name) {
  return presetTemplateNames().contains(name);
}

QString presetTemplateText(const QString& name) {
  if (!isPresetTemplate(name))
    return {};
  return QString::fromStdString(QueryTemplate::preset(name.toStdString()).text());
}

void checkTemplateText(const QString& name, const QString& text) {
  try {
    QueryTemplate(name.toStdString(), text.toStdString()).validate();
  } catch (const inference::Error& e) {
    // inference::Error's text already starts with the template's name.
    throw vs::Error(vs::Error::Kind::InvalidData, QString(), QString::fromStdString(e.what()));
  }
}

void saveProjectTemplate(store::Store& project, const QString& name, const QString& text) {
  if (isPresetTemplate(name)) {
    throw vs::Error(vs::Error::Kind::Usage, name,
                    QStringLiteral("is a built-in preset; save the edited template under another name"));
  }
  checkTemplateText(name, text);
  project.saveQueryTemplate(name, text);
}

QString templateListText(const store::Store& project) {
  QString text;
  for (const QString& preset : presetTemplateNames()) {
    text +=
        QStringLiteral("%1\tpreset%2\n")
            .arg(preset, preset == QLatin1String("videoscore2") ? QStringLiteral(", default") : QString());
  }
  for (const store::QueryTemplateRecord& t : project.queryTemplates())
    text += QStringLiteral("%1\tproject, %2\n").arg(t.name, t.updated.toString(Qt::ISODate));
  return text;
}

static vs::Error noTemplate(const store::Store& project, const QString& name) {
  return vs::Error(vs::Error::Kind::Usage, project.path(), QStringLiteral("no template \"%1\"").arg(name));
}

QString templateText(const store::Store& project, const QString& name) {
  if (isPresetTemplate(name))
    return presetTemplateText(name);
  if (const auto text = project.findQueryTemplate(name))
    return *text;
  throw noTemplate(project, name);
}

void saveProjectTemplateFile(store::Store& project, const QString& name, const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw vs::Error(vs::Error::Kind::Io, path, QStringLiteral("cannot read"));
  saveProjectTemplate(project, name, QString::fromUtf8(file.readAll()));
}

void removeProjectTemplate(store::Store& project, const QString& name) {
  if (!project.removeQueryTemplate(name))
    throw noTemplate(project, name);
}

void chooseTemplate(ScoreSettings& settings, const QString& nameOrFile, const store::Store* project) {
  if (isPresetTemplate(nameOrFile)) {
    settings.templateName = nameOrFile;
    settings.templateText.clear();
    return;
  }
  if (project) {
    if (const auto text = project->findQueryTemplate(nameOrFile)) {
      checkTemplateText(nameOrFile, *text);
      settings.templateName = nameOrFile;
      settings.templateText = *text;
      return;
    }
  }
  QFile file(nameOrFile);
  if (!QFileInfo(nameOrFile).isFile() || !file.open(QIODevice::ReadOnly)) {
    throw vs::Error(vs::Error::Kind::Usage, nameOrFile,
                    project
                        ? QStringLiteral("no such template (not a preset, not in the project, not a file)")
                        : QStringLiteral("no such template (not a preset, not a file)"));
  }
  const QString text = QString::fromUtf8(file.readAll());
  checkTemplateText(nameOrFile, text);
  settings.templateName = QFileInfo(nameOrFile).fileName();
  settings.templateText = text;
}

}  // namespace vs::scoring
