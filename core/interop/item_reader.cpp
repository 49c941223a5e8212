#include "core/interop/item_reader.h"

#include <QFile>
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/interop/readers.h"

namespace vs::interop {
namespace {

QByteArray readWhole(const QString& path) {
  QFile file(path);
  if (!QFileInfo::exists(path))
    throw Error(Error::Kind::InvalidData, path, QStringLiteral("no such file"));
  if (!file.open(QIODevice::ReadOnly))
    throw Error(Error::Kind::Io, path, file.errorString());
  QByteArray bytes = file.readAll();
  if (file.error() != QFileDevice::NoError)
    throw Error(Error::Kind::Io, path, file.errorString());
  return bytes;
}

}  // namespace

void parseItems(const QByteArray& bytes, Format format, const QString& displayName, const ItemSink& sink,
                TextSource source) {
  ItemOutput items(
      sink, source == TextSource::Kept ? json::StringStorage::ViewIntoSource : json::StringStorage::Copy);
  switch (format) {
    case Format::Vf2Json:
      return parseJsonArray(bytes, JsonSchema::Feedback, displayName, items);
    case Format::Vf2Jsonl:
      return parseJsonLines(bytes, displayName, items);
    case Format::Csv:
      return parseCsv(bytes, displayName, items);
    case Format::Predictions:
      return parseJsonArray(bytes, JsonSchema::Predictions, displayName, items);
    case Format::LabelStudio:
      return parseLabelStudio(bytes, displayName, items);
    case Format::Sft:
      break;
  }
  throw Error(Error::Kind::Usage, displayName,
              QStringLiteral("format %1 cannot be imported").arg(formatName(format)));
}

std::vector<FeedbackItem> parseItems(const QByteArray& bytes, Format format, const QString& displayName) {
  std::vector<FeedbackItem> items;
  parseItems(bytes, format, displayName, [&items](FeedbackItem&& item) { items.push_back(std::move(item)); });
  return items;
}

std::vector<FeedbackItem> readItems(const QString& path, Format format) {
  return parseItems(readWhole(path), format, path);
}

std::vector<FeedbackItem> readPredictions(const QString& path) {
  return parseItems(readWhole(path), Format::Predictions, path);
}

}  // namespace vs::interop
