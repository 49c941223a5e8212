#include "inference/tokenizer/chat_template.h"

#include <stdexcept>

#include "inference/tokenizer/tokenizer.h"

namespace vs::tokenizer {

std::string renderQwen25VLChat(const std::vector<ChatMessage>& messages, GenerationPrompt generation_prompt,
                               VisionIds vision_ids) {
  std::string s;
  int images = 0;
  int videos = 0;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const ChatMessage& m = messages[i];
    if (i == 0 && m.role != "system") {
      s += "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n";
    }
    s += "<|im_start|>" + m.role + "\n";
    for (const ChatContent& c : m.content) {
      switch (c.kind) {
        case ChatContent::Kind::Text:
          s += c.text;
          break;
        case ChatContent::Kind::Image:
          ++images;
          if (vision_ids == VisionIds::Add) {
            s += "Picture " + std::to_string(images) + ": ";
          }
          s += "<|vision_start|><|image_pad|><|vision_end|>";
          break;
        case ChatContent::Kind::Video:
          ++videos;
          if (vision_ids == VisionIds::Add) {
            s += "Video " + std::to_string(videos) + ": ";
          }
          s += "<|vision_start|><|video_pad|><|vision_end|>";
          break;
      }
    }
    s += "<|im_end|>\n";
  }
  if (generation_prompt == GenerationPrompt::Add) {
    s += "<|im_start|>assistant\n";
  }
  return s;
}

std::vector<int32_t> expandPads(const std::vector<int32_t>& ids, int32_t pad_id,
                                const std::vector<int64_t>& counts) {
  std::vector<int32_t> out;
  std::size_t k = 0;
  for (int32_t id : ids) {
    if (id != pad_id) {
      out.push_back(id);
      continue;
    }
    if (k >= counts.size()) {
      throw std::invalid_argument("more pad tokens in the prompt than visual inputs");
    }
    if (counts[k] < 0) {
      throw std::invalid_argument("negative pad count");
    }
    out.insert(out.end(), static_cast<std::size_t>(counts[k]), pad_id);
    ++k;
  }
  if (k != counts.size()) {
    throw std::invalid_argument("fewer pad tokens in the prompt than visual inputs");
  }
  return out;
}

std::vector<int32_t> videoPromptIds(const Tokenizer& tokenizer, const std::string& user_text,
                                    int64_t video_tokens) {
  const std::vector<ChatMessage> messages = {
      {"user", {{ChatContent::Kind::Video, {}}, {ChatContent::Kind::Text, user_text}}}};
  const std::optional<int32_t> pad = tokenizer.tokenToId("<|video_pad|>");
  if (!pad) {
    throw std::invalid_argument("tokenizer has no <|video_pad|> token");
  }
  return expandPads(tokenizer.encode(renderQwen25VLChat(messages, GenerationPrompt::Add)), *pad,
                    {video_tokens});
}

}  // namespace vs::tokenizer
