// vscore generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N]
//                 [--max-new-tokens N] [--device cpu|cuda] [--dtype f32|bf16] [...]
// Runs the Qwen2.5-VL engine on a prompt (and video) and prints the generated text as it streams.
// vscore never links libtorch: the work is handed to `vscore-worker generate` with the same
// arguments (app/vscore-worker), whose output and exit code pass through.
#include "core/cli/command.h"
#include "core/cli/sibling_program.h"

namespace {

using namespace vs;

// Everything, --help included, is the worker's (app/vscore-worker/generate_args.cpp).
int runGenerate(const QStringList& args) {
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
