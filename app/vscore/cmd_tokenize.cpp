// vscore tokenize --tokenizer FILE [--decode] [--skip-special]: the Qwen2 tokenizer as a filter
// (inference/tokenizer/json_lines.h). Encode: stdin one JSON string per line -> stdout one JSON
// array of ids per line. Decode: stdin one JSON array of ids per line -> stdout one JSON string per line.
#include <iostream>

#include "cmd_inference_errors.h"
#include "core/cli/command_spec.h"
#include "inference/tokenizer/json_lines.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    cli::Spec{"tokenize",
              "tokenize --tokenizer FILE [--decode [--skip-special]]",
              "Qwen2 tokenizer filter: JSON strings in, JSON id arrays out (or the reverse)",
              {},
              {{"tokenizer", "tokenizer.json (or .json.gz) of the model", "FILE"},
               {"decode", "read JSON id arrays, write JSON strings"},
               {"skip-special", "with --decode: drop special tokens"}}}
        .requiring({"tokenizer"})
        .withUsage("vscore tokenize --tokenizer FILE [--decode [--skip-special]] < lines"),
    [](const cli::Args& args) {
      const bool decode = args.has("decode");
      if (args.has("skip-special") && !decode)
        cli::usageError("--skip-special only applies to --decode");
      return cli::withInferenceErrors([&] {
        const auto tok = tokenizer::Tokenizer::fromFile(args.value("tokenizer").toStdString());
        std::ios::sync_with_stdio(false);
        tokenizer::transformLines(
            *tok, std::cin, std::cout, decode ? tokenizer::LineMode::Decode : tokenizer::LineMode::Encode,
            args.has("skip-special") ? tokenizer::SpecialTokens::Skip : tokenizer::SpecialTokens::Keep);
        return int(cli::kExitOk);
      });
    });

}  // namespace
