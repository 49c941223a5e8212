#pragma once
// Runs the libtorch vision tower and text decoder of the tiny checkpoint on the golden inputs and
// reports, per named intermediate, how far it is from the golden vector. Torch-free interface so
// the Qt test translation unit never includes torch.
#include <string>
#include <vector>

namespace vs::test {

struct ProbeDiff {
  std::string name;
  bool exact = false;  // integer tensor compared for equality
  bool shape_ok = false;
  double max_abs_diff = 0.0;  // float tensors; for exact ones: number of mismatching elements
};

// model_dir: checkpoint; golden: golden.safetensors; dtype "f32" or "bf16"; grid_thw of the video.
std::vector<ProbeDiff> probeForward(const std::string& model_dir, const std::string& golden_path,
                                    const std::string& dtype, const std::vector<int64_t>& grid_thw);

}  // namespace vs::test
