// Label Studio task export: [{"data": {...}, "annotations": [{"result": [...]}]}]. Scores come
// from rating results (value.rating) or choices (value.choices[0], a score label); texts from
// textarea results (value.text). The first annotation with results is taken; tasks without
// any are skipped (not annotated yet).
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/domain/json_text.h"
#include "core/interop/item_fields.h"
#include "core/interop/readers.h"

namespace vs::interop {
namespace {

struct Result {
  QByteArray fromName;
  QByteArray type;
  QByteArray valueJson;
};

// Which item field a control's from_name feeds.
KeyMeaning controlMeaning(const QByteArray& fromName) {
  KeyMeaning m = keyMeaning(fromName);
  if (m.key != ItemKey::Unknown) return m;
  const QByteArray lower = fromName.toLower();
  if (lower == "visual" || lower == "visual_quality") return {ItemKey::Score, Dimension::Visual};
  if (lower == "t2v" || lower == "alignment" || lower == "text_alignment") return {ItemKey::Score, Dimension::T2V};
  if (lower == "phy" || lower == "physical" || lower == "physics") return {ItemKey::Score, Dimension::Phy};
  if (lower == "reasoning" || lower == "comment") return {ItemKey::Thinking, Dimension::Visual};
  return {};
}

void readResults(json::Reader& r, std::vector<Result>* results) {
  r.expect('[');
  if (r.consumeIf(']')) return;
  QByteArray key;
  do {
    Result result;
    r.expect('{');
    if (!r.consumeIf('}')) {
      do {
        r.readString(&key);
        r.expect(':');
        if (key == "from_name" && r.peek() == '"') {
          r.readString(&result.fromName);
        } else if (key == "type" && r.peek() == '"') {
          r.readString(&result.type);
        } else if (key == "value") {
          r.captureValue(&result.valueJson);
        } else {
          r.skipValue();
        }
      } while (r.consumeIf(','));
      r.expect('}');
    }
    results->push_back(std::move(result));
  } while (r.consumeIf(','));
  r.expect(']');
}

void readAnnotations(json::Reader& r, std::vector<Result>* results) {
  r.expect('[');
  if (r.consumeIf(']')) return;
  QByteArray key;
  do {
    r.expect('{');
    std::vector<Result> these;
    if (!r.consumeIf('}')) {
      do {
        r.readString(&key);
        r.expect(':');
        if (key == "result" && r.peek() == '[') {
          readResults(r, &these);
        } else {
          r.skipValue();
        }
      } while (r.consumeIf(','));
      r.expect('}');
    }
    if (results->empty() && !these.empty()) *results = std::move(these);
  } while (r.consumeIf(','));
  r.expect(']');
}

// Applies one result to the item; returns an error message or empty.
QString applyResult(const Result& result, FeedbackItem* item) {
  const KeyMeaning m = controlMeaning(result.fromName);
  const size_t d = static_cast<size_t>(index(m.dimension));
  json::Reader v(result.valueJson.constData(), result.valueJson.constData() + result.valueJson.size());
  QByteArray key;
  QByteArray text;
  std::optional<double> score;
  QByteArray joined;
  bool sawText = false;
  v.expect('{');
  if (!v.consumeIf('}')) {
    do {
      v.readString(&key);
      v.expect(':');
      if (key == "rating" || key == "number") {
        const char c = v.peek();
        if (c == '"') {
          v.readString(&text);
          score = scoreFromText(text);
        } else {
          score = v.readNumber();
        }
      } else if (key == "choices" && v.peek() == '[') {
        v.expect('[');
        if (!v.consumeIf(']')) {
          v.readString(&text);
          score = scoreFromText(text);
          if (!score) return QStringLiteral("%1: \"%2\" is not a score").arg(QString::fromUtf8(result.fromName), QString::fromUtf8(text));
          while (v.consumeIf(',')) v.skipValue();
          v.expect(']');
        }
      } else if (key == "text") {
        sawText = true;
        if (v.peek() == '[') {
          v.expect('[');
          if (!v.consumeIf(']')) {
            do {
              v.readString(&text);
              if (!joined.isEmpty()) joined.append('\n');
              joined.append(text);
            } while (v.consumeIf(','));
            v.expect(']');
          }
        } else {
          v.readString(&joined);
        }
      } else {
        v.skipValue();
      }
    } while (v.consumeIf(','));
  }
  switch (m.key) {
    case ItemKey::Score:
    case ItemKey::GtScore:
      if (!score) return QStringLiteral("%1: no rating or choice").arg(QString::fromUtf8(result.fromName));
      if (const QString range = checkScoreRange(result.fromName, *score); !range.isEmpty()) return range;
      item->scores.value[d] = score;
      break;
    case ItemKey::Thinking: if (sawText) item->thinking = joined; break;
    case ItemKey::Rationale: if (sawText) item->rationale[d] = joined; break;
    default: break;
  }
  return {};
}

}  // namespace

void parseLabelStudio(const QByteArray& bytes, const QString& file, ItemOutput& items) {
  bool any = false;
  for (char c : bytes) any = any || !(c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (!any) throw Error(Error::Kind::InvalidData, file, QStringLiteral("file is empty"));
  try {
    json::Reader r(bytes.constData(), bytes.constData() + bytes.size());
    r.skipByteOrderMark();
    r.expect('[');
    QByteArray key;
    if (!r.consumeIf(']')) {
      do {
        FeedbackItem item;
        std::vector<Result> results;
        QByteArray videoField;
        QString problem;
        if (r.peek() != '{') r.fail("expected an object");
        r.expect('{');
        if (!r.consumeIf('}')) {
          do {
            r.readString(&key);
            r.expect(':');
            if (key == "data" && r.peek() == '{') {
              r.expect('{');
              if (!r.consumeIf('}')) {
                do {
                  r.readString(&key);
                  r.expect(':');
                  const KeyMeaning m = keyMeaning(key);
                  if ((m.key == ItemKey::VideoName || m.key == ItemKey::Prompt || m.key == ItemKey::VideoUrl) &&
                      r.peek() == '"') {
                    QByteArray* target = m.key == ItemKey::VideoName ? &item.videoName
                                         : m.key == ItemKey::Prompt  ? &item.prompt
                                                                     : &item.videoUrl;
                    r.readString(target);
                  } else if (key == "video" && r.peek() == '"') {
                    r.readString(&videoField);
                  } else {
                    ExtraField field;
                    field.key = key;
                    r.captureValue(&field.jsonValue);
                    item.extra.push_back(std::move(field));
                  }
                } while (r.consumeIf(','));
                r.expect('}');
              }
            } else if (key == "annotations" && r.peek() == '[') {
              readAnnotations(r, &results);
            } else {
              r.skipValue();
            }
          } while (r.consumeIf(','));
          r.expect('}');
        }
        if (results.empty()) continue;  // a task nobody has annotated yet: nothing to import
        if (item.videoUrl.isEmpty()) item.videoUrl = videoField;
        if (item.videoName.isEmpty() && !videoField.isEmpty()) {
          item.videoName = QFileInfo(QString::fromUtf8(videoField)).completeBaseName().toUtf8();
        }
        for (const Result& result : results) {
          try {
            problem = applyResult(result, &item);
          } catch (const json::SyntaxError& e) {
            problem = QStringLiteral("%1: %2").arg(QString::fromUtf8(result.fromName), QLatin1String(e.what));
          }
          if (!problem.isEmpty()) break;
        }
        if (problem.isEmpty() && item.videoName.isEmpty()) problem = QStringLiteral("task has no data.video_name or data.video");
        if (problem.isEmpty() && !item.scores.complete()) {
          problem = QStringLiteral("task has no ratings for all three dimensions");
        }
        if (!problem.isEmpty()) {
          throw Error(Error::Kind::InvalidData, itemLocation(file, items.size(), item.videoName), problem);
        }
        items.push_back(std::move(item));
      } while (r.consumeIf(','));
      r.expect(']');
    }
    if (!r.atEnd()) r.fail("unexpected text after the end of the array");
  } catch (const json::SyntaxError& e) {
    throw Error(Error::Kind::InvalidData,
                QStringLiteral("%1:%2").arg(file).arg(json::lineOfOffset(bytes.constData(), e.offset)),
                QString::fromLatin1(e.what));
  }
}

}  // namespace vs::interop
