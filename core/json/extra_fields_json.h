#pragma once
// Extra fields (core/domain/extra_fields.h) as the text a project stores them in: one JSON object
// with the keys in the order met, each value the compact JSON text that was kept.
#include <QByteArray>

#include "core/domain/extra_fields.h"

namespace vs {

// Serialises to a JSON object text in order ({"k":v,...}); "" when empty.
QByteArray extraFieldsToJson(const ExtraFields& fields);
// Parses what extraFieldsToJson wrote; an empty or malformed text gives no fields.
ExtraFields extraFieldsFromJson(const QByteArray& json);

}  // namespace vs
