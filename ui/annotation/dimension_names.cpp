#include "ui/annotation/dimension_names.h"

#include <QCoreApplication>

namespace vs::ui {

QString dimensionDisplayName(Dimension d) {
  switch (d) {
    case Dimension::Visual:
      return QCoreApplication::translate("Dimension", "Visual quality");
    case Dimension::T2V:
      return QCoreApplication::translate("Dimension", "Text-to-video alignment");
    case Dimension::Phy:
      return QCoreApplication::translate("Dimension", "Physical / common-sense consistency");
  }
  return {};
}

}  // namespace vs::ui
