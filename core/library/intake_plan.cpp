#include "core/library/intake_plan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include "core/library/media_extensions.h"

namespace vs::library {
namespace {

// A sidecar prompt: the whole text file, trailing line breaks removed.
std::optional<QString> readSidecar(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return std::nullopt;
  QString text = QString::fromUtf8(file.readAll());
  while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
    text.chop(1);
  return text;
}

struct Found {
  QString file;
  QString name;
};

void addFolder(const QString& root, bool recursive, QVector<Found>* found) {
  QStringList files;
  QDirIterator it(root, QDir::Files,
                  recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
  while (it.hasNext()) {
    const QString file = it.next();
    if (hasVideoExtension(file))
      files << file;
  }
  files.sort();
  const QDir dir(root);
  for (const QString& file : files) {
    const QString relative = dir.relativeFilePath(file);
    const QFileInfo info(relative);
    const QString folder = info.path();
    const QString base = info.completeBaseName();
    found->push_back({QFileInfo(file).absoluteFilePath(),
                      folder == QLatin1String(".") ? base : folder + QLatin1Char('/') + base});
  }
}

}  // namespace

IntakePlan planIntake(const QStringList& paths, const IntakeOptions& options) {
  IntakePlan plan;
  QVector<Found> found;
  for (const QString& path : paths) {
    const QFileInfo info(path);
    if (info.isDir()) {
      addFolder(info.absoluteFilePath(), options.recursive, &found);
    } else if (info.isFile()) {
      found.push_back({info.absoluteFilePath(), info.completeBaseName()});
    } else {
      plan.problems.push_back({path, QStringLiteral("no such file or folder")});
    }
  }
  QHash<QString, QString> fileOfName;
  QHash<QString, bool> seenFile;
  for (const Found& f : found) {
    if (seenFile.contains(f.file))
      continue;  // named twice (a folder and a file in it)
    seenFile.insert(f.file, true);
    if (const auto it = fileOfName.constFind(f.name); it != fileOfName.constEnd()) {
      plan.problems.push_back(
          {f.file, QStringLiteral("same video name \"%1\" as %2").arg(f.name, it.value())});
      continue;
    }
    fileOfName.insert(f.name, f.file);
    const QFileInfo info(f.file);
    IntakeEntry e;
    e.file = f.file;
    e.name = f.name;
    e.batch = options.batch;
    if (options.prompt) {
      e.prompt = *options.prompt;
      e.promptSource = QStringLiteral("--prompt");
    } else if (const auto mapped =
                   options.prompts ? options.prompts->find(f.name, info.fileName()) : std::nullopt) {
      e.prompt = *mapped;
      e.promptSource = QStringLiteral("mapping");
    } else if (const auto own =
                   readSidecar(info.dir().filePath(info.completeBaseName() + QStringLiteral(".txt")))) {
      e.prompt = *own;
      e.promptSource = info.completeBaseName() + QStringLiteral(".txt");
    } else if (const auto shared = readSidecar(info.dir().filePath(QStringLiteral("prompt.txt")))) {
      e.prompt = *shared;
      e.promptSource = QStringLiteral("prompt.txt");
    }
    switch (options.generatorFrom) {
      case GeneratorFrom::Folder:
        e.generator = info.dir().dirName();
        break;
      case GeneratorFrom::FileName:
        e.generator = info.completeBaseName();
        break;
      case GeneratorFrom::None:
        e.generator = options.generator;
        break;
    }
    if (e.prompt.isEmpty() && !options.allowNoPrompt) {
      plan.problems.push_back(
          {f.file, QStringLiteral("no prompt (give --prompt, --prompts FILE or a %1.txt beside it)")
                       .arg(info.completeBaseName())});
      continue;
    }
    plan.entries.push_back(std::move(e));
  }
  return plan;
}

}  // namespace vs::library
