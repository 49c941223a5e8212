#include "core/domain/origin.h"

namespace vs {

QString originName(Origin o) {
  switch (o) {
    case Origin::Human:
      return QStringLiteral("human");
    case Origin::Model:
      return QStringLiteral("model");
    case Origin::ModelAccepted:
      return QStringLiteral("model-accepted");
    case Origin::ModelEdited:
      return QStringLiteral("model-edited");
  }
  return {};
}

std::optional<Origin> originFromName(const QString& name) {
  for (Origin o : {Origin::Human, Origin::Model, Origin::ModelAccepted, Origin::ModelEdited}) {
    if (name == originName(o)) {
      return o;
    }
  }
  return std::nullopt;
}

}  // namespace vs
