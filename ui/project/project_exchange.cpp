#include "ui/project/project_exchange.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/item_writer.h"
#include "core/library/video_intake.h"
#include "core/store/store.h"
#include "ui/dialogs/exchange_dialogs.h"
#include "ui/project/project_task.h"

namespace vs::ui {

namespace {

ExchangeOutcome failed(const QString& title, const QString& text, const QString& details = {}) {
  ExchangeOutcome o;
  o.end = ExchangeOutcome::End::Failed;
  o.title = title;
  o.message = text;
  o.details = details;
  return o;
}

ExchangeOutcome cancelled(const QString& message) {
  ExchangeOutcome o;
  o.end = ExchangeOutcome::End::Cancelled;
  o.message = message;
  return o;
}

ExchangeOutcome done(const QString& message, int messageMs, bool contentChanged) {
  ExchangeOutcome o;
  o.message = message;
  o.messageMs = messageMs;
  o.contentChanged = contentChanged;
  return o;
}

// Stops a store's import or export from inside its callback: the exception rolls the import's
// transaction back, and an export's writer is never committed.
struct Cancelled {};

}  // namespace

ExchangeOutcome ProjectExchange::addVideos(QWidget* parent, const QString& project,
                                           const library::IntakePlan& plan) {
  library::IntakeResult result;
  const TaskOutcome outcome =
      runProjectTask(parent, tr("Reading %n video(s)…", nullptr, int(plan.entries.size())), project,
                     [&](store::Store& store, const library::Progress& progress) {
                       result = library::addVideos(store, plan, progress);
                       return !result.cancelled;
                     });
  if (outcome.end == TaskEnd::Failed) {
    return failed(tr("Add videos"), tr("Nothing was added: %1").arg(outcome.error));
  }
  if (outcome.end == TaskEnd::Cancelled) {
    return cancelled(tr("Adding videos cancelled; nothing was added."));
  }
  if (!result.problems.isEmpty()) {
    QStringList lines;
    for (const library::IntakeProblem& p : result.problems) {
      lines << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(p.file), p.reason);
    }
    return failed(tr("Add videos"),
                  tr("Nothing was added: %n file(s) cannot be used.", nullptr, int(lines.size())),
                  lines.join(QLatin1Char('\n')));
  }
  return done(tr("%1 video(s) added, %2 updated.").arg(result.added).arg(result.updated), 8000, true);
}

ExchangeOutcome ProjectExchange::importItems(QWidget* parent, const QString& project,
                                             const ImportRequest& request) {
  store::ImportResult imported;
  library::RelinkResult linked;
  const TaskOutcome outcome = runProjectTask(
      parent, tr("Importing %1…").arg(QFileInfo(request.file).fileName()), project,
      [&](store::Store& store, const library::Progress& progress) {
        interop::Format format = interop::Format::Vf2Json;
        if (request.format) {
          format = *request.format;
        } else {
          QFile f(request.file);
          const QByteArray head = f.open(QIODevice::ReadOnly) ? f.read(64 * 1024) : QByteArray();
          const auto detected = interop::detectFormat(request.file, head);
          if (!detected) {
            throw Error(Error::Kind::InvalidData, request.file, tr("not a recognised format (choose one)"));
          }
          format = *detected;
        }
        const std::vector<FeedbackItem> items = interop::readItems(request.file, format);
        store::ImportOptions options;
        const bool predictions = format == interop::Format::Predictions;
        options.annotator = !request.annotator.isEmpty()
                                ? request.annotator
                                : (predictions ? QStringLiteral("gt") : QStringLiteral("default"));
        if (predictions) {
          options.modelAnnotator =
              request.modelAnnotator.isEmpty() ? QStringLiteral("VideoScore2") : request.modelAnnotator;
        }
        options.source = QFileInfo(request.file).absoluteFilePath();
        options.format = interop::formatName(format);
        const qint64 total = qint64(items.size());
        size_t next = 0;
        try {
          imported = store.importItems(
              [&]() -> const FeedbackItem* {
                if ((next & 255) == 0 && !progress(qint64(next), total)) {
                  throw Cancelled{};
                }
                return next < items.size() ? &items[next++] : nullptr;
              },
              options);
        } catch (const Cancelled&) {
          return false;
        }
        if (!request.videosFolder.isEmpty()) {
          // The import is committed by now; a cancel here only leaves the files unlinked.
          linked = library::relink(store, {request.videosFolder}, progress);
        }
        return true;
      });
  if (outcome.end == TaskEnd::Failed) {
    return failed(tr("Import"), tr("Nothing was imported: %1").arg(outcome.error));
  }
  if (outcome.end == TaskEnd::Cancelled) {
    return cancelled(tr("Import cancelled; nothing was imported."));
  }
  QString text = tr("%1 items imported (%2 evaluations new, %3 updated, %4 new videos).")
                     .arg(imported.items)
                     .arg(imported.evaluationsCreated)
                     .arg(imported.evaluationsUpdated)
                     .arg(imported.videosCreated);
  if (!request.videosFolder.isEmpty()) {
    text += QLatin1Char(' ') + (linked.cancelled ? tr("Finding the videos was cancelled.")
                                                 : tr("Videos: %1 found, %2 missing.")
                                                       .arg(linked.found.size() + linked.alreadyLinked)
                                                       .arg(linked.missing.size()));
  }
  return done(text, 10000, true);
}

