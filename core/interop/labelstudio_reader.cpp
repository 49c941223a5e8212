// Label Studio JSON export: an array of tasks, or one task object,
// {"data": {...}, "annotations": [{"completed_by": ..., "result": [...]}], "predictions": [...]}.
// Every submitted annotation becomes one item for its annotator (completed_by: the user's email,
// or "ls-user-<id>" when only the id is exported); cancelled (skipped) annotations are left out;
// every prediction becomes one item for the model named by model_version, its `score` kept as an
// extra key. Scores come from rating results (value.rating), numbers, or choices naming a score
// (value.choices[0]); texts from textarea results (value.text, lines joined with "\n"). Any other
// control is kept as an extra key named after its from_name holding its `value` object, which
// the Label Studio writer turns back into a result. Tasks nobody annotated are skipped.
#include <QFileInfo>

#include "core/domain/error.h"
#include "core/json/json_text.h"
#include "core/interop/item_fields.h"
#include "core/interop/readers.h"

namespace vs::interop {
namespace {

struct Result {
  QByteArray fromName;
  QByteArray toName;
  QByteArray type;
  QByteArray valueJson;
};

// One annotation or prediction of a task.
struct Annotation {
  QByteArray annotator;  // completed_by or model_version; empty when the file names nobody
  bool cancelled = false;
  QByteArray scoreJson;  // predictions: `score` as compact JSON, empty when absent or null
  std::vector<Result> results;
};

// Which item field a control's from_name feeds.
KeyMeaning controlMeaning(const QByteArray& fromName) {
  KeyMeaning m = keyMeaning(fromName);
  if (m.key != ItemKey::Unknown)
    return m;
  const QByteArray lower = fromName.toLower();
  // Also the control names of the labeling config in reference annotation-anchors.md §3.1.
  if (lower == "visual" || lower == "visual_quality")
    return {ItemKey::Score, Dimension::Visual};
  if (lower == "t2v" || lower == "alignment" || lower == "text_alignment" || lower == "t2v_alignment") {
    return {ItemKey::Score, Dimension::T2V};
  }
  if (lower == "phy" || lower == "physical" || lower == "physics" || lower == "physical_consistency") {
    return {ItemKey::Score, Dimension::Phy};
  }
  if (lower == "reasoning" || lower == "comment")
    return {ItemKey::Thinking, Dimension::Visual};
  return {};
}

QByteArray integerText(double v) {
  return QByteArray::number(static_cast<qint64>(v));
}

void readResults(json::Reader& r, std::vector<Result>* results) {
  r.expect('[');
  if (r.consumeIf(']'))
    return;
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
        } else if (key == "to_name" && r.peek() == '"') {
          r.readString(&result.toName);
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

// completed_by: {"id": 1, "email": "a@b.org", ...} in full exports, a bare user id otherwise.
QByteArray readCompletedBy(json::Reader& r) {
  const char c = r.peek();
  if (c == '{') {
    QByteArray key;
    QByteArray email;
    QByteArray id;
    r.expect('{');
    if (!r.consumeIf('}')) {
      do {
        r.readString(&key);
        r.expect(':');
        if (key == "email" && r.peek() == '"') {
          r.readString(&email);
        } else if (key == "id" && (r.peek() == '-' || (r.peek() >= '0' && r.peek() <= '9'))) {
          id = integerText(r.readNumber());
        } else {
          r.skipValue();
        }
      } while (r.consumeIf(','));
      r.expect('}');
    }
    if (!email.isEmpty())
      return email;
    return id.isEmpty() ? QByteArray() : "ls-user-" + id;
  }
  if (c == '-' || (c >= '0' && c <= '9'))
    return "ls-user-" + integerText(r.readNumber());
  if (c == '"') {
    QByteArray name;
    r.readString(&name);
    return name;
  }
  r.skipValue();  // null
  return {};
}

// annotations[] or predictions[].
void readAnnotations(json::Reader& r, bool predictions, std::vector<Annotation>* out) {
  r.expect('[');
  if (r.consumeIf(']'))
    return;
  QByteArray key;
  do {
    Annotation a;
    r.expect('{');
    if (!r.consumeIf('}')) {
      do {
        r.readString(&key);
        r.expect(':');
        if (key == "result" && r.peek() == '[') {
          readResults(r, &a.results);
        } else if (!predictions && key == "completed_by") {
          a.annotator = readCompletedBy(r);
        } else if (!predictions && key == "was_cancelled" && (r.peek() == 't' || r.peek() == 'f')) {
          a.cancelled = r.readLiteral() == 't';
        } else if (predictions && key == "model_version" && r.peek() == '"') {
          r.readString(&a.annotator);
        } else if (predictions && key == "score" && r.peek() != 'n') {
          r.captureValue(&a.scoreJson);
        } else {
          r.skipValue();
        }
      } while (r.consumeIf(','));
      r.expect('}');
    }
    out->push_back(std::move(a));
  } while (r.consumeIf(','));
  r.expect(']');
}

// Applies one result to the item; returns an error message or empty.
QString applyResult(const Result& result, FeedbackItem* item) {
  const KeyMeaning m = controlMeaning(result.fromName);
  if (m.key != ItemKey::Score && m.key != ItemKey::GtScore && m.key != ItemKey::Thinking &&
      m.key != ItemKey::Rationale) {
    // Not a score or a text the app has a field for: kept whole, written back on export.
    ExtraField field;
    field.key = result.fromName;
    field.jsonValue = labelStudioControlJson(result.type, result.toName, result.valueJson);
    item->extra.push_back(std::move(field));
    return {};
  }
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
          if (!score)
            return QStringLiteral("%1: \"%2\" is not a score")
                .arg(QString::fromUtf8(result.fromName), QString::fromUtf8(text));
          while (v.consumeIf(','))
            v.skipValue();
          v.expect(']');
        }
      } else if (key == "text") {
        sawText = true;
        if (v.peek() == '[') {
          v.expect('[');
          if (!v.consumeIf(']')) {
            do {
              v.readString(&text);
              if (!joined.isEmpty())
                joined.append('\n');
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
      if (!score)
        return QStringLiteral("%1: no rating or choice").arg(QString::fromUtf8(result.fromName));
      if (const QString range = checkScoreRange(result.fromName, *score); !range.isEmpty())
        return range;
      item->scores.value[d] = score;
      break;
    case ItemKey::Thinking:
      if (sawText)
        item->thinking = joined;
      break;
    case ItemKey::Rationale:
      if (sawText)
        item->rationale[d] = joined;
      break;
    default:
      break;
  }
  return {};
}

// Reads one task object and hands out one item per submitted annotation and per prediction.
// `task` is the task's 0-based position, for error locations.
void readTask(json::Reader& r, const QString& file, size_t task, ItemOutput& items) {
  FeedbackItem base;
  std::vector<Annotation> annotations;
  std::vector<Annotation> predictions;
  QByteArray videoField;
  bool sawData = false;
  bool sawPrompt = false;
  QByteArray key;
  if (r.peek() != '{')
    r.fail("expected a task object");
  r.expect('{');
  if (!r.consumeIf('}')) {
    do {
      r.readString(&key);
      r.expect(':');
      if (key == "data" && r.peek() == '{') {
        sawData = true;
        r.expect('{');
        if (!r.consumeIf('}')) {
          do {
            r.readString(&key);
            r.expect(':');
            const KeyMeaning m = keyMeaning(key);
            if ((m.key == ItemKey::VideoName || m.key == ItemKey::Prompt || m.key == ItemKey::VideoUrl) &&
                r.peek() == '"') {
              QByteArray* target = m.key == ItemKey::VideoName ? &base.videoName
                                   : m.key == ItemKey::Prompt  ? &base.prompt
                                                               : &base.videoUrl;
              sawPrompt = sawPrompt || m.key == ItemKey::Prompt;
              r.readString(target);
            } else if (key == "video" && r.peek() == '"') {
              r.readString(&videoField);
            } else {
              ExtraField field;
              field.key = key;
              r.captureValue(&field.jsonValue);
              base.extra.push_back(std::move(field));
            }
          } while (r.consumeIf(','));
          r.expect('}');
        }
      } else if (key == "annotations" && r.peek() == '[') {
        readAnnotations(r, false, &annotations);
      } else if (key == "predictions" && r.peek() == '[') {
        readAnnotations(r, true, &predictions);
      } else {
        r.skipValue();
      }
    } while (r.consumeIf(','));
    r.expect('}');
  }
  auto refuse = [&](const QString& problem) {
    throw Error(Error::Kind::InvalidData, itemLocation(file, task, base.videoName), problem);
  };
  if (!sawData) {
    refuse(
        QStringLiteral("task has no data object (expected Label Studio tasks: {\"data\": {\"video\": ..., "
                       "\"prompt\": ...}, \"annotations\": [...]})"));
  }
  if (base.videoUrl.isEmpty())
    base.videoUrl = videoField;
  if (base.videoName.isEmpty() && !videoField.isEmpty()) {
    base.videoName = QFileInfo(QString::fromUtf8(videoField)).completeBaseName().toUtf8();
  }
  bool checkedTask = false;
  auto take = [&](const Annotation& a, AnnotatorKind kind) {
    if (a.results.empty())
      return;  // nothing was labelled
    if (!checkedTask) {
      if (base.videoName.isEmpty())
        refuse(QStringLiteral("task has no data.video_name or data.video"));
      checkedTask = true;
    }
    FeedbackItem item = base;
    item.annotator = a.annotator;
    item.annotatorKind = kind;
    if (kind == AnnotatorKind::Model && item.annotator.isEmpty())
      item.annotator = "ls-prediction";
    for (const Result& result : a.results) {
      QString problem;
      try {
        problem = applyResult(result, &item);
      } catch (const json::SyntaxError& e) {
        problem = QStringLiteral("%1: %2").arg(QString::fromUtf8(result.fromName), QLatin1String(e.problem));
      }
      if (!problem.isEmpty())
        refuse(problem);
    }
    if (!item.scores.complete())
      refuse(QStringLiteral("task has no ratings for all three dimensions"));
    if (!sawPrompt)
      refuse(QStringLiteral("missing required key prompt (data.prompt)"));
    if (!a.scoreJson.isEmpty())
      item.extra.push_back({QByteArray("score"), a.scoreJson});
    items.push_back(std::move(item));
  };
  for (const Annotation& a : annotations) {
    if (!a.cancelled)
      take(a, AnnotatorKind::Human);
  }
  for (const Annotation& p : predictions)
    take(p, AnnotatorKind::Model);
}

}  // namespace

void parseLabelStudio(const QByteArray& bytes, const QString& file, ItemOutput& items) {
  bool any = false;
  for (char c : bytes)
    any = any || !(c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (!any)
    throw Error(Error::Kind::InvalidData, file, QStringLiteral("file is empty"));
  try {
    json::Reader r(bytes.constData(), bytes.constData() + bytes.size());
    r.skipByteOrderMark();
    if (r.peek() == '{') {  // one task, as Label Studio's task API returns it
      readTask(r, file, 0, items);
      if (!r.atEnd())
        r.fail("unexpected text after the end of the task");
      return;
    }
    r.expect('[');
    size_t task = 0;
    if (!r.consumeIf(']')) {
      do {
        readTask(r, file, task++, items);
      } while (r.consumeIf(','));
      r.expect(']');
    }
    if (!r.atEnd())
      r.fail("unexpected text after the end of the array");
  } catch (const json::SyntaxError& e) {
    throw Error(Error::Kind::InvalidData,
                QStringLiteral("%1:%2").arg(file).arg(json::lineOfOffset(bytes.constData(), e.offset)),
                QString::fromLatin1(e.problem));
  }
}

}  // namespace vs::interop
