#pragma once
// From prediction-file items (vs::interop::readPredictions) to audit rows, with the loading
// rules of eval/get_acc_corr.py (_load_scores, see core/interop/prediction_scores.h): when every
// item carries v/t/p_score_model those values are used as given (null stays null and drops the
// item); otherwise every item is re-parsed from the last 150 characters of its `output`: a match
// gives max(score, 1) per dimension, no match gives 0 for all three.
#include <QString>
#include <array>
#include <optional>
#include <vector>

#include "core/analysis/score_audit.h"
#include "core/domain/feedback_item.h"
#include "core/interop/prediction_scores.h"

namespace vs::analysis {

using interop::reparseOutputTail;

// Throws vs::Error(InvalidData) for an item whose reference scores are incomplete.
std::vector<AuditRow> auditRowsFromPredictions(const std::vector<FeedbackItem>& items,
                                               const QString& displayName = {});

}  // namespace vs::analysis
