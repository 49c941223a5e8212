#include "core/json/extra_fields_json.h"

#include <string>

#include "core/json/json_text.h"

namespace vs {

QByteArray extraFieldsToJson(const ExtraFields& fields) {
  if (fields.empty())
    return {};
  std::string out;
  out.push_back('{');
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i)
      out.push_back(',');
    json::appendString(out, fields[i].key);
    out.push_back(':');
    out.append(fields[i].jsonValue.constData(), static_cast<size_t>(fields[i].jsonValue.size()));
  }
  out.push_back('}');
  return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

ExtraFields extraFieldsFromJson(const QByteArray& text) {
  ExtraFields fields;
  if (text.isEmpty())
    return fields;
  try {
    json::Reader reader(text.constData(), text.constData() + text.size());
    reader.expect('{');
    if (reader.consumeIf('}'))
      return fields;
    do {
      ExtraField field;
      reader.readString(&field.key);
      reader.expect(':');
      reader.captureValue(&field.jsonValue);
      fields.push_back(std::move(field));
    } while (reader.consumeIf(','));
    reader.expect('}');
  } catch (const json::SyntaxError&) {
    return {};
  }
  return fields;
}

}  // namespace vs
