#include "generate_mode.h"

#include <iostream>
#include <stdexcept>

#include "error_codes.h"
#include "inference/qwen25vl/text_generator.h"

namespace vs::worker {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage: vscore generate --model DIR --prompt TEXT [--video FILE] [--greedy | --temperature T] [--seed "
    "N]\n"
    "       [--top-k K] [--top-p P] [--repetition-penalty R] [--max-new-tokens N] [--device cpu|cuda]\n"
    "       [--dtype f32|bf16] [--threads N] [--max-pixels N] [--stats]";

struct Options {
  std::string model_dir;
  std::string prompt;
  std::string video;
  generate::GenerationOverrides overrides;
  qwen25vl::EngineOptions engine;
  std::optional<int64_t> max_pixels;
  bool stats = false;
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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
  } catch (const std::exception&) {
  }
  throw UsageError(flag + ": not a number: " + text);
}

Options parse(const std::vector<std::string>& args) {
  Options o;
  o.engine.num_threads = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) {
        throw UsageError(a + " needs a value");
      }
      return args[++i];
    };
    if (a == "--model") {
      o.model_dir = value();
    } else if (a == "--prompt") {
      o.prompt = value();
    } else if (a == "--video") {
      o.video = value();
    } else if (a == "--greedy") {
      o.overrides.decoding = generate::Decoding::kGreedy;
    } else if (a == "--temperature") {
      o.overrides.temperature = number<double>(a, value());
      o.overrides.decoding = generate::Decoding::kSample;
    } else if (a == "--seed") {
      o.overrides.seed = number<uint64_t>(a, value());
    } else if (a == "--top-k") {
      o.overrides.top_k = number<int64_t>(a, value());
    } else if (a == "--top-p") {
      o.overrides.top_p = number<double>(a, value());
    } else if (a == "--repetition-penalty") {
      o.overrides.repetition_penalty = number<double>(a, value());
    } else if (a == "--max-new-tokens") {
      o.overrides.max_new_tokens = number<int64_t>(a, value());
    } else if (a == "--threads") {
      o.engine.num_threads = number<int>(a, value());
    } else if (a == "--max-pixels") {
      o.max_pixels = number<int64_t>(a, value());
    } else if (a == "--device") {
      const std::string& d = value();
      if (d != "cpu" && d != "cuda") {
        throw UsageError("--device must be cpu or cuda");
      }
      o.engine.device = d == "cuda" ? qwen25vl::Device::kCuda : qwen25vl::Device::kCpu;
    } else if (a == "--dtype") {
      const std::string& d = value();
      if (d != "f32" && d != "bf16" && d != "f16") {
        throw UsageError("--dtype must be f32, bf16 or f16");
      }
      o.engine.dtype = d == "f32"    ? qwen25vl::ComputeDtype::kF32
                       : d == "bf16" ? qwen25vl::ComputeDtype::kBF16
                                     : qwen25vl::ComputeDtype::kF16;
    } else if (a == "--stats") {
      o.stats = true;
    } else {
      throw UsageError("unknown option " + a);
    }
  }
  if (o.model_dir.empty() || o.prompt.empty()) {
    throw UsageError("--model and --prompt are required");
  }
  return o;
}

}  // namespace

int runGenerate(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                std::ostream& err) {
  Options o;
  try {
    o = parse(args);
  } catch (const UsageError& e) {
    err << "vscore: error: " << e.what() << '\n' << kUsage << '\n';
    return kExitUsage;
  }
  try {
    qwen25vl::TextGenerator generator(o.model_dir);
    // The video first: a bad file fails before a multi-GB model is loaded.
    qwen25vl::VideoInput video;
    if (!o.video.empty()) {
      video = sampler(VideoRequest{o.video, o.model_dir, o.max_pixels});
    }
    const nlohmann::json stats =
        generator.run(o.prompt, o.video.empty() ? nullptr : &video, o.overrides, o.engine, out);
    if (o.stats) {
      err << stats.dump() << '\n';
    }
    return kExitOk;
  } catch (const inference::Error& e) {
    // The engine's errors name no file: they are about the model directory.
    const bool engine = e.file().empty() && e.kind() != inference::Error::Kind::Io &&
                        e.kind() != inference::Error::Kind::InvalidData;
    err << "vscore: error: " << (engine ? o.model_dir + ": " : std::string()) << e.what() << '\n';
    return exitCode(e);
  } catch (const std::invalid_argument& e) {
    err << "vscore: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "vscore: error: " << e.what() << '\n';
    return kExitRuntime;
  }
}

}  // namespace vs::worker
