// vscore generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N]
//                 [--max-new-tokens N] [--device cpu|cuda] [--dtype f32|bf16] [...]
// Runs the Qwen2.5-VL engine on a prompt (and video) and prints the generated text as it streams.
// vscore never links libtorch: the work is handed to `vscore-worker generate` with the same
// arguments (app/vscore-worker), whose output and exit code pass through.
#include "core/cli/command.h"
#include "core/cli/sibling_program.h"

namespace {

using namespace vs;

int runGenerate(const QStringList& args) {
  if (args.isEmpty() || args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
    cli::out(QStringLiteral(
        "usage: vscore generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T]\n"
        "       [--seed N] [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N]\n"
        "       [--device cpu|cuda] [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]\n"
        "Settings not given come from the checkpoint's generation_config.json.\n"));
    return args.isEmpty() ? cli::kExitUsage : cli::kExitOk;
  }
  return cli::runSiblingProgram(QStringLiteral("vscore-worker"),
                                QStringList{QStringLiteral("generate")} + args);
}

const cli::CommandRegistration kRegistration{cli::Command{
    QStringLiteral("generate"),
    QStringLiteral(
        "generate --model DIR --prompt TEXT [--video FILE] [--greedy|--temperature T --seed N] ..."),
    QStringLiteral("run the Qwen2.5-VL engine on a prompt and a video and print the generated text"),
    runGenerate}};

}  // namespace
