#include "inference/tokenizer/json_lines.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <vector>

namespace vs::tokenizer {

using json = nlohmann::json;

std::optional<std::string> transformLine(const Tokenizer& tokenizer, std::string_view line, LineMode mode,
                                         SpecialTokens special, std::string& error) {
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  json value;
  try {
    value = json::parse(line);
  } catch (const json::exception&) {
    error = "not a JSON value";
    return std::nullopt;
  }
  if (mode == LineMode::Encode) {
    if (!value.is_string()) {
      error = "expected a JSON string";
      return std::nullopt;
    }
    return json(tokenizer.encode(value.get_ref<const std::string&>())).dump();
  }
  std::vector<int32_t> ids;
  bool ok = value.is_array();
  for (std::size_t i = 0; ok && i < value.size(); ++i) {
    ok = value[i].is_number_integer() && value[i].get<int64_t>() >= 0 && value[i].get<int64_t>() <= INT32_MAX;
    if (ok) {
      ids.push_back(static_cast<int32_t>(value[i].get<int64_t>()));
    }
  }
  if (!ok) {
    error = "expected a JSON array of token ids";
    return std::nullopt;
  }
  return json(tokenizer.decode(ids, special)).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vs::tokenizer
