#pragma once
// The scoring rubric shown beside each score control: a definition per dimension and what each
// score 1..5 means. Defaults follow the VideoScore2 annotation guide's wording in spirit and
// are translatable; a project keeps its own in the project (ui/project_rubric.h), as JSON:
// {"visual": {"definition": "...", "anchors": ["...", x5]}, "t2v": ..., "phy": ...}.
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
  // Defaults overridden by what the JSON text gives.
  static Rubric fromJson(const QByteArray& json);
  QByteArray toJson() const;
  // Readable text (each dimension's definition and score meanings), to compare two rubrics.
  QString toText() const;
  friend bool operator==(const Rubric& a, const Rubric& b) { return a.toJson() == b.toJson(); }
  friend bool operator!=(const Rubric& a, const Rubric& b) { return !(a == b); }

  // Where programs before schema 6 kept a `.vsproj`'s rubric: "<project>.rubric.json" beside it.
  static QString sidecarPath(const QString& projectPath);
};

}  // namespace vs::ui
