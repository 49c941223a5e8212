#pragma once
// Scoring settings from the text of command-line options, checked: the ScoreSettings of one
// score (sampling, budget, frame rate, template) and the RemoteSettings of scoring on
// OpenAI-compatible servers. A wrong value is a vs::Error(Usage) naming the option.
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "core/scoring/remote_scoring_queue.h"
#include "core/scoring/score_request.h"

namespace vs::store {
class Store;
}

namespace vs::scoring {

struct ScoreOptionText {
  bool greedy = false;
  QString temperature = QStringLiteral("0.7");
  QString seed = QStringLiteral("0");
  QString maxNewTokens = QStringLiteral("1024");
  QString fps = QStringLiteral("2.0");
  bool constrained = false;
  QString templateChoice = QStringLiteral("videoscore2");  // see chooseTemplate
};

// Checks the values (temperature > 0, seed >= 0, max-new-tokens >= 1, fps > 0), then chooses the
// template, naming templates saved in the project `project()` returns (called only then; null:
// none). Throws vs::Error: Usage for a wrong value, else what chooseTemplate and `project` throw.
ScoreSettings scoreSettings(const ScoreOptionText& text,
                            const std::function<const store::Store*()>& project = {});

struct RemoteOptionText {
  QStringList servers;  // http(s) base URLs
  QString servedModel;
  QString concurrency = QStringLiteral("2");
  std::optional<QString> apiKeyVariable;  // the environment variable holding the API key
  QString modelDir;  // checkpoint whose generation_config the servers sample with; empty: none
  // Unset: the checkpoint's value, else transformers' default.
  std::optional<QString> topP;
  std::optional<QString> topK;
  std::optional<QString> repetitionPenalty;
  QString timeoutS = QStringLiteral("600");
  QString logprobsMode = QStringLiteral("processed_logprobs");  // or raw_logprobs
};

// Throws vs::Error(Usage) for a wrong value, an empty API key variable or an unreadable
// generation_config.json.
RemoteSettings remoteSettings(const RemoteOptionText& text);

}  // namespace vs::scoring
