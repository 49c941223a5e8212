#pragma once
// Where an evaluation's scores came from. Stored as text in the project file.
#include <QString>
#include <optional>

namespace vs {

enum class Origin {
  Human,          // typed by a person
  Model,          // written by the evaluator model, untouched
  ModelAccepted,  // a person accepted the model's scores as they were
  ModelEdited,    // a person started from the model's scores and changed some
};

QString originName(Origin o);  // "human", "model", "model-accepted", "model-edited"
std::optional<Origin> originFromName(const QString& name);

}  // namespace vs
