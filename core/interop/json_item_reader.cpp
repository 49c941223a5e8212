// VideoFeedback2 JSON / JSONL and VideoScore2 prediction files: arrays (or lines) of flat
// objects. Known keys fill FeedbackItem fields; the rest are captured as compact JSON in order.
#include <QRegularExpression>
#include <cmath>
#include <cstring>

#include "core/domain/error.h"
#include "core/json/json_text.h"
#include "core/interop/item_fields.h"
#include "core/interop/item_reader.h"
#include "core/interop/readers.h"

namespace vs::interop {
namespace {

const char* typeName(char first) {
  switch (first) {
    case '"':
      return "a string";
    case '{':
      return "an object";
    case '[':
      return "an array";
    case 't':
    case 'f':
      return "a boolean";
    case 'n':
      return "null";
    default:
      return "a number";
  }
}

struct ObjectReader {
  json::Reader& r;
  JsonSchema schema;
  QString firstError;  // semantic problems wait until the object is read (to name the item)
  QByteArray scratch;

  void note(const QString& message) {
    if (firstError.isEmpty())
      firstError = message;
  }

  void readText(const QByteArray& key, QByteArray* out, bool nullAllowed) {
    const char c = r.peek();
    if (c == '"') {
      r.readString(out);
    } else if (c == 'n' && nullAllowed) {
      r.readLiteral();
      *out = QByteArray("");
    } else {
      note(QStringLiteral("%1: expected a string, got %2")
               .arg(QString::fromUtf8(key), QLatin1String(typeName(c))));
      r.skipValue();
    }
  }

  // Null leaves `out` empty (an absent score). Model scores are kept as the file gives them
  // (soft scores below 1 are real); the store and the analyses apply their own rules.
  enum class Range { Checked, AsGiven };
  void readScore(const QByteArray& key, std::optional<double>* out, Range range) {
    const char c = r.peek();
    if (c == 'n') {
      r.readLiteral();
      out->reset();
      return;
    }
    if (c == '"') {
      r.readString(&scratch);
      const auto v = scoreFromText(scratch);
      if (!v) {
        note(QStringLiteral("%1: \"%2\" is not a score")
                 .arg(QString::fromUtf8(key), QString::fromUtf8(scratch)));
        return;
      }
      *out = *v;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      *out = r.readNumber();
    } else {
      note(QStringLiteral("%1: expected a number, got %2")
               .arg(QString::fromUtf8(key), QLatin1String(typeName(c))));
      r.skipValue();
      return;
    }
    if (range == Range::AsGiven) {
      if (!std::isfinite(**out))
        note(QStringLiteral("%1 is not a finite number").arg(QString::fromUtf8(key)));
      return;
    }
    const QString outside = checkScoreRange(key, **out);
    if (!outside.isEmpty())
      note(outside);
  }

  void read(FeedbackItem* item) {
    r.expect('{');
    bool seenName = false;
    bool seenPrompt = false;
    bool promptNull = false;
    bool seenKnown = false;
    std::array<bool, 3> seenModelScore{};
    bool seenOutput = false;
    std::array<bool, 3> seenScore{};
    QByteArray key;
    if (!r.consumeIf('}')) {
      do {
        r.readString(&key);
        r.expect(':');
        const KeyMeaning m = keyMeaning(key);
        const size_t d = static_cast<size_t>(index(m.dimension));
        seenKnown = seenKnown || m.key != ItemKey::Unknown;
        switch (m.key) {
          case ItemKey::VideoName:
            readText(key, &item->videoName, false);
            seenName = true;
            break;
          case ItemKey::VideoUrl:
            readText(key, &item->videoUrl, true);
            break;
          case ItemKey::Prompt:
            seenPrompt = true;
            promptNull = r.peek() == 'n';
            readText(key, &item->prompt, true);
            break;
          case ItemKey::Thinking:
            readText(key, &item->thinking, true);
            break;
          case ItemKey::Rationale:
            readText(key, &item->rationale[d], true);
            break;
          case ItemKey::Score:
          case ItemKey::GtScore:
            readScore(key, &item->scores.value[d], Range::Checked);
            seenScore[d] = true;
            break;
          case ItemKey::ModelScore:
            readScore(key, &item->modelScores.value[d], Range::AsGiven);
            seenModelScore[d] = true;
            break;
          case ItemKey::ModelOutput:
            readText(key, &item->modelOutput, true);
            seenOutput = true;
            break;
          case ItemKey::Unknown: {
            ExtraField field;
            field.key = key;
            r.captureValue(&field.jsonValue);
            item->extra.push_back(std::move(field));
            break;
          }
        }
      } while (r.consumeIf(','));
      r.expect('}');
    }
    if (!seenKnown) {
      note(schema == JsonSchema::Feedback
               ? QStringLiteral("none of the known keys (expected a VideoFeedback2 item: video_name, prompt, "
                                "visual_score, t2v_score, phy_score)")
               : QStringLiteral(
                     "none of the known keys (expected a VideoScore2 prediction: video_name, prompt, "
                     "v_score_gt, ..., v_score_model, ..., output)"));
    } else if (!seenName) {
      note(QStringLiteral("missing required key video_name"));
    } else if (item->videoName.isEmpty()) {
      note(QStringLiteral("video_name is empty"));
    }
    if (schema == JsonSchema::Feedback) {
      for (Dimension dim : kDimensions) {
        const size_t d = static_cast<size_t>(index(dim));
        if (!seenScore[d]) {
          note(QStringLiteral("missing required key %1_score").arg(dimensionKey(dim)));
        } else if (!item->scores.value[d]) {
          note(QStringLiteral("%1_score is null").arg(dimensionKey(dim)));
        }
      }
      // Every VideoFeedback2 item has its prompt: without it the video cannot be grouped with
      // the prompt's other candidates, nor scored (the instruction quotes the prompt).
      if (!seenPrompt) {
        note(QStringLiteral("missing required key prompt"));
      } else if (promptNull) {
        note(QStringLiteral("prompt is null"));
      }
    } else {
      const bool allModelKeys = seenModelScore[0] && seenModelScore[1] && seenModelScore[2];
      const bool anyModelKey = seenModelScore[0] || seenModelScore[1] || seenModelScore[2];
      if (allModelKeys || (anyModelKey && !seenOutput)) {
        item->modelState = ModelScoreState::Given;
      } else if (seenOutput) {
        // A model key is missing: report what the last 150 characters of the output say
        // (eval/eval_vs2.py); referenceModelScores() applies _load_scores' whole-file rule.
        item->modelScores = {};
        const QByteArray& out = item->modelOutput;
        qsizetype start = out.size();
        int chars = 0;
        while (start > 0 && chars < 150) {
          --start;
          if ((static_cast<unsigned char>(out[start]) & 0xC0) != 0x80)
            ++chars;
        }
        item->modelState = parseScoreLines(out.mid(start), &item->modelScores)
                               ? ModelScoreState::ReparsedFromOutput
                               : ModelScoreState::Unparsed;
      } else {
        note(QStringLiteral("missing v_score_model/t_score_model/p_score_model and output"));
      }
    }
  }
};

[[noreturn]] void throwSyntax(const QString& file, const QByteArray& bytes, const json::SyntaxError& e) {
  const int line = json::lineOfOffset(bytes.constData(), e.offset);
  throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(file).arg(line),
              QString::fromLatin1(e.problem));
}

void checkNotEmpty(const QByteArray& bytes, const QString& file) {
  for (char c : bytes) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      return;
  }
  throw Error(Error::Kind::InvalidData, file, QStringLiteral("file is empty"));
}

