#include "core/interop/project_export.h"

#include "core/domain/error.h"
#include "core/interop/item_writer.h"
#include "core/interop/preference_pairs.h"
#include "core/store/store.h"

namespace vs::interop {
namespace {

[[noreturn]] void usage(const QString& where, const QString& message) {
  throw Error(Error::Kind::Usage, where, message);
}

void requireAnnotator(const store::Store& store, const ExportRequest& request) {
  if (!request.annotator.isEmpty() && !store.findAnnotator(request.annotator))
    usage(request.project, QStringLiteral("no annotator named \"%1\"").arg(request.annotator));
}

// Preferences are their own rows, not evaluations: written by name in one go.
QString exportPreferences(const ExportRequest& request, PreferenceFormat format) {
  const store::Store store(request.project, store::OpenMode::OpenExisting);
  requireAnnotator(store, request);
  store::PreferenceFilter filter;
  if (!request.annotator.isEmpty())
    filter.annotatorId = store.findAnnotator(request.annotator)->id;
  const QVector<NamedPreference> preferences = store.namedPreferences(filter);
  writePreferencesFile(request.out, preferences, format);
  return QStringLiteral("exported %1 preferences to %2 (%3)\n")
      .arg(preferences.size())
      .arg(request.out, preferenceFormatName(format));
}

// The model whose scores a predictions file carries: named, or the project's only one.
QString predictionModel(const store::Store& store, const ExportRequest& request) {
  QString model = request.model;
  if (model.isEmpty()) {
    for (const Annotator& a : store.annotators()) {
      if (a.kind != AnnotatorKind::Model)
        continue;
      if (!model.isEmpty())
        usage(QString(), QStringLiteral("the project has several models; choose one with --model"));
      model = a.name;
    }
  }
  const auto found = store.findAnnotator(model);
  if (model.isEmpty() || !found || found->kind != AnnotatorKind::Model) {
    usage(request.project,
          QStringLiteral("no model annotator%1")
              .arg(model.isEmpty() ? QString() : QStringLiteral(" named \"%1\"").arg(model)));
  }
  return model;
}

}  // namespace

QString exportProject(const ExportRequest& request) {
  if (const auto preferenceFormat = preferenceFormatFromName(request.format))
    return exportPreferences(request, *preferenceFormat);
  const auto format = formatFromName(request.format);
  if (!format)
    usage(QString(), QStringLiteral("unknown export format '%1'").arg(request.format));
  store::ExportFilter filter;
  filter.annotator = request.annotator;
  if (request.origin) {
    filter.origin = originFromName(*request.origin);
    if (!filter.origin)
      usage(QString(), QStringLiteral("unknown origin '%1'").arg(*request.origin));
  }
  const store::Store store(request.project, store::OpenMode::OpenExisting);
  requireAnnotator(store, request);
  if (*format == Format::Predictions) {
    filter.modelAnnotator = predictionModel(store, request);
    if (filter.annotator.isEmpty())
      filter.annotatorKind = AnnotatorKind::Human;
  }
  WriterOptions options;
  options.sftInstruction = request.instruction;
  const auto writer = openWriter(request.out, *format, options);
  const qint64 total = store.stats().evaluations;
  qint64 count = 0;
  store.exportItems(filter, [&](const FeedbackItem& item) {
    writer->write(item);
    if ((++count & 1023) == 0 && request.progress)
      request.progress(count, total);
  });
  writer->commit();
  return QStringLiteral("exported %1 items to %2 (%3)\n").arg(count).arg(request.out, formatName(*format));
}

}  // namespace vs::interop
