#pragma once
#include <QString>
#include <optional>

namespace vs {

enum class AnnotatorKind { Human, Model };

QString annotatorKindName(AnnotatorKind kind);  // "human", "model"
std::optional<AnnotatorKind> annotatorKindFromName(const QString& name);

// A person or an evaluator model that gives evaluations. Names are unique in a project.
struct Annotator {
  qint64 id = 0;
  QString name;
  AnnotatorKind kind = AnnotatorKind::Human;
};

}  // namespace vs
