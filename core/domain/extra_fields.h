#pragma once
// Keys of an imported item that no known format field claims. They are kept per item, in the
// order met, with each value as compact JSON text, and written again on export. Their storage
// text is core/json/extra_fields_json.h.
#include <QByteArray>
#include <vector>

namespace vs {

struct ExtraField {
  QByteArray key;        // UTF-8, unescaped
  QByteArray jsonValue;  // compact JSON text of the value: "\"text\"", "12", "[1,2]", "null"
  friend bool operator==(const ExtraField& a, const ExtraField& b) {
    return a.key == b.key && a.jsonValue == b.jsonValue;
  }
};

using ExtraFields = std::vector<ExtraField>;

}  // namespace vs
