#include "core/domain/preference.h"

namespace vs {

QString preferenceChoiceName(PreferenceChoice c) {
  switch (c) {
    case PreferenceChoice::Left:
      return QStringLiteral("left");
    case PreferenceChoice::Right:
      return QStringLiteral("right");
    case PreferenceChoice::Tie:
      return QStringLiteral("tie");
  }
  return {};
}

std::optional<PreferenceChoice> preferenceChoiceFromName(const QString& name) {
  for (PreferenceChoice c : {PreferenceChoice::Left, PreferenceChoice::Right, PreferenceChoice::Tie}) {
    if (preferenceChoiceName(c) == name)
      return c;
  }
  return std::nullopt;
}

QString preferenceDimensionName(PreferenceDimension d) {
  switch (d) {
    case PreferenceDimension::Overall:
      return QStringLiteral("overall");
    case PreferenceDimension::Visual:
      return QStringLiteral("visual");
    case PreferenceDimension::T2V:
      return QStringLiteral("t2v");
    case PreferenceDimension::Phy:
      return QStringLiteral("phy");
  }
  return {};
}

std::optional<PreferenceDimension> preferenceDimensionFromName(const QString& name) {
  for (PreferenceDimension d : {PreferenceDimension::Overall, PreferenceDimension::Visual,
                                PreferenceDimension::T2V, PreferenceDimension::Phy}) {
    if (preferenceDimensionName(d) == name)
      return d;
  }
  return std::nullopt;
}

QString presentationOrderName(PresentationOrder o) {
  return o == PresentationOrder::Randomised ? QStringLiteral("randomised") : QStringLiteral("as-listed");
}

std::optional<PresentationOrder> presentationOrderFromName(const QString& name) {
  if (name == QLatin1String("randomised"))
    return PresentationOrder::Randomised;
  if (name == QLatin1String("as-listed"))
    return PresentationOrder::AsListed;
  return std::nullopt;
}

PreferenceChoice mirrored(PreferenceChoice c) {
  if (c == PreferenceChoice::Left)
    return PreferenceChoice::Right;
  if (c == PreferenceChoice::Right)
    return PreferenceChoice::Left;
  return PreferenceChoice::Tie;
}

}  // namespace vs
