#pragma once
// Score values as they appear in annotation exports: numbers, "1".."5", "5-Very Good",
// "Very Good" (VideoFeedback2 annotation UI labels; see reference videoscore2.md §2).
#include <QString>
#include <optional>

namespace vs {

// Parses a score label; nullopt when the text is not one of the accepted spellings.
std::optional<int> scoreFromLabel(const QString& label);
// The canonical label for an integer score 1..5 ("4-Relatively Good").
QString labelForScore(int score);
// True for a score value a person may give: an integer 1..5.
bool isValidHumanScore(double score);
// True for a score value a model may give: finite, within 1..5 (soft scores are floats).
bool isValidModelScore(double score);

}  // namespace vs
