// vscore list PROJECT [--json]: every video with its prompt and each annotator's scores.
#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include "cmd_options.h"
#include "command.h"
#include "core/library/video_locator.h"
#include "core/store/store.h"

namespace {

using namespace vs;

QJsonValue scoreJson(const std::optional<double>& s) {
  return s ? QJsonValue(*s) : QJsonValue();
}
QString scoreText(const std::optional<double>& s) {
  return s ? QString::number(*s) : QStringLiteral("-");
}

int runList(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  cli::addProjectArgument(parser);
  parser.addOption({QStringLiteral("json"), QStringLiteral("print a JSON array")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("list"), args)) {
    return *stop;
  }
  if (const auto stop = cli::requirePositionals(parser, 1, QStringLiteral("vscore list PROJECT [--json]"))) {
    return *stop;
  }
  const store::Store store(parser.positionalArguments().first(), store::OpenMode::OpenExisting);
  QHash<qint64, QString> names;
  for (const Annotator& a : store.annotators())
    names.insert(a.id, a.name);
  const QVector<store::QueueItem> items = store.listItems();
  if (parser.isSet(QStringLiteral("json"))) {
    const library::VideoLocator locator = library::VideoLocator::forStore(store);
    QJsonArray array;
    for (const store::QueueItem& item : items) {
      QJsonArray evaluations;
      for (const Evaluation& e : item.evaluations) {
        evaluations.append(QJsonObject{{QStringLiteral("annotator"), names.value(e.annotatorId)},
                                       {QStringLiteral("origin"), originName(e.origin)},
                                       {QStringLiteral("visual_score"), scoreJson(e.scores.value[0])},
                                       {QStringLiteral("t2v_score"), scoreJson(e.scores.value[1])},
                                       {QStringLiteral("phy_score"), scoreJson(e.scores.value[2])}});
      }
      const library::VideoFile file = locator.locate(item.video);
      array.append(
          QJsonObject{{QStringLiteral("video_name"), item.video.name},
                      {QStringLiteral("prompt"), item.promptText},
                      {QStringLiteral("generator"), item.video.generator},
                      {QStringLiteral("path"), file.path.isEmpty() ? QJsonValue() : QJsonValue(file.path)},
                      {QStringLiteral("status"), library::fileStatusName(file.status)},
                      {QStringLiteral("evaluations"), evaluations}});
    }
    cli::printJson(array);
    return cli::kExitOk;
  }
  QString text;
  for (const store::QueueItem& item : items) {
    QString prompt = item.promptText;
    prompt.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (prompt.size() > 60)
      prompt = prompt.left(57) + QStringLiteral("...");
    text += item.video.name + QLatin1Char('\t') + prompt;
    for (const Evaluation& e : item.evaluations) {
      text += QStringLiteral("\t%1 %2/%3/%4 (%5)")
                  .arg(names.value(e.annotatorId), scoreText(e.scores.value[0]), scoreText(e.scores.value[1]),
                       scoreText(e.scores.value[2]), originName(e.origin));
    }
    text += QLatin1Char('\n');
  }
  cli::out(text);
  return cli::kExitOk;
}

const cli::CommandRegistration kList({QStringLiteral("list"), QStringLiteral("list PROJECT [--json]"),
                                      QStringLiteral("List videos with prompts and every annotator's scores"),
                                      runList});

}  // namespace
