#pragma once
// The model side of VideoScore2 prediction files as the evaluation scripts load it
// (eval/get_acc_corr.py _load_scores). The reader (readPredictions) reports every item as the
// file has it: raw *_score_model numbers (soft scores below 1 included), null apart from a
// missing key (FeedbackItem::modelState), scores found in `output` apart from none found. These
// functions apply the reference rules on top.
#include <QString>
#include <array>
#include <optional>
#include <vector>

#include "core/domain/feedback_item.h"

namespace vs::interop {

// The label regex over the last 150 characters of `output` (Unicode code points, as Python
// slices str); each score is max(score, 1) as _load_scores does. nullopt when nothing matches.
std::optional<std::array<double, 3>> reparseOutputTail(const QString& output);

struct ReferenceModelScores {
  std::vector<std::array<std::optional<double>, 3>> scores;  // one per item, in file order
  bool reparsedFromOutput = false;                           // whole file re-parsed
};

// _load_scores: when every item carries the *_score_model keys their values are used as given
// (null stays null); once any item lacks them, every item is re-parsed from its `output`, and an
// item without a match gets 0 for all three dimensions.
ReferenceModelScores referenceModelScores(const std::vector<FeedbackItem>& items);

}  // namespace vs::interop
