// vscore demo-model --out DIR: a tiny random-weight Qwen2.5-VL checkpoint in the Hugging Face
// layout, with the real Qwen2.5 tokenizer, so the demo and tests run without the 16 GB download.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "command.h"
#include "core/scoring/demo_model.h"
#include "inference/base/error.h"
#include "inference/checkpoint/demo_checkpoint.h"
#include "inference/tokenizer/tokenizer.h"

using namespace vs::cli;

namespace {

constexpr const char* kTokenizerResource = "resources/tokenizer/qwen25vl-tokenizer.json.gz";

// The shipped tokenizer: next to an installed vscore, or in the source tree above a build tree.
QString findTokenizerResource() {
  const QString here = QCoreApplication::applicationDirPath();
  const QString installed =
      here + QStringLiteral("/../share/videoscore-studio/tokenizer/qwen25vl-tokenizer.json.gz");
  if (QFileInfo::exists(installed))
    return QDir::cleanPath(installed);
  QDir dir(here);
  for (int up = 0; up < 6; ++up) {
    if (QFileInfo::exists(dir.filePath(QString::fromLatin1(kTokenizerResource)))) {
      return dir.filePath(QString::fromLatin1(kTokenizerResource));
    }
    if (!dir.cdUp())
      break;
  }
  return {};
}

int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addOption({"out", "Output directory (created).", "DIR"});
  p.addOption({"seed", "Random seed of the weights (default 0).", "N", "0"});
  p.addOption({"layout",
               "Tensor names: legacy (visual.*, model.*) or nested (model.visual.*, "
               "model.language_model.*).",
               "NAME", "legacy"});
  p.addOption({"dtype", "Stored dtype: bf16 or f32.", "NAME", "bf16"});
  p.addOption({"shards", "Number of safetensors shards (1 = model.safetensors).", "N", "1"});
  p.addOption({"tie", "Tie lm_head to the embedding (smaller files)."});
  p.addOption({"tokenizer", "tokenizer.json(.gz) to ship instead of the built-in one.", "FILE"});
  if (!p.parse(QStringList{QStringLiteral("vscore demo-model")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  if (!p.isSet("out"))
    return fail(kExitUsage, QStringLiteral("demo-model needs --out DIR"));
  bool ok = false;
  const quint64 seed = p.value("seed").toULongLong(&ok);
  if (!ok)
    return fail(kExitUsage, QStringLiteral("--seed must be a non-negative integer"));
  const int shards = p.value("shards").toInt(&ok);
  if (!ok || shards < 1 || shards > 16)
    return fail(kExitUsage, QStringLiteral("--shards must be 1..16"));
  const QString layout = p.value("layout");
  if (layout != QLatin1String("legacy") && layout != QLatin1String("nested")) {
    return fail(kExitUsage, QStringLiteral("--layout must be legacy or nested"));
  }
  const QString dtype = p.value("dtype");
  if (dtype != QLatin1String("bf16") && dtype != QLatin1String("f32")) {
    return fail(kExitUsage, QStringLiteral("--dtype must be bf16 or f32"));
  }
  const QString tokenizerPath = p.isSet("tokenizer") ? p.value("tokenizer") : findTokenizerResource();
  vs::checkpoint::DemoCheckpointOptions demo;
  try {
    demo.tokenizer_json = vs::tokenizer::readTokenizerText(tokenizerPath.toStdString());
  } catch (const vs::inference::Error& e) {
    if (e.kind() != vs::inference::Error::Kind::Io)
      return fail(kExitInvalidData, QString::fromStdString(e.what()));
    return fail(kExitRuntime,
                QStringLiteral("%1: cannot read the Qwen tokenizer (use --tokenizer FILE)")
                    .arg(tokenizerPath.isEmpty() ? QString::fromLatin1(kTokenizerResource) : tokenizerPath));
  }
  demo.tie = p.isSet("tie");
  demo.extra_files = {
      {vs::scoring::kDemoModelMarkerFile,
       "Random weights: this model's scores and text are noise, not a judgement of any video.\n"}};
  demo.weights.seed = seed;
  demo.weights.shards = shards;
  demo.weights.layout = layout == QLatin1String("nested") ? vs::checkpoint::TensorLayout::Nested
                                                          : vs::checkpoint::TensorLayout::Legacy;
  demo.weights.dtype =
      dtype == QLatin1String("bf16") ? vs::checkpoint::StoredDtype::BF16 : vs::checkpoint::StoredDtype::F32;
  const QString outDir = QDir(p.value("out")).path();
  vs::checkpoint::RandomWeightsSummary written;
  try {
    written = vs::checkpoint::writeDemoCheckpoint(outDir.toStdString(), demo);
  } catch (const vs::inference::Error& e) {
    return fail(kExitRuntime, QString::fromStdString(e.what()));
  }
  out(QStringLiteral("wrote %1: %2 tensors, %3 MB, layout %4, %5, seed %6\n")
          .arg(outDir)
          .arg(written.tensors)
          .arg(written.bytes / 1e6, 0, 'f', 1)
          .arg(layout, dtype)
          .arg(seed));
  return kExitOk;
}

const CommandRegistration registration{Command{
    QStringLiteral("demo-model"), QStringLiteral("demo-model --out DIR [--seed N] [--layout legacy|nested]"),
    QStringLiteral("Write a tiny random-weight VideoScore2-shaped checkpoint with the real Qwen tokenizer"),
    run}};

}  // namespace