const char* skipBom(const QByteArray& bytes) {
  return bytes.startsWith("\xEF\xBB\xBF") ? bytes.constData() + 3 : bytes.constData();
}

}  // namespace

bool parseScoreLines(const QByteArray& text, Scores* out) {
  static const QRegularExpression re(
      QStringLiteral("visual quality:\\s*(\\d+).*?text-to-video alignment:\\s*(\\d+).*?"
                     "physical/common-sense consistency:\\s*(\\d+)"),
      QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
  const QRegularExpressionMatch m = re.match(QString::fromUtf8(text));
  if (!m.hasMatch())
    return false;
  for (int i = 0; i < 3; ++i)
    out->value[static_cast<size_t>(i)] = m.captured(i + 1).toDouble();
  return true;
}

void parseJsonArray(const QByteArray& bytes, JsonSchema schema, const QString& file, ItemOutput& items) {
  checkNotEmpty(bytes, file);
  // Lines are counted incrementally: one pass over the file, not one per item.
  size_t lineOffset = 0;
  int line = 1;
  auto lineAt = [&](size_t offset) {
    line += json::lineOfOffset(bytes.constData() + lineOffset, offset - lineOffset) - 1;
    lineOffset = offset;
    return line;
  };
  try {
    json::Reader r(bytes.constData(), bytes.constData() + bytes.size());
    r.setStringStorage(items.storage());
    r.skipByteOrderMark();
    r.expect('[');
    if (!r.consumeIf(']')) {
      do {
        FeedbackItem item;
        r.skipSpace();
        item.sourceLine = lineAt(r.offset());
        ObjectReader reader{r, schema, {}, {}};
        if (r.peek() != '{')
          r.fail("expected an object");
        reader.read(&item);
        if (!reader.firstError.isEmpty()) {
          throw Error(Error::Kind::InvalidData, itemLocation(file, items.size(), item.videoName),
                      reader.firstError);
        }
        items.push_back(std::move(item));
      } while (r.consumeIf(','));
      r.expect(']');
    }
    if (!r.atEnd())
      r.fail("unexpected text after the end of the array");
  } catch (const json::SyntaxError& e) {
    throwSyntax(file, bytes, e);
  }
}

void parseJsonLines(const QByteArray& bytes, const QString& file, ItemOutput& items) {
  checkNotEmpty(bytes, file);
  const char* begin = skipBom(bytes);
  const char* end = bytes.constData() + bytes.size();
  int line = begin == bytes.constData() ? 1 : 1;
  const char* p = begin;
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!eol)
      eol = end;
    json::Reader r(p, eol);
    r.setStringStorage(items.storage());
    if (!r.atEnd()) {
      FeedbackItem item;
      item.sourceLine = line;
      ObjectReader reader{r, JsonSchema::Feedback, {}, {}};
      try {
        if (r.peek() != '{')
          r.fail("expected an object");
        reader.read(&item);
        if (!r.atEnd())
          r.fail("unexpected text after the object");
      } catch (const json::SyntaxError& e) {
        throw Error(Error::Kind::InvalidData, QStringLiteral("%1:%2").arg(file).arg(line),
                    QString::fromLatin1(e.problem));
      }
      if (!reader.firstError.isEmpty()) {
        throw Error(Error::Kind::InvalidData,
                    QStringLiteral("%1:%2").arg(file).arg(line) +
                        itemLocation(QString(), items.size(), item.videoName),
                    reader.firstError);
      }
      items.push_back(std::move(item));
    }
    p = eol + 1;
    ++line;
  }
  if (items.empty())
    throw Error(Error::Kind::InvalidData, file, QStringLiteral("file is empty"));
}

}  // namespace vs::interop
