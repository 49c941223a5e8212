#include "core/library/prompt_map.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/domain/error.h"
#include "core/interop/csv_parser.h"
#include "core/interop/item_fields.h"

namespace vs::library {
namespace {

using interop::ItemKey;

ItemKey keyOf(const QString& key) {
  return interop::keyMeaning(key.toUtf8()).key;
}

// Takes one object's name and prompt; returns false when it has no name.
bool addObject(const QJsonObject& o, PromptMap* map, const QString& where) {
  QString name;
  QString url;
  std::optional<QString> prompt;
  for (auto it = o.begin(); it != o.end(); ++it) {
    switch (keyOf(it.key())) {
      case ItemKey::VideoName:
        name = it.value().toString();
        break;
      case ItemKey::VideoUrl:
        url = it.value().toString();
        break;
      case ItemKey::Prompt:
        if (!it.value().isString())
          throw Error(Error::Kind::InvalidData, where, QStringLiteral("prompt is not a string"));
        prompt = it.value().toString();
        break;
      default:
        break;
    }
  }
  if (name.isEmpty() && !url.isEmpty())
    name = QFileInfo(url).completeBaseName();
  if (name.isEmpty())
    return false;
  if (!prompt)
    throw Error(Error::Kind::InvalidData, where, QStringLiteral("video_name \"%1\" has no prompt").arg(name));
  map->insert(name, *prompt);
  return true;
}

void readJsonArray(const QJsonArray& array, PromptMap* map, const QString& path) {
  for (qsizetype i = 0; i < array.size(); ++i) {
    const QString where = QStringLiteral("%1: item %2").arg(path).arg(i + 1);
    if (!array[i].isObject() || !addObject(array[i].toObject(), map, where)) {
      throw Error(Error::Kind::InvalidData, where,
                  QStringLiteral("expected an object with video_name and prompt"));
    }
  }
}

void readCsv(const QByteArray& bytes, PromptMap* map, const QString& path) {
  const char* begin = bytes.startsWith("\xEF\xBB\xBF") ? bytes.constData() + 3 : bytes.constData();
  interop::CsvParser parser(begin, bytes.constData() + bytes.size(), path);
  std::vector<QByteArray> fields;
  int line = 0;
  if (!parser.readRecord(&fields, &line))
    throw Error(Error::Kind::InvalidData, path, QStringLiteral("file is empty"));
  int nameColumn = -1;
  int promptColumn = -1;
  for (size_t c = 0; c < fields.size(); ++c) {
    const ItemKey key = interop::keyMeaning(fields[c].trimmed()).key;
    if (key == ItemKey::VideoName && nameColumn < 0)
      nameColumn = static_cast<int>(c);
    if (key == ItemKey::Prompt && promptColumn < 0)
      promptColumn = static_cast<int>(c);
  }
  if (nameColumn < 0 || promptColumn < 0) {
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1:1").arg(path),
                QStringLiteral("expected a header with video_name and prompt columns"));
  }
  while (parser.readRecord(&fields, &line)) {
    if (fields.size() == 1 && fields[0].isEmpty())
      continue;
    const size_t needed = static_cast<size_t>(std::max(nameColumn, promptColumn));
    if (fields.size() <= needed) {
      throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(path).arg(line),
                  QStringLiteral("%1 fields, expected at least %2").arg(fields.size()).arg(needed + 1));
    }
    const QString name = QString::fromUtf8(fields[static_cast<size_t>(nameColumn)]);
    if (name.isEmpty())
      throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(path).arg(line),
                  QStringLiteral("video_name is empty"));
    map->insert(name, QString::fromUtf8(fields[static_cast<size_t>(promptColumn)]));
  }
}

}  // namespace

PromptMap PromptMap::read(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw Error(Error::Kind::Io, path, file.exists() ? file.errorString() : QStringLiteral("no such file"));
  }
  const QByteArray bytes = file.readAll();
  PromptMap map;
  const QByteArray head = bytes.trimmed();
  if (head.startsWith('{') || head.startsWith('[')) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isObject()) {
      const QJsonObject o = doc.object();
      // One VideoFeedback2 item, or a name -> prompt object.
      if (o.contains(QStringLiteral("video_name"))) {
        addObject(o, &map, path);
        return map;
      }
      for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString()) {
          throw Error(Error::Kind::InvalidData, path,
                      QStringLiteral("value of \"%1\" is not a prompt string").arg(it.key()));
        }
        map.insert(it.key(), it.value().toString());
      }
      return map;
    }
    if (doc.isArray()) {
      readJsonArray(doc.array(), &map, path);
      return map;
    }
    if (head.startsWith('{')) {  // JSON Lines
      int lineNo = 0;
      for (const QByteArray& line : bytes.split('\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty())
          continue;
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNo);
        QJsonParseError lineError{};
        const QJsonDocument row = QJsonDocument::fromJson(line, &lineError);
        if (!row.isObject())
          throw Error(Error::Kind::InvalidData, where, lineError.errorString());
        if (!addObject(row.object(), &map, where)) {
          throw Error(Error::Kind::InvalidData, where,
                      QStringLiteral("expected an object with video_name and prompt"));
        }
      }
      return map;
    }
    throw Error(Error::Kind::InvalidData, path, error.errorString());
  }
  readCsv(bytes, &map, path);
  return map;
}

std::optional<QString> PromptMap::find(const QString& name, const QString& fileName) const {
  for (const QString& key : {name, fileName, QFileInfo(fileName).completeBaseName()}) {
    const auto it = prompts_.constFind(key);
    if (it != prompts_.constEnd())
      return it.value();
  }
  return std::nullopt;
}

}  // namespace vs::library
