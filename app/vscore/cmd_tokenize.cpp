// vscore tokenize --tokenizer FILE [--decode] [--skip-special]: the Qwen2 tokenizer as a filter.
// Encode: stdin one JSON string per line -> stdout one JSON array of ids per line.
// Decode: stdin one JSON array of ids per line -> stdout one JSON string per line.
#include <QCommandLineParser>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "cmd_options.h"
#include "command.h"
#include "inference/base/error.h"
#include "inference/tokenizer/json_lines.h"
#include "inference/tokenizer/tokenizer.h"

namespace {

using namespace vs;

int loadFailure(const vs::inference::Error& e) {
  return cli::fail(e.kind() == vs::inference::Error::Kind::Io ? cli::kExitRuntime : cli::kExitInvalidData,
                   QString::fromStdString(e.what()));
}

void writeLine(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
}

int runTokenize(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addOption({QStringLiteral("tokenizer"), QStringLiteral("tokenizer.json (or .json.gz) of the model"),
                    QStringLiteral("FILE")});
  parser.addOption({QStringLiteral("decode"), QStringLiteral("read JSON id arrays, write JSON strings")});
  parser.addOption({QStringLiteral("skip-special"), QStringLiteral("with --decode: drop special tokens")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("tokenize"), args)) {
    return *stop;
  }
  if (!parser.isSet(QStringLiteral("tokenizer")) || !parser.positionalArguments().isEmpty()) {
    return cli::fail(
        cli::kExitUsage,
        QStringLiteral("usage: vscore tokenize --tokenizer FILE [--decode [--skip-special]] < lines"));
  }
  const bool decode = parser.isSet(QStringLiteral("decode"));
  if (parser.isSet(QStringLiteral("skip-special")) && !decode) {
    return cli::fail(cli::kExitUsage, QStringLiteral("--skip-special only applies to --decode"));
  }
  const tokenizer::SpecialTokens special = parser.isSet(QStringLiteral("skip-special"))
                                               ? tokenizer::SpecialTokens::Skip
                                               : tokenizer::SpecialTokens::Keep;

  std::unique_ptr<tokenizer::Tokenizer> tok;
  try {
    tok = tokenizer::Tokenizer::fromFile(parser.value(QStringLiteral("tokenizer")).toStdString());
  } catch (const vs::inference::Error& e) {
    return loadFailure(e);
  }

  std::ios::sync_with_stdio(false);
  const tokenizer::LineMode mode = decode ? tokenizer::LineMode::Decode : tokenizer::LineMode::Encode;
  std::string line;
  std::string error;
  long line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    const std::optional<std::string> output = tokenizer::transformLine(*tok, line, mode, special, error);
    if (!output) {
      std::fflush(stdout);
      return cli::fail(cli::kExitInvalidData,
                       QStringLiteral("<stdin>:%1: %2").arg(line_no).arg(QString::fromStdString(error)));
    }
    writeLine(*output);
  }
  std::fflush(stdout);
  if (std::cin.bad()) {
    return cli::fail(cli::kExitRuntime, QStringLiteral("<stdin>: read error"));
  }
  return cli::kExitOk;
}

const cli::CommandRegistration registration(
    {QStringLiteral("tokenize"), QStringLiteral("tokenize --tokenizer FILE [--decode [--skip-special]]"),
     QStringLiteral("Qwen2 tokenizer filter: JSON strings in, JSON id arrays out (or the reverse)"),
     runTokenize});

}  // namespace
