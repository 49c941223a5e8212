#pragma once
// The origin rules of a person's score edits (origin.h): scores typed from scratch are human;
// scores that started from the model's stay model-accepted while they equal the model's integer
// scores and become model-edited once they differ (and model-accepted again when edited back).
#include <optional>

#include "core/domain/origin.h"
#include "core/domain/scores.h"

namespace vs {

// Origin of the person's evaluation after an edit leaves its scores at `after`.
// `current`: the evaluation's origin before the edit (nullopt: no evaluation yet);
// `modelIntegers`: the model's integer scores (modelIntegerScores), nullopt without a model result.
Origin originAfterScoreEdit(std::optional<Origin> current, const std::optional<Scores>& modelIntegers,
                            const Scores& after);

// Origin after the person accepts the model's scores as they are.
inline constexpr Origin kOriginAfterAccept = Origin::ModelAccepted;

// Whether a person's evaluation of this origin started from the model's scores.
bool startedFromModel(Origin origin);

}  // namespace vs
