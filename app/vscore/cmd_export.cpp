// vscore export PROJECT --format F --out FILE: streams the project's evaluations into a
// temporary file that replaces FILE only when complete.
#include <QCommandLineParser>

#include "cmd_progress.h"
#include "cmd_options.h"
#include "command.h"
#include "core/domain/error.h"
#include "core/interop/item_writer.h"
#include "core/interop/preference_pairs.h"
#include "core/store/store.h"

namespace {

using namespace vs;

int runExport(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("format"),
                    QStringLiteral("vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio; people's "
                                   "preferences: pairs|labelstudio-pairwise"),
                    QStringLiteral("FORMAT")});
  parser.addOption({QStringLiteral("out"), QStringLiteral("file to write"), QStringLiteral("FILE")});
  parser.addOption({QStringLiteral("annotator"), QStringLiteral("only this annotator's evaluations"),
                    QStringLiteral("NAME")});
  parser.addOption(
      {QStringLiteral("origin"),
       QStringLiteral("only evaluations of this origin: human|model|model-accepted|model-edited"),
       QStringLiteral("ORIGIN")});
  parser.addOption({QStringLiteral("model"),
                    QStringLiteral("predictions: the model annotator (default: the project's only model)"),
                    QStringLiteral("NAME")});
  parser.addOption({QStringLiteral("instruction"), QStringLiteral("sft: user-turn template with $t2v_prompt"),
                    QStringLiteral("TEXT")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("export"), args)) {
    return *stop;
  }
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1 || !parser.isSet(QStringLiteral("format")) ||
      !parser.isSet(QStringLiteral("out"))) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("usage: vscore export PROJECT --format FORMAT --out FILE"));
  }
  // Preferences are their own rows, not evaluations: written by name in one go.
  if (const auto preferenceFormat =
          interop::preferenceFormatFromName(parser.value(QStringLiteral("format")))) {
    store::Store store(positional[0], store::OpenMode::OpenExisting);
    store::PreferenceFilter filter;
    const QString annotator = parser.value(QStringLiteral("annotator"));
    if (!annotator.isEmpty()) {
      const auto found = store.findAnnotator(annotator);
      if (!found) {
        return cli::fail(cli::kExitUsage,
                         QStringLiteral("%1: no annotator named \"%2\"").arg(positional[0], annotator));
      }
      filter.annotatorId = found->id;
    }
    const QVector<NamedPreference> preferences = store.namedPreferences(filter);
    const QString outPath = parser.value(QStringLiteral("out"));
    interop::writePreferencesFile(outPath, preferences, *preferenceFormat);
    cli::out(QStringLiteral("exported %1 preferences to %2 (%3)\n")
                 .arg(preferences.size())
                 .arg(outPath, interop::preferenceFormatName(*preferenceFormat)));
    return cli::kExitOk;
  }
  const auto format = interop::formatFromName(parser.value(QStringLiteral("format")));
  if (!format) {
    return cli::fail(
        cli::kExitUsage,
        QStringLiteral("unknown export format '%1'").arg(parser.value(QStringLiteral("format"))));
  }
  store::ExportFilter filter;
  filter.annotator = parser.value(QStringLiteral("annotator"));
  if (parser.isSet(QStringLiteral("origin"))) {
    filter.origin = originFromName(parser.value(QStringLiteral("origin")));
    if (!filter.origin) {
      return cli::fail(cli::kExitUsage,
                       QStringLiteral("unknown origin '%1'").arg(parser.value(QStringLiteral("origin"))));
    }
  }
  store::Store store(positional[0], store::OpenMode::OpenExisting);
  if (!filter.annotator.isEmpty() && !store.findAnnotator(filter.annotator)) {
    return cli::fail(cli::kExitUsage,
                     QStringLiteral("%1: no annotator named \"%2\"").arg(positional[0], filter.annotator));
  }
  if (*format == interop::Format::Predictions) {
    QString model = parser.value(QStringLiteral("model"));
    if (model.isEmpty()) {
      for (const Annotator& a : store.annotators()) {
        if (a.kind != AnnotatorKind::Model)
          continue;
        if (!model.isEmpty()) {
          return cli::fail(cli::kExitUsage,
                           QStringLiteral("the project has several models; choose one with --model"));
        }
        model = a.name;
      }
    }
    const auto found = store.findAnnotator(model);
    if (model.isEmpty() || !found || found->kind != AnnotatorKind::Model) {
      return cli::fail(
          cli::kExitUsage,
          QStringLiteral("%1: no model annotator%2")
              .arg(positional[0], model.isEmpty() ? QString() : QStringLiteral(" named \"%1\"").arg(model)));
    }
    filter.modelAnnotator = model;
    if (filter.annotator.isEmpty())
      filter.annotatorKind = AnnotatorKind::Human;
  }
  interop::WriterOptions options;
  options.sftInstruction = parser.value(QStringLiteral("instruction"));
  const QString outPath = parser.value(QStringLiteral("out"));
  const auto writer = interop::openWriter(outPath, *format, options);
  const qint64 total = store.stats().evaluations;
  cli::ProgressLine progress(QStringLiteral("exporting"));
  qint64 count = 0;
  store.exportItems(filter, [&](const FeedbackItem& item) {
    writer->write(item);
    if ((++count & 1023) == 0)
      progress.update(count, total);
  });
  writer->commit();
  cli::out(
      QStringLiteral("exported %1 items to %2 (%3)\n").arg(count).arg(outPath, interop::formatName(*format)));
  return cli::kExitOk;
}

const cli::CommandRegistration kExport(
    {QStringLiteral("export"),
     QStringLiteral(
         "export PROJECT --format "
         "vf2-json|vf2-jsonl|csv|predictions|sft|labelstudio|pairs|labelstudio-pairwise --out FILE "
         "[--annotator NAME|--origin human|model]"),
     QStringLiteral("Export a project's evaluations (written to a temporary file, then renamed)"),
     runExport});

}  // namespace
