#include "inference/qwen25vl/generate_command.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>
#include <stdexcept>

#include "inference/safetensors/load_error.h"
#include "inference/tokenizer/chat_template.h"
#include "inference/tokenizer/tokenizer.h"

namespace vs::qwen25vl {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInvalidData = 3;

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
  EngineOptions engine;
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
      o.engine.device = d == "cuda" ? Device::kCuda : Device::kCpu;
    } else if (a == "--dtype") {
      const std::string& d = value();
      if (d != "f32" && d != "bf16" && d != "f16") {
        throw UsageError("--dtype must be f32, bf16 or f16");
      }
      o.engine.dtype = d == "f32"    ? ComputeDtype::kF32
                       : d == "bf16" ? ComputeDtype::kBF16
                                     : ComputeDtype::kF16;
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

// Prints the text of the tokens so far, holding back a trailing incomplete UTF-8 sequence
// (decoded as U+FFFD) until the next token completes it.
class TextStream {
 public:
  TextStream(const tokenizer::Tokenizer& tokenizer, std::ostream& out) : tokenizer_(tokenizer), out_(out) {}
  void push(int64_t token) {
    ids_.push_back(static_cast<int32_t>(token));
    print(Flush::kHoldIncomplete);
  }
  // After the last token: whatever is left, an incomplete sequence as U+FFFD (like the reference).
  void finish() { print(Flush::kAll); }

 private:
  enum class Flush { kHoldIncomplete, kAll };
  void print(Flush flush) {
    const std::string text = tokenizer_.decode(ids_, tokenizer::SpecialTokens::Skip);
    const bool pending = text.size() >= 3 && text.compare(text.size() - 3, 3, "\xEF\xBF\xBD") == 0;
    if ((!pending || flush == Flush::kAll) && text.size() > printed_) {
      out_ << text.substr(printed_) << std::flush;
      printed_ = text.size();
    }
  }

  const tokenizer::Tokenizer& tokenizer_;
  std::ostream& out_;
  std::vector<int32_t> ids_;
  size_t printed_ = 0;
};

}  // namespace

int runGenerateCommand(const std::vector<std::string>& args, const VideoSampler& sampler, std::ostream& out,
                       std::ostream& err) {
  Options o;
  try {
    o = parse(args);
  } catch (const UsageError& e) {
    err << "vscore: error: " << e.what() << '\n' << kUsage << '\n';
    return kExitUsage;
  }
  int code = kExitRuntime;
  try {
    auto tok = tokenizer::Tokenizer::fromFile(o.model_dir + "/tokenizer.json");
    // The video first: a bad file fails before a multi-GB model is loaded.
    VideoInput video;
    if (!o.video.empty()) {
      video = sampler(VideoRequest{o.video, o.model_dir, o.max_pixels}, code);
    }
    code = kExitRuntime;
    auto engine = Qwen25VLEngine::load(o.model_dir, o.engine);
    std::vector<int32_t> ids32;
    if (!o.video.empty()) {
      const int64_t merge = engine->config().vision.spatial_merge_size;
      ids32 = tokenizer::videoPromptIds(*tok, o.prompt, video.rows / (merge * merge));
    } else {
      const std::vector<tokenizer::ChatMessage> messages{
          {"user", {tokenizer::ChatContent{tokenizer::ChatContent::Kind::Text, o.prompt}}}};
      ids32 = tok->encode(tokenizer::renderQwen25VLChat(messages, tokenizer::GenerationPrompt::Add));
    }
    code = kExitRuntime;
    const std::vector<int64_t> ids(ids32.begin(), ids32.end());
    const auto config = engine->generationConfig(o.overrides);
    TextStream stream(*tok, out);
    generate::GenerationCallbacks callbacks;
    callbacks.on_token = [&](int64_t, int64_t token) {
      stream.push(token);
      return generate::TokenAction::kContinue;
    };
    const auto result = engine->generate(ids, o.video.empty() ? nullptr : &video, config, callbacks);
    stream.finish();
    out << '\n' << std::flush;
    if (o.stats) {
      const double decode_tps =
          result.tokens.size() > 1 && result.decode_ms > 0
              ? 1000.0 * static_cast<double>(result.tokens.size() - 1) / result.decode_ms
              : 0.0;
      err << nlohmann::json{{"prompt_tokens", result.prompt_tokens},
                            {"new_tokens", result.tokens.size()},
                            {"stop", generate::stopReasonName(result.stop)},
                            {"vision_ms", result.vision_ms},
                            {"prefill_ms", result.prefill_ms},
                            {"decode_ms", result.decode_ms},
                            {"decode_tokens_per_s", decode_tps},
                            {"device", engine->deviceName()},
                            {"generation", generate::describe(config)}}
                 .dump()
          << '\n';
    }
    return kExitOk;
  } catch (const inference::LoadError& e) {
    err << "vscore: error: " << e.what() << '\n';
    return e.kind() == inference::LoadError::Kind::Io ? kExitRuntime : kExitInvalidData;
  } catch (const EngineError& e) {
    err << "vscore: error: " << o.model_dir << ": " << e.what() << '\n';
    return e.kind() == EngineError::Kind::kBadModel || e.kind() == EngineError::Kind::kBadInput
               ? kExitInvalidData
               : kExitRuntime;
  } catch (const std::invalid_argument& e) {
    err << "vscore: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    err << "vscore: error: " << e.what() << '\n';
    return code;
  }
}

}  // namespace vs::qwen25vl
