#include "inference/tokenizer/json_lines.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <ostream>
#include <vector>

#include "inference/base/error.h"

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

void transformLines(const Tokenizer& tokenizer, std::istream& in, std::ostream& out, LineMode mode,
                    SpecialTokens special, const std::string& name) {
  std::string line;
  std::string error;
  long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::optional<std::string> output = transformLine(tokenizer, line, mode, special, error);
    if (!output) {
      out.flush();
      throw inference::Error(inference::Error::Kind::InvalidData, name + ":" + std::to_string(line_no), "",
                             error);
    }
    out << *output << '\n';
  }
  out.flush();
  if (in.bad())
    throw inference::Error(inference::Error::Kind::Io, name, "", "read error");
}

}  // namespace vs::tokenizer
