// vscore import PROJECT FILE: the file is parsed on one thread while its items are written on
// another, all in one transaction; any invalid item rolls the transaction back, so a rejected
// file leaves the project's content as it was (one wrong from its first item never opens it).
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <ctime>
#include <QFile>
#include <QFileInfo>

#include "cmd_progress.h"
#include "cmd_options.h"
#include "command.h"
#include "core/domain/error.h"
#include "core/interop/import_pipe.h"
#include "core/interop/item_reader.h"
#include "core/interop/preference_pairs.h"
#ifndef VS_CLI_FORWARD  // the light vscore hands `--videos` to vscore-full (see kImport)
#include "core/library/relink.h"
#endif
#include "core/store/store.h"

namespace {

using namespace vs;

int runImport(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("file to import"));
  parser.addOption(
      {QStringLiteral("format"),
       QStringLiteral("auto|vf2-json|vf2-jsonl|csv|predictions|labelstudio|pairs|labelstudio-pairwise "
                      "(default auto: from content and extension)"),
       QStringLiteral("FORMAT"), QStringLiteral("auto")});
  parser.addOption({QStringLiteral("annotator"),
                    QStringLiteral("who gave the scores (default \"default\"; for prediction files the "
                                   "ground-truth scores, default \"gt\")"),
                    QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("prediction files: the model annotator (default \"VideoScore2\")"),
                    QStringLiteral("NAME"), QStringLiteral("VideoScore2")});
  parser.addOption({QStringLiteral("model-id"), QStringLiteral("prediction files: checkpoint id to record"),
                    QStringLiteral("ID")});
  parser.addOption({QStringLiteral("busy-timeout-ms"),
                    QStringLiteral("how long to wait for another program writing the project (default 5000)"),
                    QStringLiteral("MS"), QStringLiteral("5000")});
  parser.addOption(
      {QStringLiteral("videos"),
       QStringLiteral("folder holding the items' video files (repeatable): added to the project's "
                      "media folders and each video's file found and probed now"),
       QStringLiteral("DIR")});
  parser.addOption({QStringLiteral("timings"), QStringLiteral("print the time of each phase on stderr")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("import"), args)) {
    return *stop;
  }
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 2) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("usage: vscore import PROJECT FILE [--format F] [--annotator NAME]"));
  }
  const QString projectPath = positional[0];
  const QString filePath = positional[1];

  QElapsedTimer timer;
  timer.start();
  QStringList phases;
  std::clock_t cpu = std::clock();
  auto phase = [&](const char* name) {
    const std::clock_t now = std::clock();
    phases << QStringLiteral("%1 %2 ms (cpu %3 ms)")
                  .arg(QLatin1String(name))
                  .arg(timer.restart())
                  .arg((now - cpu) * 1000 / CLOCKS_PER_SEC);
    cpu = now;
  };
  QFile file(filePath);
  if (!file.exists())
    return cli::fail(cli::kExitInvalidData, QStringLiteral("%1: no such file").arg(filePath));
  if (!file.open(QIODevice::ReadOnly))
    return cli::fail(cli::kExitRuntime, QStringLiteral("%1: %2").arg(filePath, file.errorString()));
  // Mapped, not copied: the parser reads the page cache directly.
  const qint64 size = file.size();
  const uchar* mapped = size > 0 ? file.map(0, size) : nullptr;
  const QByteArray bytes =
      mapped ? QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), size) : file.readAll();
  phase("read");

  const QString formatText = parser.value(QStringLiteral("format"));
  // People's preferences (pairs files, Label Studio Pairwise projects) go to their own table.
  const auto preferenceFormat = formatText == QLatin1String("auto")
                                    ? interop::detectPreferenceFormat(bytes.left(64 * 1024))
                                    : interop::preferenceFormatFromName(formatText);
  if (preferenceFormat) {
    QVector<NamedPreference> preferences = interop::readPreferences(bytes, *preferenceFormat, filePath);
    if (preferences.isEmpty()) {
      return cli::fail(cli::kExitInvalidData,
                       QStringLiteral("%1: nothing to import (no preference)").arg(filePath));
    }
    const QString fallback = parser.isSet(QStringLiteral("annotator"))
                                 ? parser.value(QStringLiteral("annotator"))
                                 : QStringLiteral("default");
    for (NamedPreference& p : preferences) {
      if (p.annotator.isEmpty())
        p.annotator = fallback;
    }
    if (!store::projectExists(projectPath)) {
      return cli::fail(
          cli::kExitRuntime,
          QStringLiteral("%1: no such project file (create it with vscore init)").arg(projectPath));
    }
    bool ok = false;
    const int busyTimeoutMs = parser.value(QStringLiteral("busy-timeout-ms")).toInt(&ok);
    if (!ok || busyTimeoutMs < 0)
      return cli::fail(cli::kExitUsage, QStringLiteral("--busy-timeout-ms needs a number >= 0"));
    store::Store store(projectPath, store::OpenMode::OpenExisting, busyTimeoutMs);
    const store::PreferenceImportResult result =
        store.importPreferences(preferences, QFileInfo(filePath).absoluteFilePath(),
                                interop::preferenceFormatName(*preferenceFormat));
    cli::out(QStringLiteral("imported %1 preferences from %2 (%3): %4 created, %5 updated, %6 videos added\n")
                 .arg(result.preferences)
                 .arg(filePath, interop::preferenceFormatName(*preferenceFormat))
                 .arg(result.created)
                 .arg(result.updated)
                 .arg(result.videosCreated));
    return cli::kExitOk;
  }
  interop::Format format;
  if (formatText == QLatin1String("auto")) {
    const auto detected = interop::detectFormat(filePath, bytes.left(64 * 1024));
    if (!detected) {
      const bool empty = bytes.trimmed().isEmpty();
      return cli::fail(cli::kExitInvalidData,
                       QStringLiteral("%1: %2").arg(
                           filePath, empty ? QStringLiteral("file is empty")
                                           : QStringLiteral("not a recognised format (use --format)")));
    }
    format = *detected;
  } else {
    const auto named = interop::formatFromName(formatText);
    if (!named || !interop::canImport(*named)) {
      return cli::fail(cli::kExitUsage, QStringLiteral("unknown import format '%1'").arg(formatText));
    }
    format = *named;
  }

  const QStringList videoFolders = parser.values(QStringLiteral("videos"));
  for (const QString& dir : videoFolders) {
    if (!QFileInfo(dir).isDir())
      return cli::fail(cli::kExitRuntime, QStringLiteral("%1: not a folder").arg(dir));
  }
  if (!store::projectExists(projectPath)) {
    return cli::fail(
        cli::kExitRuntime,
        QStringLiteral("%1: no such project file (create it with vscore init)").arg(projectPath));
  }
  interop::ImportPipe pipe(bytes, format, filePath);
  pipe.waitForFirst();  // a file that is wrong from its first item never opens the project
  phase("first items");
  if (pipe.empty()) {
    return cli::fail(
        cli::kExitInvalidData,
        QStringLiteral("%1: nothing to import (%2)")
            .arg(filePath, format == interop::Format::LabelStudio
                               ? QStringLiteral("no task has a submitted annotation or a prediction")
                               : QStringLiteral("the file holds no items")));
  }

  store::ImportOptions options;
  const bool predictions = format == interop::Format::Predictions;
  options.annotator = parser.isSet(QStringLiteral("annotator"))
                          ? parser.value(QStringLiteral("annotator"))
                          : (predictions ? QStringLiteral("gt") : QStringLiteral("default"));
  if (predictions) {
    options.modelAnnotator = parser.value(QStringLiteral("model"));
    options.modelId = parser.value(QStringLiteral("model-id"));
  }
  options.source = QFileInfo(filePath).absoluteFilePath();
  options.format = interop::formatName(format);
  cli::ProgressLine progress(QStringLiteral("importing"));
  const qint64 totalLines = progress.enabled() ? bytes.count('\n') + 1 : 0;
  qint64 count = 0;
  auto next = [&]() -> const FeedbackItem* {
    const FeedbackItem* item = pipe.next();
    if (item && (++count & 1023) == 0 && totalLines > 0)
      progress.update(item->sourceLine, totalLines);
    return item;
  };

  store::ImportResult result;
  QString videoSummary;
  {
    bool ok = false;
    const int busyTimeoutMs = parser.value(QStringLiteral("busy-timeout-ms")).toInt(&ok);
    if (!ok || busyTimeoutMs < 0)
      return cli::fail(cli::kExitUsage, QStringLiteral("--busy-timeout-ms needs a number >= 0"));
    store::Store store(projectPath, store::OpenMode::OpenExisting, busyTimeoutMs);
    phase("open");
    result = store.importItems(next, options);
    phase("parse and write");
#ifndef VS_CLI_FORWARD
    if (!videoFolders.isEmpty()) {
      cli::ProgressLine probing(QStringLiteral("finding videos"));
      const library::RelinkResult linked =
          library::relink(store, videoFolders, [&](qint64 done, qint64 total) {
            probing.update(done, total);
            return true;
          });
      phase("find videos");
      videoSummary = QStringLiteral("; videos: %1 found, %2 missing")
                         .arg(linked.found.size() + linked.alreadyLinked)
                         .arg(linked.missing.size());
      for (const QString& name : linked.missing.mid(0, 20))
        cli::err(QStringLiteral("missing video: %1\n").arg(name));
      if (linked.missing.size() > 20)
        cli::err(QStringLiteral("... and %1 more missing\n").arg(linked.missing.size() - 20));
    }
#endif
  }
  phase("close");
  if (parser.isSet(QStringLiteral("timings")))
    cli::err(phases.join(QStringLiteral(", ")) + QLatin1Char('\n'));
  cli::out(QStringLiteral("imported %1 items from %2 (%3): %4 evaluations created, %5 updated%6\n")
               .arg(result.items)
               .arg(filePath, interop::formatName(format))
               .arg(result.evaluationsCreated)
               .arg(result.evaluationsUpdated)
               .arg(videoSummary));
  return cli::kExitOk;
}

const cli::CommandRegistration kImport(
    {QStringLiteral("import"),
     QStringLiteral("import PROJECT FILE [--format auto|vf2-json|vf2-jsonl|csv|predictions|labelstudio] "
                    "[--annotator NAME] [--videos DIR]..."),
     QStringLiteral("Import a data file into a project, all or nothing"),
     runImport,
     {QStringLiteral("--videos")}});  // finding and probing videos needs FFmpeg

}  // namespace
