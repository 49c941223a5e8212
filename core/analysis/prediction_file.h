#pragma once
// VideoScore2 prediction files read with the tolerance of the evaluation scripts
// (eval/get_acc_corr.py json.load + _load_scores): any JSON number is a score (soft scores
// best * p_best / sum p fall below 1 when the best digit is 1), null is a failed parse.
// When any item lacks one of v/t/p_score_model, every item is re-parsed from the last 150
// characters of its `output` (reference rule; see audit_rows.h).
#include <QString>
#include <array>
#include <optional>
#include <vector>

#include "core/analysis/score_audit.h"

namespace vs::analysis {

struct PredictionRecord {
  QString videoName;
  QString prompt;
  std::array<double, 3> reference{};              // v/t/p_score_gt
  std::array<std::optional<double>, 3> model{};  // after the loading rules
};

struct PredictionFile {
  std::vector<PredictionRecord> records;
  bool reparsedFromOutput = false;  // the *_score_model keys were missing somewhere
};

// Throws vs::Error: Io when the file cannot be read, InvalidData (with "<file>:<line>" or
// "<file>: item N (video_name ...)") when it is not a prediction list.
PredictionFile readPredictionFile(const QString& path);
PredictionFile parsePredictionFile(const QByteArray& bytes, const QString& displayName);

std::vector<AuditRow> auditRows(const PredictionFile& file);

}  // namespace vs::analysis
