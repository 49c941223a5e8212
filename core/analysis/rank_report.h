#pragma once
// What `vscore rank` reports on a project: the generator leaderboard by one side's scores (mean
// total and Bradley-Terry strength from same-prompt comparisons, bootstrap intervals over prompts)
// with Best-of-N agreement when the project holds model and human scores, or by people's
// preferences (Bradley-Terry over their pairs); as text or JSON.
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

#include "core/analysis/best_of_n.h"
#include "core/analysis/bootstrap.h"
#include "core/analysis/leaderboard.h"
#include "core/analysis/preference_audit.h"

namespace vs::store {
class Store;
}

namespace vs::analysis {

struct Ranking {
  bool byPreference = false;
  QString by;                                      // the score source's text ("model", "alice", ...)
  int64_t pairs = 0;                               // byPreference: people's pairs
  std::vector<PreferenceLeaderboardEntry> people;  // byPreference
  std::vector<LeaderboardEntry> scores;            // otherwise
  std::optional<BestOfNResult> best;               // model and human scores present
  std::vector<Candidate> candidates;
};

// `by`: model, human, preference or a score source (annotator name, model:ID). Throws Error
// Usage, where = `path`, when the project has no such scores or no preferences.
Ranking projectRanking(const store::Store& store, const QString& path, const QString& by,
                       const BestOfNOptions& selection, const BootstrapOptions& bootstrap);

QString rankingText(const Ranking& ranking);
QJsonObject rankingJson(const Ranking& ranking);

}  // namespace vs::analysis
