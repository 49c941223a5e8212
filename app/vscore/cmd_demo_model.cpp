// vscore demo-model --out DIR: a tiny random-weight Qwen2.5-VL checkpoint in the Hugging Face
// layout, with the real Qwen2.5 tokenizer, so the demo and tests run without the 16 GB download
// (inference/checkpoint/demo_checkpoint.h).
#include <QCoreApplication>
#include <QDir>

#include "core/cli/command_spec.h"
#include "core/scoring/demo_model.h"
#include "inference/base/error.h"
#include "inference/checkpoint/demo_checkpoint.h"
#include "inference/tokenizer/tokenizer.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"demo-model",
     "demo-model --out DIR [--seed N] [--layout legacy|nested]",
     "Write a tiny random-weight VideoScore2-shaped checkpoint with the real Qwen tokenizer",
     {},
     {{"out", "Output directory (created).", "DIR"},
      {"seed", "Random seed of the weights (default 0).", "N", "0"},
      {"layout",
       "Tensor names: legacy (visual.*, model.*) or nested (model.visual.*, model.language_model.*).", "NAME",
       "legacy"},
      {"dtype", "Stored dtype: bf16 or f32.", "NAME", "bf16"},
      {"shards", "Number of safetensors shards (1 = model.safetensors).", "N", "1"},
      {"tie", "Tie lm_head to the embedding (smaller files)."},
      {"tokenizer", "tokenizer.json(.gz) to ship instead of the built-in one.", "FILE"}}},
    [](const cli::Args& args) {
      if (!args.has("out"))
        cli::usageError("demo-model needs --out DIR");
      checkpoint::DemoCheckpointOptions demo;
      bool ok = false;
      demo.weights.seed = args.value("seed").toULongLong(&ok);
      if (!ok)
        cli::usageError("--seed must be a non-negative integer");
      demo.weights.shards = int(args.integer("shards", 1, 16, "--shards must be 1..16"));
      const auto layout = checkpoint::tensorLayoutNamed(args.value("layout").toStdString());
      if (!layout)
        cli::usageError("--layout must be legacy or nested");
      const auto dtype = checkpoint::storedDtypeNamed(args.value("dtype").toStdString());
      if (!dtype)
        cli::usageError("--dtype must be bf16 or f32");
      demo.weights.layout = *layout;
      demo.weights.dtype = *dtype;
      const std::string tokenizer =
          args.has("tokenizer")
              ? args.value("tokenizer").toStdString()
              : checkpoint::findShippedTokenizer(QCoreApplication::applicationDirPath().toStdString());
      try {
        demo.tokenizer_json = tokenizer::readTokenizerText(tokenizer);
      } catch (const inference::Error& e) {
        if (e.kind() != inference::Error::Kind::Io)
          throw Error(Error::Kind::InvalidData, QString(), QString::fromStdString(e.what()));
        throw Error(Error::Kind::Io,
                    QString::fromStdString(tokenizer.empty() ? checkpoint::kShippedTokenizer : tokenizer),
                    "cannot read the Qwen tokenizer (use --tokenizer FILE)");
      }
      demo.tie = args.has("tie");
      demo.extra_files = {
          {scoring::kDemoModelMarkerFile,
           "Random weights: this model's scores and text are noise, not a judgement of any video.\n"}};
      const std::string out = QDir(args.value("out")).path().toStdString();
      try {
        cli::out(QString::fromStdString(checkpoint::describeDemoCheckpoint(
            out, checkpoint::writeDemoCheckpoint(out, demo), demo.weights)));
      } catch (const inference::Error& e) {
        throw Error(Error::Kind::Io, QString(), QString::fromStdString(e.what()));
      }
      return cli::kExitOk;
    });

}  // namespace
