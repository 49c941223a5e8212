#pragma once
// The user text of the VideoScore2 query: a Python `string.Template` with the placeholder
// `$t2v_prompt`, substituted exactly as Template.substitute does ("$$" -> "$", "${name}",
// unknown or malformed placeholders are errors; the substituted prompt is never re-scanned).
// Two presets ship byte-exact from TIGER-AI-Lab/VideoScore2:
//   "videoscore2"      vs2_inference.py VS2_QUERY_TEMPLATE (release; the default). It is indented
//                      inside a function, so it starts with "\n", every line carries four spaces,
//                      two lines end with a space, and it ends with "\n    ".
//   "videoscore2-eval" eval/benchmark.py INPUT_TEMPLATE (the evaluation scripts).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "inference/base/error.h"

namespace vs::videoscore2 {

class QueryTemplate {
 public:
  static constexpr std::string_view kReleaseName = "videoscore2";
  static constexpr std::string_view kEvaluationName = "videoscore2-eval";

  QueryTemplate(std::string name, std::string text);

  static QueryTemplate release();
  static QueryTemplate evaluation();
  // A preset by name; throws inference::Error (BadInput) for an unknown name.
  static QueryTemplate preset(std::string_view name);
  static std::vector<std::string> presetNames();

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  // Template.substitute(t2v_prompt=prompt). Throws inference::Error (BadInput) naming the offset of a bad
  // placeholder ("$" at the end, "$1", "${x", or a name other than t2v_prompt).
  std::string render(std::string_view t2v_prompt) const;
  // Checks the template without rendering (same errors as render).
  void validate() const;

 private:
  std::string name_;
  std::string text_;
};

}  // namespace vs::videoscore2
