#include "core/cli/json_output.h"

#include <QJsonDocument>

#include "core/cli/command.h"

namespace vs::cli {

static void print(const QJsonDocument& document, QJsonDocument::JsonFormat format) {
  const QByteArray bytes = document.toJson(format);
  out(QString::fromUtf8(format == QJsonDocument::Compact ? bytes + '\n' : bytes));
}

void printReport(bool json, const QJsonObject& object, const QString& text) {
  json ? printJson(object) : out(text);
}

void printJson(const QJsonObject& object) {
  print(QJsonDocument(object), QJsonDocument::Compact);
}
void printJson(const QJsonArray& array) {
  print(QJsonDocument(array), QJsonDocument::Compact);
}
void printIndentedJson(const QJsonObject& object) {
  print(QJsonDocument(object), QJsonDocument::Indented);
}
void printIndentedJson(const QJsonArray& array) {
  print(QJsonDocument(array), QJsonDocument::Indented);
}

}  // namespace vs::cli
