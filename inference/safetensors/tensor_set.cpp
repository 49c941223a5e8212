#include "inference/safetensors/tensor_set.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>

#include "inference/base/error.h"

namespace vs::safetensors {

namespace {

using json = nlohmann::json;

bool isFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw inference::Error(inference::Error::Kind::Io, path, "", "cannot open");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A shard name from the index must be a plain file name inside the checkpoint directory.
bool isPlainFileName(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name.find('\\') == std::string::npos &&
         name != "." && name != "..";
}

}  // namespace

TensorSet TensorSet::openFile(const std::string& path) {
  TensorSet set;
  set.layout_ = Layout::SingleFile;
  set.files_.push_back(SafetensorsFile::open(path));
  for (const TensorView& t : set.files_.front().tensors()) {
    set.by_name_.emplace(t.name, &t);
  }
  return set;
}

TensorSet TensorSet::openDirectory(const std::string& dir) {
  const std::string index_path = dir + "/model.safetensors.index.json";
  if (!isFile(index_path)) {
    const std::string single = dir + "/model.safetensors";
    if (!isFile(single)) {
      throw inference::Error(inference::Error::Kind::Io, dir, "",
                             "neither model.safetensors.index.json nor model.safetensors found");
    }
    return openFile(single);
  }

  json index;
  try {
    index = json::parse(readText(index_path));
  } catch (const json::exception& e) {
    throw inference::Error(inference::Error::Kind::InvalidData, index_path, "",
                           std::string("not valid JSON: ") + e.what());
  }
  auto wm = index.is_object() ? index.find("weight_map") : index.end();
  if (!index.is_object() || wm == index.end() || !wm->is_object()) {
    throw inference::Error(inference::Error::Kind::InvalidData, index_path, "weight_map",
                           "missing or not an object");
  }
  TensorSet set;
  set.layout_ = Layout::Sharded;
  std::map<std::string, std::size_t> shard_index;           // shard file name -> files_ slot
  std::vector<std::pair<std::string, std::string>> wanted;  // tensor -> shard
  for (auto it = wm->begin(); it != wm->end(); ++it) {
    if (!it.value().is_string()) {
      throw inference::Error(inference::Error::Kind::InvalidData, index_path, "weight_map." + it.key(),
                             "shard is not a string");
    }
    const std::string shard = it.value().get<std::string>();
    if (!isPlainFileName(shard)) {
      throw inference::Error(inference::Error::Kind::InvalidData, index_path, "weight_map." + it.key(),
                             "shard \"" + shard + "\" is not a file name in the checkpoint directory");
    }
    wanted.emplace_back(it.key(), shard);
    shard_index.emplace(shard, 0);
  }
  set.files_.reserve(shard_index.size());
  for (auto& [shard, slot] : shard_index) {
    const std::string path = dir + "/" + shard;
    if (!isFile(path)) {
      throw inference::Error(inference::Error::Kind::Io, path, "",
                             "shard named by model.safetensors.index.json is missing");
    }
    slot = set.files_.size();
    set.files_.push_back(SafetensorsFile::open(path));
  }
  for (const auto& [name, shard] : wanted) {
    const SafetensorsFile& f = set.files_[shard_index.at(shard)];
    if (f.find(name) == nullptr) {
      throw inference::Error(inference::Error::Kind::InvalidData, f.path(), name,
                             "tensor listed in model.safetensors.index.json is not in this shard");
    }
  }
  // Every tensor of every shard is visible (transformers loads whole shards); a name stored in two
  // shards is ambiguous.
  for (const SafetensorsFile& f : set.files_) {
    for (const TensorView& t : f.tensors()) {
      auto [it, inserted] = set.by_name_.emplace(t.name, &t);
      if (!inserted) {
        throw inference::Error(inference::Error::Kind::InvalidData, f.path(), t.name,
                               "tensor also stored in " + it->second->file);
      }
    }
  }
  return set;
}

const TensorView* TensorSet::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace vs::safetensors
