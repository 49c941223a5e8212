// vscore demo-model --out DIR: a tiny random-weight Qwen2.5-VL checkpoint in the Hugging Face
// layout, with the real Qwen2.5 tokenizer, so the demo and tests run without the 16 GB download.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <zlib.h>

#include "command.h"
#include "core/scoring/demo_model.h"
#include "inference/checkpoint/random_weights.h"
#include "inference/safetensors/load_error.h"

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

QByteArray gunzip(const QByteArray& packed) {
  z_stream s{};
  if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK)
    return {};
  QByteArray out;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  s.avail_in = static_cast<uInt>(packed.size());
  char buffer[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    s.next_out = reinterpret_cast<Bytef*>(buffer);
    s.avail_out = sizeof buffer;
    rc = inflate(&s, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&s);
      return {};
    }
    out.append(buffer, static_cast<qsizetype>(sizeof buffer - s.avail_out));
  }
  inflateEnd(&s);
  return out;
}

QJsonObject tinyConfig(bool tied) {
  QJsonObject vision{{"depth", 2},
                     {"hidden_size", 32},
                     {"num_heads", 2},
                     {"intermediate_size", 48},
                     {"out_hidden_size", 64},
                     {"patch_size", 14},
                     {"spatial_patch_size", 14},
                     {"temporal_patch_size", 2},
                     {"spatial_merge_size", 2},
                     {"window_size", 112},
                     {"fullatt_block_indexes", QJsonArray{1}},
                     {"tokens_per_second", 2},
                     {"in_chans", 3},
                     {"hidden_act", "silu"}};
  return QJsonObject{{"architectures", QJsonArray{"Qwen2_5_VLForConditionalGeneration"}},
                     {"model_type", "qwen2_5_vl"},
                     {"vocab_size", 151936},
                     {"hidden_size", 64},
                     {"intermediate_size", 128},
                     {"num_hidden_layers", 2},
                     {"num_attention_heads", 4},
                     {"num_key_value_heads", 2},
                     {"hidden_act", "silu"},
                     {"rms_norm_eps", 1e-6},
                     {"rope_theta", 1000000.0},
                     {"rope_scaling", QJsonObject{{"type", "mrope"}, {"mrope_section", QJsonArray{2, 3, 3}}}},
                     {"max_position_embeddings", 32768},
                     {"tie_word_embeddings", tied},
                     {"sliding_window", 32768},
                     {"use_sliding_window", false},
                     {"max_window_layers", 2},
                     {"attention_dropout", 0.0},
                     {"torch_dtype", "bfloat16"},
                     {"bos_token_id", 151643},
                     {"eos_token_id", 151645},
                     {"vision_start_token_id", 151652},
                     {"vision_end_token_id", 151653},
                     {"vision_token_id", 151654},
                     {"image_token_id", 151655},
                     {"video_token_id", 151656},
                     {"vision_config", vision}};
}

bool writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
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
  QFile tokFile(tokenizerPath);
  if (tokenizerPath.isEmpty() || !tokFile.open(QIODevice::ReadOnly)) {
    return fail(kExitRuntime,
                QStringLiteral("%1: cannot read the Qwen tokenizer (use --tokenizer FILE)")
                    .arg(tokenizerPath.isEmpty() ? QString::fromLatin1(kTokenizerResource) : tokenizerPath));
  }
  QByteArray tokenizer = tokFile.readAll();
  if (tokenizer.startsWith("\x1f\x8b")) {
    tokenizer = gunzip(tokenizer);
    if (tokenizer.isEmpty())
      return fail(kExitInvalidData, tokenizerPath + QStringLiteral(": damaged gzip data"));
  }

  const QDir outDir(p.value("out"));
  if (!QDir().mkpath(outDir.path()))
    return fail(kExitRuntime, outDir.path() + QStringLiteral(": cannot create"));
  const QJsonObject config = tinyConfig(p.isSet("tie"));
  const QByteArray configBytes = QJsonDocument(config).toJson();
  const QJsonObject generation{
      {"bos_token_id", 151643}, {"pad_token_id", 151643}, {"eos_token_id", QJsonArray{151645, 151643}},
      {"do_sample", true},      {"temperature", 0.7},     {"transformers_version", "4.53.2"}};
  const QJsonObject preprocessor{{"min_pixels", 3136},
                                 {"max_pixels", 12845056},
                                 {"patch_size", 14},
                                 {"temporal_patch_size", 2},
                                 {"merge_size", 2},
                                 {"image_mean", QJsonArray{0.48145466, 0.4578275, 0.40821073}},
                                 {"image_std", QJsonArray{0.26862954, 0.26130258, 0.27577711}},
                                 {"image_processor_type", "Qwen2VLImageProcessor"},
                                 {"processor_class", "Qwen2_5_VLProcessor"}};
  const QJsonObject tokenizerConfig{{"eos_token", "<|im_end|>"},
                                    {"pad_token", "<|endoftext|>"},
                                    {"model_max_length", 32768},
                                    {"tokenizer_class", "Qwen2Tokenizer"}};
  if (!writeFile(outDir.filePath("config.json"), configBytes) ||
      !writeFile(outDir.filePath("generation_config.json"), QJsonDocument(generation).toJson()) ||
      !writeFile(outDir.filePath("preprocessor_config.json"), QJsonDocument(preprocessor).toJson()) ||
      !writeFile(outDir.filePath("tokenizer_config.json"), QJsonDocument(tokenizerConfig).toJson()) ||
      !writeFile(outDir.filePath("tokenizer.json"), tokenizer) ||
      !writeFile(outDir.filePath(QString::fromLatin1(vs::scoring::kDemoModelMarkerFile)),
                 "Random weights: this model's scores and text are noise, not a judgement of any video.\n")) {
    return fail(kExitRuntime, outDir.path() + QStringLiteral(": cannot write the checkpoint files"));
  }

  vs::checkpoint::RandomWeightsOptions weights;
  weights.seed = seed;
  weights.shards = shards;
  weights.layout = layout == QLatin1String("nested") ? vs::checkpoint::TensorLayout::Nested
                                                     : vs::checkpoint::TensorLayout::Legacy;
  weights.dtype =
      dtype == QLatin1String("bf16") ? vs::checkpoint::StoredDtype::BF16 : vs::checkpoint::StoredDtype::F32;
  vs::checkpoint::RandomWeightsSummary written;
  try {
    written =
        vs::checkpoint::writeRandomWeights(outDir.path().toStdString(), configBytes.toStdString(), weights);
  } catch (const vs::inference::LoadError& e) {
    return fail(kExitRuntime, QString::fromStdString(e.what()));
  }
  out(QStringLiteral("wrote %1: %2 tensors, %3 MB, layout %4, %5, seed %6\n")
          .arg(outDir.path())
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
