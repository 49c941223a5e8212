#include "generate_args.h"

#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "inference/worker/score_params.h"

namespace vs::worker {
namespace {

constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage: vscore generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed "
    "N]\n"
    "       [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N] [--device cpu|cuda]\n"
    "       [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]";

template <typename T>
T number(const std::string& flag, const std::string& text) {
  try {
    size_t used = 0;
    T value{};
    if constexpr (std::is_floating_point_v<T>) {
      value = static_cast<T>(std::stod(text, &used));
    } else {
      value = static_cast<T>(std::stoll(text, &used));
    }
    if (used == text.size()) {
      return value;
    }
  } catch (const std::exception&) {  // a usage error below
  }
  throw std::invalid_argument(flag + ": not a number: " + text);
}

// `value`, or a usage error.
template <typename T>
T named(const std::optional<T>& value, const char* error) {
  if (!value) {
    throw std::invalid_argument(error);
  }
  return *value;
}

GenerateOptions parse(const std::vector<std::string>& args) {
  GenerateOptions o;
  o.engine.num_threads = 0;
  generate::GenerationOverrides& g = o.overrides;
  const std::map<std::string, std::function<void()>> flags{
      {"--greedy", [&] { g.decoding = generate::Decoding::kGreedy; }}, {"--stats", [&] { o.stats = true; }}};
  // Options with a value, and what it sets.
  const std::map<std::string, std::function<void(const std::string&, const std::string&)>> valued{
      {"--model", [&](auto&, auto& v) { o.model_dir = v; }},
      {"--prompt", [&](auto&, auto& v) { o.prompt = v; }},
      {"--video", [&](auto&, auto& v) { o.video = v; }},
      {"--temperature",
       [&](auto& f, auto& v) {
         g.temperature = number<double>(f, v);
         g.decoding = generate::Decoding::kSample;
       }},
      {"--seed", [&](auto& f, auto& v) { g.seed = number<uint64_t>(f, v); }},
      {"--top-k", [&](auto& f, auto& v) { g.top_k = number<int64_t>(f, v); }},
      {"--top-p", [&](auto& f, auto& v) { g.top_p = number<double>(f, v); }},
      {"--repetition-penalty", [&](auto& f, auto& v) { g.repetition_penalty = number<double>(f, v); }},
      {"--max-new-tokens", [&](auto& f, auto& v) { g.max_new_tokens = number<int64_t>(f, v); }},
      {"--threads", [&](auto& f, auto& v) { o.engine.num_threads = number<int>(f, v); }},
      {"--max-pixels", [&](auto& f, auto& v) { o.max_pixels = number<int64_t>(f, v); }},
      {"--device",
       [&](auto&, auto& v) { o.engine.device = named(deviceNamed(v), "--device must be cpu or cuda"); }},
      {"--dtype",
       [&](auto&, auto& v) { o.engine.dtype = named(dtypeNamed(v), "--dtype must be f32, bf16 or f16"); }}};
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (const auto flag = flags.find(a); flag != flags.end()) {
      flag->second();
    } else if (const auto option = valued.find(a); option == valued.end()) {
      throw std::invalid_argument("unknown option " + a);
    } else if (i + 1 >= args.size()) {
      throw std::invalid_argument(a + " needs a value");
    } else {
      option->second(a, args[++i]);
    }
  }
  if (o.model_dir.empty() || o.prompt.empty()) {
    throw std::invalid_argument("--model and --prompt are required");
  }
  return o;
}

}  // namespace

int generateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                    std::ostream& err) {
  GenerateOptions options;
  try {
    options = parse(args);
  } catch (const std::invalid_argument& e) {
    err << "vscore: error: " << e.what() << '\n' << kUsage << '\n';
    return kExitUsage;
  }
  return runGenerate(options, sampler, out, err);
}

}  // namespace vs::worker
