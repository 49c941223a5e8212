#include "core/library/project_media.h"

#include <QFileInfo>
#include <QJsonArray>

#include "core/domain/error.h"
#include "core/library/prompt_map.h"
#include "core/store/store.h"

namespace vs::library {

IntakeResult addVideosToProject(const QString& project, const QStringList& paths, IntakeOptions options,
                                const std::optional<QString>& promptsFile, const Progress& progress) {
  if (!store::projectExists(project))
    throw Error(Error::Kind::Io, project,
                QStringLiteral("no such project file (create it with vscore init)"));
  std::optional<PromptMap> prompts;
  if (promptsFile) {
    prompts = PromptMap::read(*promptsFile);
    options.prompts = &*prompts;
  }
  const IntakePlan plan = planIntake(paths, options);
  if (!plan.problems.isEmpty())
    return IntakeResult{0, 0, plan.problems, false};
  if (plan.entries.isEmpty()) {
    throw Error(Error::Kind::InvalidData, QString(),
                QStringLiteral("no video files found in %1").arg(paths.join(QStringLiteral(", "))));
  }
  store::Store store(project, store::OpenMode::OpenExisting);
  return addVideos(store, plan, progress);
}

QString intakeProblemsText(const QVector<IntakeProblem>& problems) {
  QString text;
  for (const IntakeProblem& p : problems)
    text += p.file + QStringLiteral(": ") + p.reason + QLatin1Char('\n');
  return text;
}

RelinkResult relinkProject(const QString& project, const QStringList& folders, const Progress& progress) {
  for (const QString& dir : folders) {
    if (!QFileInfo(dir).isDir())
      throw Error(Error::Kind::Io, dir, QStringLiteral("not a folder"));
  }
  if (!store::projectExists(project))
    throw Error(Error::Kind::Io, project, QStringLiteral("no such project file"));
  store::Store store(project, store::OpenMode::OpenExisting);
  return relink(store, folders, progress);
}

QString relinkText(const RelinkResult& r) {
  QString text;
  for (const QString& name : r.found)
    text += (r.changed.contains(name) ? QStringLiteral("changed\t") : QStringLiteral("found\t")) + name +
            QLatin1Char('\n');
  for (const QString& name : r.missing)
    text += QStringLiteral("missing\t") + name + QLatin1Char('\n');
  return text + QStringLiteral("found %1, missing %2, changed %3, already linked %4\n")
                    .arg(r.found.size())
                    .arg(r.missing.size())
                    .arg(r.changed.size())
                    .arg(r.alreadyLinked);
}

QString missingVideosText(const RelinkResult& r, qsizetype shown) {
  QString text;
  for (const QString& name : r.missing.mid(0, shown))
    text += QStringLiteral("missing video: %1\n").arg(name);
  if (r.missing.size() > shown)
    text += QStringLiteral("... and %1 more missing\n").arg(r.missing.size() - shown);
  return text;
}

QString importedVideosSummary(const RelinkResult& r) {
  return QStringLiteral("; videos: %1 found, %2 missing")
      .arg(r.found.size() + r.alreadyLinked)
      .arg(r.missing.size());
}

QJsonObject relinkJson(const RelinkResult& r) {
  return QJsonObject{{QStringLiteral("found"), QJsonArray::fromStringList(r.found)},
                     {QStringLiteral("changed"), QJsonArray::fromStringList(r.changed)},
                     {QStringLiteral("missing"), QJsonArray::fromStringList(r.missing)},
                     {QStringLiteral("already_linked"), r.alreadyLinked}};
}

}  // namespace vs::library
