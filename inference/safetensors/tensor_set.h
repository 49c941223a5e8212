#pragma once
// All tensors of a model directory: driven by model.safetensors.index.json when present (sharded),
// else the single model.safetensors. Checks that every tensor the index names is in the shard the
// index says, that no shard holds a tensor twice across files, and that no shard is missing.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "inference/safetensors/safetensors_file.h"

namespace vs::safetensors {

class TensorSet {
 public:
  // `dir` holds model.safetensors.index.json or model.safetensors. Throws inference::Error.
  static TensorSet openDirectory(const std::string& dir);
  // One explicit file (not sharded).
  static TensorSet openFile(const std::string& path);

  enum class Layout { SingleFile, Sharded };
  Layout layout() const { return layout_; }
  const std::vector<SafetensorsFile>& files() const { return files_; }
  // Every tensor, by its name as stored.
  const std::map<std::string, const TensorView*, std::less<>>& tensors() const { return by_name_; }
  const TensorView* find(std::string_view name) const;

 private:
  Layout layout_ = Layout::SingleFile;
  std::vector<SafetensorsFile> files_;
  std::map<std::string, const TensorView*, std::less<>> by_name_;
};

}  // namespace vs::safetensors
