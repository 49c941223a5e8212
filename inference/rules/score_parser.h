#pragma once
// Hard scores from generated text, as vs2_inference.py / eval/eval_methods/vs2.py do:
//   re.search(r"visual quality:\s*(\d+).*?text-to-video alignment:\s*(\d+).*?"
//             r"physical/common-sense consistency:\s*(\d+)", text, re.DOTALL | re.IGNORECASE)
// then int() of each group. Python semantics are kept: `\s` and `\d` are Unicode (str.isspace,
// category Nd), IGNORECASE folds like sre. Numbers are not range-checked (the reference keeps 7 or
// 0 as given); a number too large for int64 saturates.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vs::videoscore2 {

struct HardScores {
  bool parsed = false;  // the pattern matched; all three values are set exactly when true
  std::array<std::optional<int64_t>, 3> value{};  // visual, t2v, phy
};

// `text`: UTF-8 (decoded with skip_special_tokens=True, like the reference's output_text).
HardScores parseHardScores(std::string_view text);

}  // namespace vs::videoscore2
