// CSV (RFC 4180): comma separated, fields optionally in double quotes with "" for a quote;
// quoted fields may hold commas and line breaks. UTF-8, optional BOM, header row required.
#include "core/domain/error.h"
#include "core/json/json_text.h"
#include "core/interop/csv_parser.h"
#include "core/interop/item_fields.h"
#include "core/interop/readers.h"

namespace vs::interop {
namespace {

bool blank(const std::vector<QByteArray>& fields) {
  return fields.size() == 1 && fields[0].isEmpty();
}

}  // namespace

void parseCsv(const QByteArray& bytes, const QString& file, ItemOutput& items) {
  const char* begin = bytes.startsWith("\xEF\xBB\xBF") ? bytes.constData() + 3 : bytes.constData();
  const char* end = bytes.constData() + bytes.size();
  size_t bad = 0;
  if (!json::isValidUtf8(begin, static_cast<size_t>(end - begin), &bad)) {
    const int line =
        json::lineOfOffset(bytes.constData(), static_cast<size_t>(begin - bytes.constData()) + bad);
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(file).arg(line),
                QStringLiteral("invalid UTF-8"));
  }
  CsvParser parser(begin, end, file);
  std::vector<QByteArray> header;
  int line = 0;
  if (!parser.readRecord(&header, &line) || blank(header)) {
    throw Error(Error::Kind::InvalidData, file, QStringLiteral("file is empty"));
  }
  std::vector<KeyMeaning> meaning;
  bool hasName = false;
  bool hasPrompt = false;
  std::array<bool, 3> hasScore{};
  for (const QByteArray& key : header) {
    meaning.push_back(keyMeaning(key));
    hasName = hasName || meaning.back().key == ItemKey::VideoName;
    hasPrompt = hasPrompt || meaning.back().key == ItemKey::Prompt;
    if (meaning.back().key == ItemKey::Score || meaning.back().key == ItemKey::GtScore) {
      hasScore[static_cast<size_t>(index(meaning.back().dimension))] = true;
    }
  }
  if (!hasName)
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1:1").arg(file),
                QStringLiteral("missing required column video_name"));
  for (Dimension d : kDimensions) {
    if (!hasScore[static_cast<size_t>(index(d))]) {
      throw Error(Error::Kind::InvalidData, QStringLiteral("%1:1").arg(file),
                  QStringLiteral("missing required column %1_score").arg(dimensionKey(d)));
    }
  }
  if (!hasPrompt)
    throw Error(Error::Kind::InvalidData, QStringLiteral("%1:1").arg(file),
                QStringLiteral("missing required column prompt"));
  std::vector<QByteArray> fields;
  std::string jsonText;
  while (parser.readRecord(&fields, &line)) {
    if (blank(fields))
      continue;
    if (fields.size() != header.size()) {
      throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(file).arg(line),
                  QStringLiteral("expected %1 fields, found %2").arg(header.size()).arg(fields.size()));
    }
    FeedbackItem item;
    item.sourceLine = line;
    QString problem;
    for (size_t c = 0; c < fields.size(); ++c) {
      const size_t d = static_cast<size_t>(index(meaning[c].dimension));
      switch (meaning[c].key) {
        case ItemKey::VideoName:
          item.videoName = fields[c];
          break;
        case ItemKey::VideoUrl:
          item.videoUrl = fields[c];
          break;
        case ItemKey::Prompt:
          item.prompt = fields[c];
          break;
        case ItemKey::Thinking:
          item.thinking = fields[c];
          break;
        case ItemKey::Rationale:
          item.rationale[d] = fields[c];
          break;
        case ItemKey::ModelOutput:
          item.modelOutput = fields[c];
          break;
        case ItemKey::Score:
        case ItemKey::GtScore:
        case ItemKey::ModelScore: {
          const auto v = scoreFromText(fields[c]);
          const bool emptyModel = meaning[c].key == ItemKey::ModelScore && fields[c].trimmed().isEmpty();
          if (!v && !emptyModel && problem.isEmpty()) {
            problem = fields[c].trimmed().isEmpty()
                          ? QStringLiteral("%1 is empty").arg(QString::fromUtf8(header[c]))
                          : QStringLiteral("%1: \"%2\" is not a score")
                                .arg(QString::fromUtf8(header[c]), QString::fromUtf8(fields[c]));
          }
          if (v && problem.isEmpty())
            problem = checkScoreRange(header[c], *v);
          if (meaning[c].key == ItemKey::ModelScore) {
            item.modelScores.value[d] = v;
            item.modelState = ModelScoreState::Given;
          } else {
            item.scores.value[d] = v;
          }
          break;
        }
        case ItemKey::Unknown: {
          jsonText.clear();
          json::appendString(jsonText, fields[c]);
          item.extra.push_back(
              {header[c], QByteArray(jsonText.data(), static_cast<qsizetype>(jsonText.size()))});
          break;
        }
      }
    }
    if (problem.isEmpty() && item.videoName.isEmpty())
      problem = QStringLiteral("video_name is empty");
    if (!problem.isEmpty()) {
      throw Error(
          Error::Kind::InvalidData,
          QStringLiteral("%1:%2").arg(file).arg(line) + itemLocation(QString(), items.size(), item.videoName),
          problem);
    }
    items.push_back(std::move(item));
  }
}

}  // namespace vs::interop
