#pragma once
// Internal: which FeedbackItem field a key of an imported object or CSV column names, and how a
// score value is read (numbers, "4", "4-Relatively Good", "Relatively Good").
#include <QByteArray>
#include <QString>
#include <optional>

#include "core/domain/feedback_item.h"

namespace vs::interop {

enum class ItemKey {
  Unknown,
  VideoName,
  VideoUrl,
  Prompt,
  Score,      // + dimension: visual_score, t2v_score, phy_score and aliases
  Rationale,  // + dimension: visual_rationale / visual_comment / visual_reasoning
  Thinking,
  GtScore,      // + dimension: v_score_gt ...
  ModelScore,   // + dimension: v_score_model ...
  ModelOutput,  // output
};

struct KeyMeaning {
  ItemKey key = ItemKey::Unknown;
  Dimension dimension = Dimension::Visual;
};

KeyMeaning keyMeaning(const QByteArray& key);

// A score from text; nullopt when the text is neither a number nor a score label.
std::optional<double> scoreFromText(const QByteArray& text);

// "visual_score 7 is outside 1..5" style check; returns an error message or empty.
QString checkScoreRange(const QByteArray& keyName, double value);

// A Label Studio control the app has no field for (choices, labels, another rating...), kept as
// the extra key <from_name> holding {"type":T,"to_name":N,"value":V} so that export can write
// the result back. `value` is compact JSON.
QByteArray labelStudioControlJson(const QByteArray& type, const QByteArray& toName, const QByteArray& value);
// True when an extra value is exactly such an object; fills the three parts.
bool parseLabelStudioControl(const QByteArray& json, QByteArray* type, QByteArray* toName, QByteArray* value);

// Error location for an item: "<file>: item N (video_name \"x\")".
QString itemLocation(const QString& file, size_t index, const QByteArray& videoName);

}  // namespace vs::interop
