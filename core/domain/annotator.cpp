#include "core/domain/annotator.h"

namespace vs {

QString annotatorKindName(AnnotatorKind kind) {
  return kind == AnnotatorKind::Model ? QStringLiteral("model") : QStringLiteral("human");
}

std::optional<AnnotatorKind> annotatorKindFromName(const QString& name) {
  if (name == QLatin1String("human"))
    return AnnotatorKind::Human;
  if (name == QLatin1String("model"))
    return AnnotatorKind::Model;
  return std::nullopt;
}

}  // namespace vs
