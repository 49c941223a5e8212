#include "core/interop/project_import.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <ctime>

#include "core/domain/error.h"
#include "core/interop/import_pipe.h"
#include "core/interop/item_reader.h"
#include "core/interop/preference_pairs.h"
#include "core/store/store.h"

namespace vs::interop {
namespace {

// Wall and CPU time of each phase.
class Phases {
 public:
  Phases() { timer_.start(); }
  void end(const char* name) {
    const std::clock_t now = std::clock();
    phases_ << QStringLiteral("%1 %2 ms (cpu %3 ms)")
                   .arg(QLatin1String(name))
                   .arg(timer_.restart())
                   .arg((now - cpu_) * 1000 / CLOCKS_PER_SEC);
    cpu_ = now;
  }
  QString text() const { return phases_.join(QStringLiteral(", ")); }

 private:
  QElapsedTimer timer_;
  std::clock_t cpu_ = std::clock();
  QStringList phases_;
};

void requireProject(const QString& project) {
  if (!store::projectExists(project))
    throw Error(Error::Kind::Io, project,
                QStringLiteral("no such project file (create it with vscore init)"));
}

void requireTimeout(const ImportRequest& request) {
  if (request.busyTimeoutMs < 0)
    throw Error(Error::Kind::Usage, QString(), QStringLiteral("--busy-timeout-ms needs a number >= 0"));
}

QString importPreferences(const ImportRequest& request, const QByteArray& bytes, PreferenceFormat format) {
  QVector<NamedPreference> preferences = readPreferences(bytes, format, request.file);
  if (preferences.isEmpty())
    throw Error(Error::Kind::InvalidData, request.file, QStringLiteral("nothing to import (no preference)"));
  for (NamedPreference& p : preferences) {
    if (p.annotator.isEmpty())
      p.annotator = request.annotator.value_or(QStringLiteral("default"));
  }
  requireProject(request.project);
  requireTimeout(request);
  store::Store store(request.project, store::OpenMode::OpenExisting, request.busyTimeoutMs);
  const store::PreferenceImportResult result = store.importPreferences(
      preferences, QFileInfo(request.file).absoluteFilePath(), preferenceFormatName(format));
  return QStringLiteral("imported %1 preferences from %2 (%3): %4 created, %5 updated, %6 videos added\n")
      .arg(result.preferences)
      .arg(request.file, preferenceFormatName(format))
      .arg(result.created)
      .arg(result.updated)
      .arg(result.videosCreated);
}

Format itemFormat(const ImportRequest& request, const QByteArray& bytes) {
  if (request.format == QLatin1String("auto")) {
    const auto detected = detectFormat(request.file, bytes.left(64 * 1024));
    if (!detected) {
      throw Error(Error::Kind::InvalidData, request.file,
                  bytes.trimmed().isEmpty() ? QStringLiteral("file is empty")
                                            : QStringLiteral("not a recognised format (use --format)"));
    }
    return *detected;
  }
  const auto named = formatFromName(request.format);
  if (!named || !canImport(*named))
    throw Error(Error::Kind::Usage, QString(),
                QStringLiteral("unknown import format '%1'").arg(request.format));
  return *named;
}

}  // namespace

ImportReport importFile(const ImportRequest& request) {
  Phases phases;
  QFile file(request.file);
  if (!file.exists())
    throw Error(Error::Kind::InvalidData, request.file, QStringLiteral("no such file"));
  if (!file.open(QIODevice::ReadOnly))
    throw Error(Error::Kind::Io, request.file, file.errorString());
  // Mapped, not copied: the parser reads the page cache directly.
  const qint64 size = file.size();
  const uchar* mapped = size > 0 ? file.map(0, size) : nullptr;
  const QByteArray bytes =
      mapped ? QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), size) : file.readAll();
  phases.end("read");

  // People's preferences (pairs files, Label Studio Pairwise projects) go to their own table.
  const auto preferenceFormat = request.format == QLatin1String("auto")
                                    ? detectPreferenceFormat(bytes.left(64 * 1024))
                                    : preferenceFormatFromName(request.format);
  if (preferenceFormat)
    return {importPreferences(request, bytes, *preferenceFormat), QString()};
  const Format format = itemFormat(request, bytes);
  for (const QString& dir : request.videoFolders) {
    if (!QFileInfo(dir).isDir())
      throw Error(Error::Kind::Io, dir, QStringLiteral("not a folder"));
  }
  requireProject(request.project);
  ImportPipe pipe(bytes, format, request.file);
  pipe.waitForFirst();  // a file that is wrong from its first item never opens the project
  phases.end("first items");
  if (pipe.empty()) {
    throw Error(Error::Kind::InvalidData, request.file,
                QStringLiteral("nothing to import (%1)")
                    .arg(format == Format::LabelStudio
                             ? QStringLiteral("no task has a submitted annotation or a prediction")
                             : QStringLiteral("the file holds no items")));
  }
  store::ImportOptions options;
  const bool predictions = format == Format::Predictions;
  options.annotator =
      request.annotator.value_or(predictions ? QStringLiteral("gt") : QStringLiteral("default"));
  if (predictions) {
    options.modelAnnotator = request.model;
    options.modelId = request.modelId;
  }
  options.source = QFileInfo(request.file).absoluteFilePath();
  options.format = formatName(format);
  const qint64 totalLines = request.progress ? bytes.count('\n') + 1 : 0;
  qint64 count = 0;
  auto next = [&]() -> const FeedbackItem* {
    const FeedbackItem* item = pipe.next();
    if (item && (++count & 1023) == 0 && totalLines > 0)
      request.progress(item->sourceLine, totalLines);
    return item;
  };
  store::ImportResult result;
  QString more;
  {
    requireTimeout(request);
    store::Store store(request.project, store::OpenMode::OpenExisting, request.busyTimeoutMs);
    phases.end("open");
    result = store.importItems(next, options);
    phases.end("parse and write");
    if (request.afterWrite && !request.videoFolders.isEmpty()) {
      more = request.afterWrite(store);
      phases.end("find videos");
    }
  }
  phases.end("close");
  return {QStringLiteral("imported %1 items from %2 (%3): %4 evaluations created, %5 updated%6\n")
              .arg(result.items)
              .arg(request.file, formatName(format))
              .arg(result.evaluationsCreated)
              .arg(result.evaluationsUpdated)
              .arg(more),
          phases.text()};
}

}  // namespace vs::interop
