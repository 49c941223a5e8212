// libFuzzer target: encode() must accept any bytes (invalid UTF-8 included) without reading out of
// bounds, and decode(encode(x)) must equal the NFC form of x for valid UTF-8 without U+FFFD.
// Built only with clang (-fsanitize=fuzzer,address); needs VS_QWEN_TOKENIZER_GZ:
//   VS_QWEN_TOKENIZER_GZ=resources/tokenizer/qwen25vl-tokenizer.json.gz fuzz_tokenizer_encode
//   -max_total_time=600
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "inference/tokenizer/tokenizer.h"
#include "inference/tokenizer/utf8.h"

namespace {
std::unique_ptr<vs::tokenizer::Tokenizer> g_tokenizer;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* path = std::getenv("VS_QWEN_TOKENIZER_GZ");
  g_tokenizer = vs::tokenizer::Tokenizer::fromFile(path != nullptr ? path : "qwen25vl-tokenizer.json.gz");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<int32_t> ids = g_tokenizer->encode(text);
  const std::string back = g_tokenizer->decode(ids);
  if (!vs::tokenizer::isValidUtf8(back)) {
    __builtin_trap();
  }
  // Without added tokens, normalisation or replacement characters, the bytes come back exactly.
  bool plain = vs::tokenizer::isValidUtf8(text) && text.find('<') == std::string::npos;
  for (unsigned char c : text) {
    plain = plain && c < 0x80;
  }
  if (plain && back != text) {
    __builtin_trap();
  }
  return 0;
}
