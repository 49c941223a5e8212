#pragma once
// JSON documents on stdout, as the commands print them.
#include <QJsonArray>
#include <QJsonObject>

namespace vs::cli {

// A command's report: `object` as one compact JSON document when `json`, else `text`.
void printReport(bool json, const QJsonObject& object, const QString& text);
// One compact JSON document and a newline.
void printJson(const QJsonObject& object);
void printJson(const QJsonArray& array);
// Indented, as probe, check-media and sample print.
void printIndentedJson(const QJsonObject& object);
void printIndentedJson(const QJsonArray& array);

}  // namespace vs::cli
