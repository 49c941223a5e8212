// vscore tokenize --tokenizer FILE [--decode] [--skip-special]: the Qwen2 tokenizer as a filter.
// Encode: stdin one JSON string per line -> stdout one JSON array of ids per line.
// Decode: stdin one JSON array of ids per line -> stdout one JSON string per line.
#include <QCommandLineParser>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cmd_options.h"
#include "command.h"
#include "inference/safetensors/load_error.h"
#include "inference/tokenizer/tokenizer.h"

namespace {

using namespace vs;
using nlohmann::json;

int loadFailure(const inference::LoadError& e) {
  return cli::fail(e.kind() == inference::LoadError::Kind::Io ? cli::kExitRuntime : cli::kExitInvalidData,
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
  } catch (const inference::LoadError& e) {
    return loadFailure(e);
  }

  std::ios::sync_with_stdio(false);
  std::string line;
  long line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    json value;
    try {
      value = json::parse(line);
    } catch (const json::exception&) {
      std::fflush(stdout);
      return cli::fail(cli::kExitInvalidData, QStringLiteral("<stdin>:%1: not a JSON value").arg(line_no));
    }
    if (!decode) {
      if (!value.is_string()) {
        std::fflush(stdout);
        return cli::fail(cli::kExitInvalidData,
                         QStringLiteral("<stdin>:%1: expected a JSON string").arg(line_no));
      }
      writeLine(json(tok->encode(value.get_ref<const std::string&>())).dump());
      continue;
    }
    std::vector<int32_t> ids;
    bool ok = value.is_array();
    for (std::size_t i = 0; ok && i < value.size(); ++i) {
      ok = value[i].is_number_integer() && value[i].get<int64_t>() >= 0 &&
           value[i].get<int64_t>() <= INT32_MAX;
      if (ok) {
        ids.push_back(static_cast<int32_t>(value[i].get<int64_t>()));
      }
    }
    if (!ok) {
      std::fflush(stdout);
      return cli::fail(cli::kExitInvalidData,
                       QStringLiteral("<stdin>:%1: expected a JSON array of token ids").arg(line_no));
    }
    writeLine(json(tok->decode(ids, special)).dump(-1, ' ', false, json::error_handler_t::replace));
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