ExchangeOutcome ProjectExchange::exportItems(QWidget* parent, const QString& project,
                                             const ExportRequest& request) {
  qint64 count = 0;
  const TaskOutcome outcome =
      runProjectTask(parent, tr("Exporting to %1…").arg(QFileInfo(request.file).fileName()), project,
                     [&](store::Store& store, const library::Progress& progress) {
                       // Written to a temporary file that replaces the target only on commit(): a cancel
                       // leaves any earlier file of that name as it was.
                       const auto writer = interop::openWriter(request.file, request.format, request.options);
                       const qint64 total = store.stats().evaluations;
                       try {
                         store.exportItems(request.filter, [&](const FeedbackItem& item) {
                           writer->write(item);
                           if ((++count & 255) == 0 && !progress(count, total)) {
                             throw Cancelled{};
                           }
                         });
                       } catch (const Cancelled&) {
                         return false;
                       }
                       writer->commit();
                       return true;
                     });
  if (outcome.end == TaskEnd::Failed) {
    return failed(tr("Export"), tr("Not exported: %1").arg(outcome.error));
  }
  if (outcome.end == TaskEnd::Cancelled) {
    return cancelled(tr("Export cancelled; no file written."));
  }
  return done(tr("Exported %1 items to %2 (%3).")
                  .arg(count)
                  .arg(QDir::toNativeSeparators(request.file), interop::formatName(request.format)),
              10000, false);
}

ExchangeOutcome ProjectExchange::relink(QWidget* parent, const QString& project, const QStringList& folders,
                                        library::RelinkResult& result) {
  const TaskOutcome outcome = runProjectTask(parent, tr("Looking for the missing videos…"), project,
                                             [&](store::Store& store, const library::Progress& progress) {
                                               result = library::relink(store, folders, progress);
                                               return !result.cancelled;
                                             });
  if (outcome.end == TaskEnd::Failed) {
    return failed(tr("Relink missing videos"), outcome.error);
  }
  if (outcome.end == TaskEnd::Cancelled) {
    return cancelled(tr("Relink cancelled; nothing changed."));
  }
  return done(QString(), 8000, true);
}

ExchangeOutcome ProjectExchange::relinkReport(const library::RelinkResult& r) {
  QStringList details;
  for (const QString& n : r.found) {
    details << (r.changed.contains(n) ? tr("changed: %1").arg(n) : tr("found: %1").arg(n));
  }
  for (const QString& n : r.missing) {
    details << tr("missing: %1").arg(n);
  }
  ExchangeOutcome o;
  o.title = tr("Relink missing videos");
  o.message = tr("%1 found (%2 changed since they were added), %3 still missing, %4 already in place.")
                  .arg(r.found.size())
                  .arg(r.changed.size())
                  .arg(r.missing.size())
                  .arg(r.alreadyLinked);
  o.details = details.join(QLatin1Char('\n'));
  return o;
}

}  // namespace vs::ui
