// vscore model-info DIR [--json]: what a Qwen2.5-VL checkpoint directory holds and whether the
// engine can load it (layout, shards, dtypes, parameter count, tensors missing or unexpected).
#include <QCommandLineParser>
#include <map>
#include <nlohmann/json.hpp>

#include "cmd_options.h"
#include "command.h"
#include "inference/checkpoint/checkpoint.h"
#include "inference/safetensors/load_error.h"

namespace {

using namespace vs;
using nlohmann::ordered_json;

const char* layoutName(checkpoint::NameLayout l) {
  switch (l) {
    case checkpoint::NameLayout::Legacy:
      return "visual.*/model.*";
    case checkpoint::NameLayout::Nested:
      return "model.visual.*/model.language_model.*";
    case checkpoint::NameLayout::Mixed:
      return "mixed";
  }
  return "?";
}

ordered_json describe(const checkpoint::Checkpoint& c, bool with_tensors) {
  const auto& cfg = c.config();
  ordered_json o;
  o["directory"] = c.directory();
  o["storage"] = c.storage().layout() == safetensors::TensorSet::Layout::Sharded ? "sharded" : "single file";
  o["files"] = c.storage().files().size();
  o["name_layout"] = layoutName(c.nameLayout());
  o["tensors"] = c.storage().tensors().size();
  o["parameters"] = c.parameterCount();
  std::map<std::string, int64_t> dtypes;
  for (const auto& [name, view] : c.storage().tensors()) {
    dtypes[std::string(safetensors::dtypeName(view->dtype))] += view->numel();
  }
  o["dtypes"] = dtypes;
  o["lm_head_tied"] = c.lmHeadTied();
  o["text"] = {{"hidden_size", cfg.text.hidden_size},
               {"layers", cfg.text.num_hidden_layers},
               {"heads", cfg.text.num_attention_heads},
               {"kv_heads", cfg.text.num_key_value_heads},
               {"intermediate_size", cfg.text.intermediate_size},
               {"vocab_size", cfg.text.vocab_size},
               {"rope_theta", cfg.text.rope_theta},
               {"mrope_section", cfg.text.mrope_section}};
  o["vision"] = {{"depth", cfg.vision.depth},
                 {"hidden_size", cfg.vision.hidden_size},
                 {"heads", cfg.vision.num_heads},
                 {"window_size", cfg.vision.window_size},
                 {"fullatt_block_indexes", cfg.vision.fullatt_block_indexes},
                 {"tokens_per_second", cfg.vision.tokens_per_second}};
  o["generation_config"] = c.generation().present;
  o["preprocessor_config"] = c.preprocessor().present;
  ordered_json missing = ordered_json::array();
  ordered_json unexpected = ordered_json::array();
  ordered_json wrong = ordered_json::array();
  for (const auto& p : c.problems()) {
    if (p.problem == "missing") {
      missing.push_back(p.name);
    } else if (p.problem == "unexpected") {
      unexpected.push_back(p.name);
    } else {
      wrong.push_back({{"name", p.name}, {"problem", p.problem}});
    }
  }
  o["missing"] = missing;
  o["unexpected"] = unexpected;
  o["invalid"] = wrong;
  if (with_tensors) {
    ordered_json t = ordered_json::object();
    for (const auto& [name, view] : c.tensors()) {
      t[name] = {{"dtype", std::string(safetensors::dtypeName(view.dtype))}, {"shape", view.shape}};
    }
    o["tensor_shapes"] = t;
  }
  return o;
}

int runModelInfo(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("DIR"),
                               QStringLiteral("checkpoint directory (Hugging Face layout)"));
  parser.addOption(
      {QStringLiteral("json"), QStringLiteral("print one JSON object, with every tensor's shape")});
  if (const auto stop = cli::parseCommandLine(parser, QStringLiteral("model-info"), args)) {
    return *stop;
  }
  if (const auto stop =
          cli::requirePositionals(parser, 1, QStringLiteral("vscore model-info DIR [--json]"))) {
    return *stop;
  }
  const std::string dir = parser.positionalArguments().first().toStdString();
  try {
    const auto c = checkpoint::Checkpoint::open(dir, checkpoint::Strictness::ReportOnly);
    const ordered_json o = describe(c, parser.isSet(QStringLiteral("json")));
    const bool loadable = o["missing"].empty() && o["invalid"].empty();
    if (parser.isSet(QStringLiteral("json"))) {
      cli::out(QString::fromStdString(o.dump(2)) + QLatin1Char('\n'));
    } else {
      QString text;
      for (auto it = o.begin(); it != o.end(); ++it) {
        text += QStringLiteral("%1: %2\n")
                    .arg(QString::fromStdString(it.key()), QString::fromStdString(it.value().dump()));
      }
      text += loadable ? QStringLiteral("loadable: yes\n") : QStringLiteral("loadable: no\n");
      cli::out(text);
    }
    if (!loadable) {
      return cli::fail(cli::kExitInvalidData, QStringLiteral("%1: %2 tensors missing, %3 invalid")
                                                  .arg(QString::fromStdString(dir))
                                                  .arg(o["missing"].size())
                                                  .arg(o["invalid"].size()));
    }
    return cli::kExitOk;
  } catch (const inference::LoadError& e) {
    return cli::fail(e.kind() == inference::LoadError::Kind::Io ? cli::kExitRuntime : cli::kExitInvalidData,
                     QString::fromStdString(e.what()));
  }
}

const cli::CommandRegistration registration(
    {QStringLiteral("model-info"), QStringLiteral("model-info DIR [--json]"),
     QStringLiteral(
         "layout, shapes, dtypes, parameter count of a Qwen2.5-VL checkpoint; missing/unexpected tensors"),
     runModelInfo});

}  // namespace
