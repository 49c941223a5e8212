// vscore model-info DIR [--json]: what a Qwen2.5-VL checkpoint directory holds and whether the
// engine can load it (inference/checkpoint/checkpoint_report.h).
#include "cmd_inference_errors.h"
#include "core/cli/command_spec.h"
#include "inference/checkpoint/checkpoint_report.h"

namespace {

using namespace vs;

const cli::CommandRegistration registration(
    {"model-info",
     "model-info DIR [--json]",
     "layout, shapes, dtypes, parameter count of a Qwen2.5-VL checkpoint; missing/unexpected tensors",
     {{"DIR", "checkpoint directory (Hugging Face layout)"}},
     {cli::jsonOption("print one JSON object, with every tensor's shape")}},
    [](const cli::Args& args) {
      return cli::withInferenceErrors([&] {
        const std::string dir = args.at(0).toStdString();
        const auto report = checkpoint::describeCheckpoint(
            checkpoint::Checkpoint::open(dir, checkpoint::Strictness::ReportOnly), args.json());
        cli::out(
            QString::fromStdString(args.json() ? report.dump(2) + '\n' : checkpoint::reportText(report)));
        checkpoint::requireLoadable(report, dir);
        return int(cli::kExitOk);
      });
    });

}  // namespace
