#include "inference/safetensors/safetensors_file.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "inference/base/error.h"
#include "inference/safetensors/mapped_file.h"

namespace vs::safetensors {

namespace {

using json = nlohmann::json;

// Same bound as the reference reader (safetensors MAX_HEADER_SIZE).
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

[[noreturn]] void bad(const std::string& file, const std::string& where, const std::string& what) {
  throw inference::Error(inference::Error::Kind::InvalidData, file, where, what);
}

bool mulOverflows(uint64_t a, uint64_t b, uint64_t* out) {
  if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) {
    return true;
  }
  *out = a * b;
  return false;
}

uint64_t readUnsigned(const json& v, const std::string& file, const std::string& tensor, const char* field) {
  if (v.is_number_unsigned()) {
    return v.get<uint64_t>();
  }
  if (v.is_number_integer() && v.get<int64_t>() >= 0) {
    return static_cast<uint64_t>(v.get<int64_t>());
  }
  bad(file, tensor, std::string(field) + " must hold non-negative integers");
}

}  // namespace

SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

SafetensorsFile SafetensorsFile::open(const std::string& path) {
  SafetensorsFile f;
  f.path_ = path;
  f.map_ = std::make_unique<MappedFile>(path);
  f.parse(f.map_->data(), f.map_->size());
  return f;
}

SafetensorsFile SafetensorsFile::fromBytes(const std::byte* data, std::size_t size, std::string name) {
  SafetensorsFile f;
  f.path_ = std::move(name);
  f.parse(data, size);
  return f;
}

const TensorView* SafetensorsFile::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &tensors_[it->second];
}

// Validation follows the reference reader (safetensors `read_metadata` + `Metadata::validate`):
// header fits the file, is a JSON object, tensors tile the byte buffer exactly in offset order.
void SafetensorsFile::parse(const std::byte* data, std::size_t size) {
  size_ = size;
  const std::string& file = path_;
  if (size < 8) {
    bad(file, "", "file too short for a safetensors header (" + std::to_string(size) + " bytes)");
  }
  uint64_t header_len = 0;
  for (int i = 7; i >= 0; --i) {
    header_len = (header_len << 8) | static_cast<uint8_t>(data[i]);
  }
  if (header_len > kMaxHeaderBytes) {
    bad(file, "", "header length " + std::to_string(header_len) + " exceeds the 100 MB limit");
  }
  if (header_len > size - 8) {
    bad(file, "",
        "header length " + std::to_string(header_len) + " runs past the end of the file (" +
            std::to_string(size) + " bytes)");
  }
  const char* text = reinterpret_cast<const char*>(data + 8);
  if (header_len == 0 || text[0] != '{') {
    bad(file, "", "header does not start with '{'");
  }
  // Duplicate top-level keys would silently collapse in a JSON object: catch them while parsing.
  std::set<std::string> seen_keys;
  std::string duplicate;
  json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::key && depth == 1) {
      const std::string& key = parsed.get_ref<const std::string&>();
      if (!seen_keys.insert(key).second && duplicate.empty()) {
        duplicate = key;
      }
    }
    return true;
  };
  json header;
  try {
    header = json::parse(text, text + header_len, on_event);
  } catch (const json::exception& e) {
    bad(file, "", std::string("header is not valid JSON: ") + e.what());
  }
  if (!duplicate.empty()) {
    bad(file, duplicate, "tensor name appears twice in the header");
  }
  if (!header.is_object()) {
    bad(file, "", "header is not a JSON object");
  }

  const uint64_t buffer_size = size - 8 - header_len;
  const std::byte* buffer = data + 8 + header_len;
  struct Pending {
    TensorView view;
    uint64_t begin;
    uint64_t end;
  };
  std::vector<Pending> pending;
  for (auto it = header.begin(); it != header.end(); ++it) {
    const std::string& name = it.key();
    const json& entry = it.value();
    if (name == "__metadata__") {
      if (!entry.is_object()) {
        bad(file, name, "must be an object of strings");
      }
      for (auto m = entry.begin(); m != entry.end(); ++m) {
        if (!m.value().is_string()) {
          bad(file, name + "." + m.key(), "metadata values must be strings");
        }
        metadata_[m.key()] = m.value().get<std::string>();
      }
      continue;
    }
    if (!entry.is_object()) {
      bad(file, name, "tensor entry is not an object");
    }
    auto dt = entry.find("dtype");
    auto sh = entry.find("shape");
    auto off = entry.find("data_offsets");
    if (dt == entry.end() || !dt->is_string()) {
      bad(file, name, "missing or non-string \"dtype\"");
    }
    if (sh == entry.end() || !sh->is_array()) {
      bad(file, name, "missing or non-array \"shape\"");
    }
    if (off == entry.end() || !off->is_array() || off->size() != 2) {
      bad(file, name, "\"data_offsets\" must be [begin, end]");
    }
    std::optional<Dtype> dtype = parseDtype(dt->get_ref<const std::string&>());
    if (!dtype) {
      bad(file, name, "unknown dtype \"" + dt->get<std::string>() + "\"");
    }
    Pending p;
    p.view.name = name;
    p.view.dtype = *dtype;
    p.view.file = file;
    uint64_t numel = 1;
    for (const json& d : *sh) {
      uint64_t dim = readUnsigned(d, file, name, "shape");
      if (dim > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
          mulOverflows(numel, dim, &numel)) {
        bad(file, name, "shape overflows");
      }
      p.view.shape.push_back(static_cast<int64_t>(dim));
    }
    uint64_t nbytes = 0;
    if (mulOverflows(numel, dtypeSize(*dtype), &nbytes)) {
      bad(file, name, "shape overflows");
    }
    p.begin = readUnsigned((*off)[0], file, name, "data_offsets");
    p.end = readUnsigned((*off)[1], file, name, "data_offsets");
    if (p.end < p.begin) {
      bad(file, name, "data_offsets end before begin");
    }
    if (p.end > buffer_size) {
      bad(file, name,
          "data_offsets [" + std::to_string(p.begin) + ", " + std::to_string(p.end) +
              "] run past the data buffer (" + std::to_string(buffer_size) + " bytes)");
    }
    if (p.end - p.begin != nbytes) {
      bad(file, name,
          "data_offsets span " + std::to_string(p.end - p.begin) + " bytes but shape x " +
              std::string(dtypeName(*dtype)) + " needs " + std::to_string(nbytes));
    }
    p.view.byte_size = static_cast<std::size_t>(nbytes);
    p.view.data = buffer + p.begin;
    pending.push_back(std::move(p));
  }
  std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  uint64_t expected_begin = 0;
  for (const Pending& p : pending) {
    if (p.begin < expected_begin) {
      bad(file, p.view.name, "data overlaps the previous tensor");
    }
    if (p.begin > expected_begin) {
      bad(file, p.view.name,
          "gap of " + std::to_string(p.begin - expected_begin) + " bytes before this tensor's data");
    }
    expected_begin = p.end;
  }
  if (expected_begin != buffer_size) {
    bad(file, "",
        std::to_string(buffer_size - expected_begin) +
            " trailing bytes after the last tensor (truncated header or extra data)");
  }
  tensors_.reserve(pending.size());
  for (Pending& p : pending) {
    by_name_.emplace(p.view.name, tensors_.size());
    tensors_.push_back(std::move(p.view));
  }
}

}  // namespace vs::safetensors
