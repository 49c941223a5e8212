#include "generate_args.h"

#include <iostream>
#include <limits>

#include "core/cli/command_spec.h"
#include "inference/worker/score_params.h"

namespace vs::worker {
namespace {

cli::Spec generateSpec() {
  return cli::Spec{
      "generate",
      "generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed N] "
      "[--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N] [--device cpu|cuda] "
      "[--dtype f32|bf16|f16] [--threads N] [--max-pixels N] [--stats]",
      "run the Qwen2.5-VL engine on a prompt and a video and print the generated text",
      {},
      {{"model", "Checkpoint directory (Hugging Face layout).", "DIR"},
       {"prompt", "The user turn's text.", "TEXT"},
       {"video", "A video placed before the text, sampled as the checkpoint samples it.", "FILE"},
       {"greedy", "Greedy decoding (the later of --greedy and --temperature counts)."},
       {"temperature", "Sample at this temperature.", "T"},
       {"seed", "Sampling seed.", "N"},
       {"top-k", "Sample among the K likeliest tokens.", "K"},
       {"top-p", "Sample within top-p probability mass.", "P"},
       {"repetition-penalty", "Penalty for tokens already in the text.", "R"},
       {"max-new-tokens", "Generation budget.", "N"},
       {"device", "cpu or cuda (default cpu).", "DEVICE"},
       {"dtype", "f32, bf16 or f16 (default f32).", "DTYPE"},
       {"threads", "CPU threads (default: the machine's).", "N"},
       {"max-pixels", "Per-frame pixel cap of the video (qwen-vl-utils max_pixels).", "N"},
       {"stats", "Print one JSON line of figures on stderr at the end."}}}
      .withDescription("Settings not given come from the checkpoint's generation_config.json.");
}

// The option's value as a number of any size; a usage error naming it otherwise.
double real(const cli::Args& a, const QString& name) {
  const double any = std::numeric_limits<double>::infinity();
  return a.real(name, -any, any, QStringLiteral("--%1: not a number: %2").arg(name, a.value(name)));
}

qint64 whole(const cli::Args& a, const QString& name) {
  return a.integer(name, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                   QStringLiteral("--%1: not a number: %2").arg(name, a.value(name)));
}

// `value`, or a usage error.
template <typename T>
T named(const std::optional<T>& value, const char* error) {
  if (!value)
    cli::usageError(QString::fromUtf8(error));
  return *value;
}

GenerateOptions generateOptions(const cli::Args& a) {
  a.requireValues({"model", "prompt"});
  GenerateOptions o;
  o.model_dir = a.value("model").toStdString();
  o.prompt = a.value("prompt").toStdString();
  o.video = a.value("video").toStdString();
  o.stats = a.has("stats");
  o.engine.num_threads = a.has("threads") ? int(whole(a, "threads")) : 0;
  if (a.has("max-pixels"))
    o.max_pixels = whole(a, "max-pixels");
  if (a.has("device"))
    o.engine.device = named(deviceNamed(a.value("device").toStdString()), "--device must be cpu or cuda");
  if (a.has("dtype"))
    o.engine.dtype = named(dtypeNamed(a.value("dtype").toStdString()), "--dtype must be f32, bf16 or f16");
  generate::GenerationOverrides& g = o.overrides;
  for (const QString& option : a.optionNames()) {  // in order: the later of --greedy and --temperature
    if (option == QLatin1String("greedy")) {
      g.decoding = generate::Decoding::kGreedy;
    } else if (option == QLatin1String("temperature")) {
      g.temperature = real(a, option);
      g.decoding = generate::Decoding::kSample;
    }
  }
  if (a.has("seed"))
    g.seed = static_cast<uint64_t>(whole(a, "seed"));
  if (a.has("top-k"))
    g.top_k = whole(a, "top-k");
  if (a.has("top-p"))
    g.top_p = real(a, "top-p");
  if (a.has("repetition-penalty"))
    g.repetition_penalty = real(a, "repetition-penalty");
  if (a.has("max-new-tokens"))
    g.max_new_tokens = whole(a, "max-new-tokens");
  return o;
}

}  // namespace

int generateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                    std::ostream& err) {
  QStringList arguments;
  for (const std::string& a : args)
    arguments << QString::fromStdString(a);
  const cli::Command command = cli::declaredCommand(
      generateSpec(), [&](const cli::Args& a) { return runGenerate(generateOptions(a), sampler, out, err); });
  try {
    return command.run(arguments);
  } catch (const Error& e) {  // the command line's: a usage error
    err << "vscore: error: " << e.full().toStdString() << '\n';
    return cli::kExitUsage;
  }
}

}  // namespace vs::worker
