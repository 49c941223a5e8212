#include "core/domain/dimension.h"

namespace vs {

QString dimensionKey(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return QStringLiteral("visual");
    case Dimension::T2V:
      return QStringLiteral("t2v");
    case Dimension::Phy:
      return QStringLiteral("phy");
  }
  return {};
}

QString dimensionShortKey(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return QStringLiteral("v");
    case Dimension::T2V:
      return QStringLiteral("t");
    case Dimension::Phy:
      return QStringLiteral("p");
  }
  return {};
}

QString dimensionTitle(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return QStringLiteral("Visual quality");
    case Dimension::T2V:
      return QStringLiteral("Text-to-video alignment");
    case Dimension::Phy:
      return QStringLiteral("Physical / common-sense consistency");
  }
  return {};
}

QString dimensionModelLabel(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return QStringLiteral("visual quality");
    case Dimension::T2V:
      return QStringLiteral("text-to-video alignment");
    case Dimension::Phy:
      return QStringLiteral("physical/common-sense consistency");
  }
  return {};
}

}  // namespace vs
