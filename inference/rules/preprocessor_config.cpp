#include "inference/rules/preprocessor_config.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "inference/base/json_fields.h"

namespace vs::videoscore2 {

using inference::badField;
using inference::JsonScopes;
using json = nlohmann::json;

PreprocessorConfig parsePreprocessorConfig(const std::string& text, const std::string& file) {
  const json root = inference::parseJsonObject(text, file);
  const JsonScopes s(file, {{"", &root}});
  PreprocessorConfig p;
  p.present = true;
  // Newer saves carry the pixel bounds as size {shortest_edge, longest_edge} as well or instead.
  const json* size = nullptr;
  if (auto it = root.find("size"); it != root.end() && it->is_object()) {
    size = &*it;
  }
  const JsonScopes sz(file, {{"size", size}});
  p.min_pixels = s.optionalInt("min_pixels", sz.optionalInt("shortest_edge", p.min_pixels));
  p.max_pixels = s.optionalInt("max_pixels", sz.optionalInt("longest_edge", p.max_pixels));
  p.patch_size = s.optionalInt("patch_size", p.patch_size);
  p.temporal_patch_size = s.optionalInt("temporal_patch_size", p.temporal_patch_size);
  p.merge_size = s.optionalInt("merge_size", p.merge_size);
  p.do_resize = s.optionalBool("do_resize", p.do_resize);
  p.do_rescale = s.optionalBool("do_rescale", p.do_rescale);
  p.rescale_factor = s.optionalDouble("rescale_factor", p.rescale_factor);
  p.do_normalize = s.optionalBool("do_normalize", p.do_normalize);
  p.image_processor_type = s.optionalString("image_processor_type", p.image_processor_type);
  if (auto [v, path] = s.find("fps"); v != nullptr) {
    p.fps = s.asDouble(*v, path);
  }
  for (const char* key : {"image_mean", "image_std"}) {
    auto [v, path] = s.find(key);
    if (v == nullptr) {
      continue;
    }
    if (!v->is_array() || v->size() != 3) {
      badField(file, path, "must be a list of 3 numbers");
    }
    auto& dst = std::string(key) == "image_mean" ? p.image_mean : p.image_std;
    for (std::size_t i = 0; i < 3; ++i) {
      dst[i] = s.asDouble((*v)[i], path + "[" + std::to_string(i) + "]");
    }
  }
  for (const auto& [key, value] : {std::pair<const char*, int64_t>{"patch_size", p.patch_size},
                                   {"temporal_patch_size", p.temporal_patch_size},
                                   {"merge_size", p.merge_size}}) {
    if (value <= 0) {
      badField(file, key, "must be a positive integer");
    }
  }
  if (p.min_pixels <= 0 || p.max_pixels < p.min_pixels) {
    badField(file, "max_pixels", "pixel bounds must satisfy 0 < min_pixels <= max_pixels");
  }
  for (double sd : p.image_std) {
    if (!(sd > 0)) {
      badField(file, "image_std", "must be positive");
    }
  }
  if (p.fps && !(*p.fps > 0)) {
    badField(file, "fps", "must be > 0");
  }
  return p;
}

PreprocessorConfig readPreprocessorConfig(const std::string& model_dir) {
  const std::string file = model_dir + "/preprocessor_config.json";
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    return PreprocessorConfig{};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in || S_ISDIR(st.st_mode)) {
    throw inference::Error(inference::Error::Kind::Io, file, "", "cannot read");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parsePreprocessorConfig(text.str(), file);
}

}  // namespace vs::videoscore2
