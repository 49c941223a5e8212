#include "cmd_options.h"

#include <QJsonDocument>

#include "command.h"

namespace vs::cli {
namespace {

void printDocument(const QJsonDocument& document) {
  out(QString::fromUtf8(document.toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

}  // namespace

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command,
                                    const QStringList& args) {
  if (!parser.parse(QStringList{QStringLiteral("vscore ") + command} + args)) {
    return fail(kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    out(parser.helpText());
    return kExitOk;
  }
  return std::nullopt;
}

std::optional<int> requirePositionals(const QCommandLineParser& parser, qsizetype count,
                                      const QString& usage) {
  if (parser.positionalArguments().size() != count) {
    return fail(kExitUsage, QStringLiteral("usage: ") + usage);
  }
  return std::nullopt;
}

void addProjectArgument(QCommandLineParser& parser) {
  parser.addPositionalArgument(QStringLiteral("PROJECT"),
                               QStringLiteral("project: a .vsproj file or a postgresql:// URI"));
}

void printJson(const QJsonObject& object) {
  printDocument(QJsonDocument(object));
}
void printJson(const QJsonArray& array) {
  printDocument(QJsonDocument(array));
}

}  // namespace vs::cli
