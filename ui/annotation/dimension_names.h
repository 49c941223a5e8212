#pragma once
// Translated display names of the three dimensions (core keeps the untranslated ones).
#include <QString>

#include "core/domain/dimension.h"

namespace vs::ui {

QString dimensionDisplayName(Dimension d);

}  // namespace vs::ui
