// vscore model-info DIR [--json]: what a Qwen2.5-VL checkpoint directory holds and whether the
// engine can load it (layout, shards, dtypes, parameter count, tensors missing or unexpected).
#include <QCommandLineParser>
#include <nlohmann/json.hpp>

#include "cmd_options.h"
#include "command.h"
#include "inference/checkpoint/checkpoint.h"
#include "inference/checkpoint/checkpoint_report.h"
#include "inference/base/error.h"

namespace {

using namespace vs;
using nlohmann::ordered_json;

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
    const ordered_json o = checkpoint::describeCheckpoint(c, parser.isSet(QStringLiteral("json")));
    const bool loadable = checkpoint::loadable(o);
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
  } catch (const vs::inference::Error& e) {
    return cli::fail(e.kind() == vs::inference::Error::Kind::Io ? cli::kExitRuntime : cli::kExitInvalidData,
                     QString::fromStdString(e.what()));
  }
}

const cli::CommandRegistration registration(
    {QStringLiteral("model-info"), QStringLiteral("model-info DIR [--json]"),
     QStringLiteral(
         "layout, shapes, dtypes, parameter count of a Qwen2.5-VL checkpoint; missing/unexpected tensors"),
     runModelInfo});

}  // namespace
