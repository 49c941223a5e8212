#include "inference/qwen25vl/text_generator.h"

#include <ostream>

#include "inference/tokenizer/chat_template.h"
#include "inference/tokenizer/tokenizer.h"

namespace vs::qwen25vl {
namespace {

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

TextGenerator::TextGenerator(std::string model_dir)
    : model_dir_(std::move(model_dir)),
      tokenizer_(tokenizer::Tokenizer::fromFile(model_dir_ + "/tokenizer.json")) {}

TextGenerator::~TextGenerator() = default;

nlohmann::json TextGenerator::run(const std::string& prompt, const VideoInput* video,
                                  const generate::GenerationOverrides& overrides,
                                  const EngineOptions& options, std::ostream& out) {
  auto engine = Qwen25VLEngine::load(model_dir_, options);
  std::vector<int32_t> ids32;
  if (video != nullptr) {
    const int64_t merge = engine->config().vision.spatial_merge_size;
    ids32 = tokenizer::videoPromptIds(*tokenizer_, prompt, video->rows / (merge * merge));
  } else {
    const std::vector<tokenizer::ChatMessage> messages{
        {"user", {tokenizer::ChatContent{tokenizer::ChatContent::Kind::Text, prompt}}}};
    ids32 = tokenizer_->encode(tokenizer::renderQwen25VLChat(messages, tokenizer::GenerationPrompt::Add));
  }
  const std::vector<int64_t> ids(ids32.begin(), ids32.end());
  const auto config = engine->generationConfig(overrides);
  TextStream stream(*tokenizer_, out);
  generate::GenerationCallbacks callbacks;
  callbacks.on_token = [&](int64_t, int64_t token) {
    stream.push(token);
    return generate::TokenAction::kContinue;
  };
  const auto result = engine->generate(ids, video, config, callbacks);
  stream.finish();
  out << '\n' << std::flush;
  const double decode_tps = result.tokens.size() > 1 && result.decode_ms > 0
                                ? 1000.0 * static_cast<double>(result.tokens.size() - 1) / result.decode_ms
                                : 0.0;
  return nlohmann::json{{"prompt_tokens", result.prompt_tokens},
                        {"new_tokens", result.tokens.size()},
                        {"stop", generate::stopReasonName(result.stop)},
                        {"vision_ms", result.vision_ms},
                        {"prefill_ms", result.prefill_ms},
                        {"decode_ms", result.decode_ms},
                        {"decode_tokens_per_s", decode_tps},
                        {"device", engine->deviceName()},
                        {"generation", generate::describe(config)}};
}

}  // namespace vs::qwen25vl
