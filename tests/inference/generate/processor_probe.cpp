#include "tests/inference/generate/processor_probe.h"

#include <ATen/ATen.h>

#include "inference/generate/logits_processors.h"

namespace vs::test {

std::vector<float> runChain(const generate::GenerationConfig& config, const std::vector<int64_t>& input_ids,
                            const std::vector<float>& scores) {
  const auto ids = at::tensor(input_ids, at::TensorOptions().dtype(at::kLong)).view({1, -1});
  const auto s = at::tensor(scores, at::TensorOptions().dtype(at::kFloat)).view({1, -1});
  const auto out = generate::LogitsProcessorChain(config)(ids, s).contiguous();
  return {out.data_ptr<float>(), out.data_ptr<float>() + out.numel()};
}

}  // namespace vs::test
