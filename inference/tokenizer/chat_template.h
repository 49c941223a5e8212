#pragma once
// The Qwen2-VL / Qwen2.5-VL chat template (qwen25vl.md §6.1), rendered without a Jinja engine:
// default system prompt when the first message is not a system one, one
// <|vision_start|><|image_pad|/video_pad|><|vision_end|> per visual item (no newline after it),
// <|im_end|>\n after each message, optional "<|im_start|>assistant\n".
#include <cstdint>
#include <string>
#include <vector>

namespace vs::tokenizer {

class Tokenizer;

struct ChatContent {
  enum class Kind { Text, Image, Video };
  Kind kind = Kind::Text;
  std::string text;  // Kind::Text only
};

struct ChatMessage {
  std::string role;                  // "system", "user", "assistant"
  std::vector<ChatContent> content;  // a string content is one Text item
};

enum class GenerationPrompt { Add, Omit };
enum class VisionIds { Omit, Add };  // the template's add_vision_id ("Picture 1: ", "Video 1: ")

std::string renderQwen25VLChat(const std::vector<ChatMessage>& messages, GenerationPrompt generation_prompt,
                               VisionIds vision_ids = VisionIds::Omit);

// Replaces the k-th occurrence of `pad_id` by counts[k] copies (the processor's expansion of
// <|video_pad|> to t*h*w/merge^2 tokens). Throws std::invalid_argument when the number of pads
// differs from counts.size().
std::vector<int32_t> expandPads(const std::vector<int32_t>& ids, int32_t pad_id,
                                const std::vector<int64_t>& counts);

// The VideoScore2 prompt: one user message [video, text], generation prompt added, the video pad
// expanded to `video_tokens` copies.
std::vector<int32_t> videoPromptIds(const Tokenizer& tokenizer, const std::string& user_text,
                                    int64_t video_tokens);

}  // namespace vs::tokenizer
