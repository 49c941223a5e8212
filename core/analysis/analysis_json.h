#pragma once
// JSON shapes of the analysis results, as `vscore ... --json` prints them. Undefined values are
// JSON null; intervals are [low, high] under "ci".
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <vector>

#include "core/analysis/best_of_n.h"
#include "core/analysis/inter_annotator.h"
#include "core/analysis/leaderboard.h"
#include "core/analysis/pairwise_accuracy.h"
#include "core/analysis/score_audit.h"

namespace vs::analysis {

QString scaleName(ScoreScale scale);  // "integer", "soft"

QJsonObject auditToJson(const AuditResult& audit);

// One object per dimension key plus "n"; agreement values are fractions (cal_iaa.py prints the
// ratio and SPCC as fractions), rounded to 4 decimals as it prints them.
QJsonObject agreementToJson(int64_t n, const std::array<DimensionAgreement, 3>& dims,
                            const QStringList& annotators);

QJsonObject pairwiseToJson(const PairwiseResult& result, TieHandling ties, double threshold);
QJsonObject bestOfNToJson(const BestOfNResult& result, const std::vector<Candidate>& candidates);
QJsonArray leaderboardToJson(const std::vector<LeaderboardEntry>& entries);

}  // namespace vs::analysis
