#include "core/interop/item_fields.h"

#include <charconv>
#include <cstring>

#include "core/json/json_text.h"
#include "core/domain/score_label.h"

namespace vs::interop {

KeyMeaning keyMeaning(const QByteArray& key) {
  struct Entry {
    const char* name;
    ItemKey key;
    Dimension dimension;
  };
  // Canonical names first; aliases are accepted, never emitted (reference videoscore2.md §3).
  static const Entry kEntries[] = {
      {"video_name", ItemKey::VideoName, Dimension::Visual},
      {"video_url", ItemKey::VideoUrl, Dimension::Visual},
      {"prompt", ItemKey::Prompt, Dimension::Visual},
      {"visual_score", ItemKey::Score, Dimension::Visual},
      {"t2v_score", ItemKey::Score, Dimension::T2V},
      {"phy_score", ItemKey::Score, Dimension::Phy},
      {"thinking", ItemKey::Thinking, Dimension::Visual},
      {"visual_quality_score", ItemKey::Score, Dimension::Visual},
      {"t2v_align_score", ItemKey::Score, Dimension::T2V},
      {"t2v_alignment_score", ItemKey::Score, Dimension::T2V},
      {"physical_score", ItemKey::Score, Dimension::Phy},
      {"physical_consistency_score", ItemKey::Score, Dimension::Phy},
      {"\xE8\xA7\x86\xE8\xA7\x89\xE8\xB4\xA8\xE9\x87\x8F\xE8\xAF\x84\xE5\x88\x86", ItemKey::Score,
       Dimension::Visual},  // 视觉质量评分
      {"\xE6\x96\x87\xE6\x9C\xAC\xE7\xAC\xA6\xE5\x90\x88\xE5\xBA\xA6\xE8\xAF\x84\xE5\x88\x86", ItemKey::Score,
       Dimension::T2V},  // 文本符合度评分
      {"\xE7\x89\xA9\xE7\x90\x86\xE7\xAC\xA6\xE5\x90\x88\xE5\xBA\xA6\xE8\xAF\x84\xE5\x88\x86", ItemKey::Score,
       Dimension::Phy},  // 物理符合度评分
      {"visual_rationale", ItemKey::Rationale, Dimension::Visual},
      {"t2v_rationale", ItemKey::Rationale, Dimension::T2V},
      {"phy_rationale", ItemKey::Rationale, Dimension::Phy},
      {"visual_comment", ItemKey::Rationale, Dimension::Visual},
      {"t2v_comment", ItemKey::Rationale, Dimension::T2V},
      {"phy_comment", ItemKey::Rationale, Dimension::Phy},
      {"visual_reasoning", ItemKey::Rationale, Dimension::Visual},
      {"t2v_reasoning", ItemKey::Rationale, Dimension::T2V},
      {"phy_reasoning", ItemKey::Rationale, Dimension::Phy},
      {"v_score_gt", ItemKey::GtScore, Dimension::Visual},
      {"t_score_gt", ItemKey::GtScore, Dimension::T2V},
      {"p_score_gt", ItemKey::GtScore, Dimension::Phy},
      {"v_score_model", ItemKey::ModelScore, Dimension::Visual},
      {"t_score_model", ItemKey::ModelScore, Dimension::T2V},
      {"p_score_model", ItemKey::ModelScore, Dimension::Phy},
      {"output", ItemKey::ModelOutput, Dimension::Visual},
  };
  for (const Entry& e : kEntries) {
    if (key.size() == static_cast<qsizetype>(std::strlen(e.name)) &&
        std::memcmp(key.constData(), e.name, static_cast<size_t>(key.size())) == 0) {
      return {e.key, e.dimension};
    }
  }
  return {};
}

std::optional<double> scoreFromText(const QByteArray& text) {
  const QByteArray trimmed = text.trimmed();
  if (trimmed.isEmpty())
    return std::nullopt;
  if (const auto label = scoreFromLabel(QString::fromUtf8(trimmed)))
    return *label;
  double value = 0;
  const char* end = trimmed.constData() + trimmed.size();
  const auto r = std::from_chars(trimmed.constData(), end, value);
  if (r.ec == std::errc() && r.ptr == end)
    return value;
  return std::nullopt;
}

QString checkScoreRange(const QByteArray& keyName, double value) {
  if (isValidModelScore(value))
    return {};
  return QStringLiteral("%1 %2 is outside 1..5").arg(QString::fromUtf8(keyName)).arg(value);
}

QByteArray labelStudioControlJson(const QByteArray& type, const QByteArray& toName, const QByteArray& value) {
  std::string out = "{\"type\":";
  json::appendString(out, type);
  out.append(",\"to_name\":");
  json::appendString(out, toName);
  out.append(",\"value\":");
  out.append(value.isEmpty() ? "null" : value.constData(),
             value.isEmpty() ? 4 : static_cast<size_t>(value.size()));
  out.push_back('}');
  return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

bool parseLabelStudioControl(const QByteArray& text, QByteArray* type, QByteArray* toName,
                             QByteArray* value) {
  if (!text.startsWith("{\"type\":"))
    return false;  // cheap test first: most extras are not controls
  try {
    json::Reader r(text.constData(), text.constData() + text.size());
    QByteArray key;
    int seen = 0;
    r.expect('{');
    do {
      r.readString(&key);
      r.expect(':');
      if (key == "type" && r.peek() == '"') {
        r.readString(type);
        seen |= 1;
      } else if (key == "to_name" && r.peek() == '"') {
        r.readString(toName);
        seen |= 2;
      } else if (key == "value") {
        value->clear();
        r.captureValue(value);
        seen |= 4;
      } else {
        return false;
      }
    } while (r.consumeIf(','));
    r.expect('}');
    return seen == 7 && r.atEnd();
  } catch (const json::SyntaxError&) {
    return false;
  }
}

QString itemLocation(const QString& file, size_t index, const QByteArray& videoName) {
  if (videoName.isEmpty())
    return QStringLiteral("%1: item %2").arg(file).arg(index + 1);
  return QStringLiteral("%1: item %2 (video_name \"%3\")")
      .arg(file)
      .arg(index + 1)
      .arg(QString::fromUtf8(videoName));
}

}  // namespace vs::interop
