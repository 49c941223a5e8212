#pragma once
// The servers Settings › Scoring may send jobs to (OpenAI-compatible: vLLM, `vscore serve`),
// as kept in the user's QSettings, and the remote backend's settings made from them. An API key
// is never stored: only the name of the environment variable that holds it.
#include <QList>
#include <QString>
#include <optional>

#include "core/scoring/remote_scoring_queue.h"

class QSettings;

namespace vs::ui {

struct ScoringServer {
  QString url;          // base URL: http://host:8000 (with or without /v1)
  QString servedModel;  // empty: the only model the server lists
  QString apiKeyEnv;    // name of the environment variable holding the key; empty: none
  int concurrency = 2;  // requests in flight on this server
};

QList<ScoringServer> loadScoringServers(QSettings& settings);
void saveScoringServers(QSettings& settings, const QList<ScoringServer>& servers);

// What is wrong with one server's entry (empty when nothing).
QString scoringServerProblem(const ScoringServer& server);

// The backend settings for `servers`; `modelDir` (may be empty) supplies the tokenizer for the
// prompt-token check. Keys are read from the named variables now. nullopt and `why` set when an
// entry is wrong or a named variable is empty.
std::optional<scoring::RemoteSettings> remoteSettings(const QList<ScoringServer>& servers,
                                                      const QString& modelDir, QString* why);

}  // namespace vs::ui
