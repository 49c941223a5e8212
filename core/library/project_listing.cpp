#include "core/library/project_listing.h"

#include <QHash>
#include <QJsonObject>

#include "core/library/video_locator.h"
#include "core/store/store.h"

namespace vs::library {
namespace {

QHash<qint64, QString> annotatorNames(const store::Store& store) {
  QHash<qint64, QString> names;
  for (const Annotator& a : store.annotators())
    names.insert(a.id, a.name);
  return names;
}

QJsonValue scoreJson(const std::optional<double>& s) {
  return s ? QJsonValue(*s) : QJsonValue();
}

QString scoreText(const std::optional<double>& s) {
  return s ? QString::number(*s) : QStringLiteral("-");
}

}  // namespace

QString projectListingText(const store::Store& store) {
  const QHash<qint64, QString> names = annotatorNames(store);
  QString text;
  for (const store::QueueItem& item : store.listItems()) {
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
  return text;
}

QJsonArray projectListingJson(const store::Store& store) {
  const QHash<qint64, QString> names = annotatorNames(store);
  const QVector<store::QueueItem> items = store.listItems();
  const VideoLocator locator = VideoLocator::forStore(store);
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
    const VideoFile file = locator.locate(item.video);
    array.append(
        QJsonObject{{QStringLiteral("video_name"), item.video.name},
                    {QStringLiteral("prompt"), item.promptText},
                    {QStringLiteral("generator"), item.video.generator},
                    {QStringLiteral("path"), file.path.isEmpty() ? QJsonValue() : QJsonValue(file.path)},
                    {QStringLiteral("status"), fileStatusName(file.status)},
                    {QStringLiteral("evaluations"), evaluations}});
  }
  return array;
}

}  // namespace vs::library
