#include "core/domain/edit_origin.h"

namespace vs {

bool startedFromModel(Origin origin) {
  return origin == Origin::ModelAccepted || origin == Origin::ModelEdited;
}

Origin originAfterScoreEdit(std::optional<Origin> current, const std::optional<Scores>& modelIntegers,
                            const Scores& after) {
  if (!current || !startedFromModel(*current)) {
    return Origin::Human;
  }
  if (modelIntegers && *modelIntegers == after) {
    return Origin::ModelAccepted;
  }
  return Origin::ModelEdited;
}

}  // namespace vs
