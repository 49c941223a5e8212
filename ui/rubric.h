#pragma once
// The scoring rubric shown beside each score control: a definition per dimension and what each
// score 1..5 means. Defaults follow the VideoScore2 annotation guide's wording in spirit and
// are translatable; a project may override them in "<project>.rubric.json" next to its file.
#include <QString>
#include <array>

#include "core/domain/dimension.h"

namespace vs::ui {

struct DimensionRubric {
  QString definition;
  std::array<QString, 5> anchors;  // meaning of 1..5
};

struct Rubric {
  std::array<DimensionRubric, 3> dims;

  const DimensionRubric& operator[](Dimension d) const { return dims[static_cast<size_t>(index(d))]; }
  DimensionRubric& operator[](Dimension d) { return dims[static_cast<size_t>(index(d))]; }

  static Rubric defaults();
  static QString sidecarPath(const QString& projectPath);
  // Defaults overridden by the project's sidecar when it exists and parses.
  static Rubric forProject(const QString& projectPath);
  bool saveForProject(const QString& projectPath) const;
};

}  // namespace vs::ui
