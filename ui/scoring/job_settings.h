#pragma once
// The scoring job's settings from the user's choices in Settings › Scoring: the prompt template
// chosen by name (a shipped preset, a template saved in the project, or a file; resolved by
// scoring::chooseTemplate) and constrained decoding.
#include <QStringList>

#include "core/scoring/score_request.h"

namespace vs::store {
class Store;
}

namespace vs::ui {

struct ScoringSettings;

// Names offered in the template choice: the presets (release template first, the default), then
// the project's saved templates by name.
QStringList templateChoices(const store::Store* project);

// Throws vs::Error (Usage: unknown name; InvalidData: bad placeholder in the template text).
scoring::ScoreSettings jobSettings(const ScoringSettings& choice, const store::Store* project);

}  // namespace vs::ui
