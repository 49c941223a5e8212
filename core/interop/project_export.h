#pragma once
// A project's evaluations, or its people's preferences, into an exchange file (`vscore export`):
// evaluations stream into a temporary file that replaces the target only when complete.
#include <QString>
#include <functional>
#include <optional>

namespace vs::interop {

struct ExportRequest {
  QString project;
  QString format;  // an item format or a preference format name
  QString out;
  QString annotator;              // only this annotator's evaluations or preferences
  std::optional<QString> origin;  // only evaluations of this origin
  QString model;                  // predictions: the model annotator (default: the project's only model)
  QString instruction;            // sft: user-turn template with $t2v_prompt
  std::function<void(qint64, qint64)> progress;  // every 1024 items: (written, evaluations)
};

// Returns the summary line ("exported N items to FILE (FORMAT)\n"). Throws vs::Error: Usage for an
// unknown format, origin, annotator or model, Io when the file cannot be written.
QString exportProject(const ExportRequest& request);

}  // namespace vs::interop
